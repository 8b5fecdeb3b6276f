package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creating, describing, changing, listing and deleting tables and their global indexes. */
final class TableOperations {

    static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
    static final List<String> ATTRIBUTE_TYPES = List.of("B", "N", "S");
    static final List<String> PROJECTION_TYPES = List.of("ALL", "KEYS_ONLY", "INCLUDE");
    static final int MAX_GLOBAL_INDEXES = 20;
    static final int MAX_LOCAL_INDEXES = 5;

    private final DynamoDbContext context;

    TableOperations(DynamoDbContext context) {
        this.context = context;
    }

    JsonNode createTable(AwsRequest request) {
        Members members = request.members();
        String name = members.string("TableName");
        String billingMode = members.string("BillingMode");
        Validation validation = DynamoDbContext.tableName(new Validation(), name, "tableName");
        validation.notNull(members.has("KeySchema") ? "" : null, "keySchema")
                .notNull(members.has("AttributeDefinitions") ? "" : null, "attributeDefinitions")
                .oneOf(billingMode, "billingMode", BILLING_MODES);
        Map<String, String> types = attributeTypes(members, validation);
        validation.throwIfAny();

        KeySchema key = KeySchema.parse(members.structureList("KeySchema"), types, "keySchema");
        String region = request.region();
        Table table = new Table(name, context.tables.tableArn(region, name), context.now(), key, types, context.changes);
        Set<String> used = new LinkedHashSet<>(key.names());
        addIndexes(table, members, types, used);
        checkDefinitionsUsed(types, used, key);
        applyBilling(table, billingMode == null ? "PROVISIONED" : billingMode, members.structure("ProvisionedThroughput"));
        applyOptions(table, members);
        Map<String, String> tags = TagList.read(members, "Tags");
        table.tags().putAll(tags);
        table.begin("CREATING", context.now() + context.transitionMillis);
        context.tables.add(region, table);
        table.settle(context.now());
        return wrap("TableDescription", TableDescriptions.created(table));
    }

    private static Map<String, String> attributeTypes(Members members, Validation validation) {
        Map<String, String> types = new LinkedHashMap<>();
        List<Members> definitions = members.structureList("AttributeDefinitions");
        for (int i = 0; i < definitions.size(); i++) {
            String attribute = definitions.get(i).string("AttributeName");
            String type = definitions.get(i).string("AttributeType");
            validation.oneOf(type, "attributeDefinitions." + (i + 1) + ".member.attributeType", ATTRIBUTE_TYPES);
            if (types.put(attribute, type) != null) {
                throw DynamoDbErrors.invalidParameter("Duplicate AttributeName in AttributeDefinitions: " + attribute);
            }
        }
        return types;
    }

    private void addIndexes(Table table, Members members, Map<String, String> types, Set<String> used) {
        List<Members> globals = members.structureList("GlobalSecondaryIndexes");
        List<Members> locals = members.structureList("LocalSecondaryIndexes");
        if (globals.size() > MAX_GLOBAL_INDEXES) {
            throw DynamoDbErrors.invalidParameter("GlobalSecondaryIndex count exceeds the per-table limit of "
                    + MAX_GLOBAL_INDEXES);
        }
        if (locals.size() > MAX_LOCAL_INDEXES) {
            throw DynamoDbErrors.invalidParameter("LocalSecondaryIndex count exceeds the per-table limit of "
                    + MAX_LOCAL_INDEXES);
        }
        for (Members local : locals) {
            SecondaryIndex index = index(table, local, SecondaryIndex.Kind.LOCAL, types, used);
            if (!table.key().hasRange()) {
                throw DynamoDbErrors.invalidParameter(
                        "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            }
            if (!index.key().hashName().equals(table.key().hashName()) || !index.key().hasRange()) {
                throw DynamoDbErrors.invalidParameter("Index KeySchema does not have the same leading hash key as table "
                        + "KeySchema for index: " + index.name() + ". index hash key: " + index.key().hashName()
                        + ", table hash key: " + table.key().hashName());
            }
            table.addIndex(index);
        }
        for (Members global : globals) {
            SecondaryIndex index = index(table, global, SecondaryIndex.Kind.GLOBAL, types, used);
            throughput(index, global.structure("ProvisionedThroughput"));
            table.addIndex(index);
        }
    }

    /** Reads one index definition, checking its name, key and projection. */
    private static SecondaryIndex index(Table table, Members definition, SecondaryIndex.Kind kind,
                                        Map<String, String> types, Set<String> used) {
        String name = definition.string("IndexName");
        new Validation().notNull(name, "indexName").length(name, "indexName", 3, 255)
                .pattern(name, "indexName", DynamoDbContext.TABLE_NAME).throwIfAny();
        if (table.indexes().containsKey(name)) {
            throw DynamoDbErrors.invalidParameter("Duplicate index name: " + name);
        }
        KeySchema key = KeySchema.parse(definition.structureList("KeySchema"), types, "keySchema");
        requireDefined(key, types);
        used.addAll(key.names());
        Members projection = definition.structure("Projection");
        String type = projection == null ? null : projection.string("ProjectionType");
        List<String> nonKey = projection == null ? null : projection.stringList("NonKeyAttributes");
        if (type == null) {
            throw DynamoDbErrors.invalidParameter("Unknown ProjectionType: null");
        }
        new Validation().oneOf(type, "projection.projectionType", PROJECTION_TYPES).throwIfAny();
        if (!type.equals("INCLUDE") && nonKey != null) {
            throw DynamoDbErrors.invalidParameter("ProjectionType is " + type + ", but NonKeyAttributes is specified");
        }
        return new SecondaryIndex(name, kind, key, type, nonKey == null ? List.of() : nonKey,
                table.arn() + "/index/" + name);
    }

    private static void requireDefined(KeySchema key, Map<String, String> types) {
        List<String> missing = new ArrayList<>();
        for (String attribute : key.names()) {
            if (!types.containsKey(attribute)) {
                missing.add(attribute);
            }
        }
        if (!missing.isEmpty()) {
            throw DynamoDbErrors.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. "
                    + "Keys: " + missing + ", AttributeDefinitions: " + types.keySet());
        }
    }

    private static void checkDefinitionsUsed(Map<String, String> types, Set<String> used, KeySchema tableKey) {
        requireDefined(tableKey, types);
        if (!used.containsAll(types.keySet())) {
            if (used.size() == tableKey.names().size()) {
                throw DynamoDbErrors.invalidParameter(
                        "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
            }
            throw DynamoDbErrors.invalidParameter("Some AttributeDefinitions are not used. AttributeDefinitions: "
                    + types.keySet() + ", keys used: " + used);
        }
    }

    private static void applyBilling(Table table, String mode, Members throughput) {
        if (mode.equals("PAY_PER_REQUEST")) {
            if (throughput != null) {
                throw DynamoDbErrors.invalidParameter(
                        "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            table.billing(mode, 0, 0);
            return;
        }
        if (throughput == null) {
            throw DynamoDbErrors.invalidParameter(
                    "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        table.billing(mode, units(throughput, "ReadCapacityUnits"), units(throughput, "WriteCapacityUnits"));
    }

    private static void throughput(SecondaryIndex index, Members throughput) {
        if (throughput != null) {
            index.throughput(units(throughput, "ReadCapacityUnits"), units(throughput, "WriteCapacityUnits"));
        }
    }

    private static long units(Members throughput, String member) {
        Integer units = throughput.integer(member);
        String path = "provisionedThroughput." + Character.toLowerCase(member.charAt(0)) + member.substring(1);
        new Validation().notNull(units, path).range(units, path, 1, Long.MAX_VALUE).throwIfAny();
        return units;
    }

    private static void applyOptions(Table table, Members members) {
        Boolean protection = members.bool("DeletionProtectionEnabled");
        if (protection != null) {
            table.deletionProtection(protection);
        }
        Members stream = members.structure("StreamSpecification");
        if (stream != null) {
            table.streamSpecification(streamSpecification(stream));
        }
        Members warm = members.structure("WarmThroughput");
        if (warm != null) {
            Integer reads = warm.integer("ReadUnitsPerSecond");
            Integer writes = warm.integer("WriteUnitsPerSecond");
            new Validation().range(reads, "warmThroughput.readUnitsPerSecond", 1, Long.MAX_VALUE)
                    .range(writes, "warmThroughput.writeUnitsPerSecond", 1, Long.MAX_VALUE).throwIfAny();
            table.warmThroughput(reads == null ? null : reads.longValue(), writes == null ? null : writes.longValue());
        }
        String tableClass = members.string("TableClass");
        if (tableClass != null) {
            new Validation().oneOf(tableClass, "tableClass", List.of("STANDARD", "STANDARD_INFREQUENT_ACCESS"))
                    .throwIfAny();
            table.tableClass(tableClass);
        }
    }

    private static ObjectNode streamSpecification(Members stream) {
        ObjectNode specification = JsonNodeFactory.instance.objectNode();
        boolean enabled = Boolean.TRUE.equals(stream.bool("StreamEnabled"));
        specification.put("StreamEnabled", enabled);
        if (enabled) {
            String viewType = stream.string("StreamViewType");
            if (viewType == null) {
                throw DynamoDbErrors.invalidParameter("You must specify a StreamViewType when enabling a stream");
            }
            specification.put("StreamViewType", viewType);
        }
        return specification;
    }

    JsonNode describeTable(AwsRequest request) {
        String name = request.members().string("TableName");
        DynamoDbContext.checkTableName(name);
        return wrap("Table", TableDescriptions.describe(context.tables.require(request.region(), name)));
    }

    JsonNode listTables(AwsRequest request) {
        Members members = request.members();
        String start = members.string("ExclusiveStartTableName");
        Integer limit = members.integer("Limit");
        Validation validation = new Validation().range(limit, "limit", 1, 100);
        if (start != null) {
            DynamoDbContext.tableName(validation, start, "exclusiveStartTableName");
        }
        validation.throwIfAny();
        int max = limit == null ? 100 : limit;
        List<String> names = context.tables.names(request.region());
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode page = result.putArray("TableNames");
        for (String name : names) {
            if (start != null && name.compareTo(start) <= 0) {
                continue;
            }
            if (page.size() == max) {
                result.put("LastEvaluatedTableName", page.get(page.size() - 1).asText());
                break;
            }
            page.add(name);
        }
        return result;
    }

    JsonNode deleteTable(AwsRequest request) {
        String name = request.members().string("TableName");
        DynamoDbContext.checkTableName(name);
        Table table = context.tables.require(request.region(), name);
        if (table.status().equals("CREATING") || table.status().equals("UPDATING")) {
            throw DynamoDbErrors.resourceInUse("Attempt to change a resource which is still in use: Table is being "
                    + (table.status().equals("CREATING") ? "created" : "updated") + ": " + name);
        }
        if (table.deletionProtection()) {
            throw DynamoDbErrors.validation("Resource cannot be deleted as it is currently protected against deletion. "
                    + "Disable deletion protection first.");
        }
        if (!table.status().equals("DELETING")) {
            table.begin("DELETING", context.now() + context.transitionMillis);
        }
        ObjectNode description = TableDescriptions.deleted(table);
        table.settle(context.now());
        return wrap("TableDescription", description);
    }

    JsonNode updateTable(AwsRequest request) {
        Members members = request.members();
        String name = members.string("TableName");
        DynamoDbContext.checkTableName(name);
        String billingMode = members.string("BillingMode");
        new Validation().oneOf(billingMode, "billingMode", BILLING_MODES).throwIfAny();
        List<Members> indexUpdates = members.structureList("GlobalSecondaryIndexUpdates");
        if (billingMode == null && !members.has("ProvisionedThroughput") && indexUpdates.isEmpty()
                && !members.has("StreamSpecification") && !members.has("DeletionProtectionEnabled")
                && !members.has("TableClass") && !members.has("SSESpecification") && !members.has("WarmThroughput")) {
            throw DynamoDbErrors.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                    + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        Table table = context.tables.require(request.region(), name);
        if (!table.status().equals("ACTIVE")) {
            throw DynamoDbErrors.resourceInUse("Attempt to change a resource which is still in use: Table is being "
                    + (table.status().equals("CREATING") ? "created" : "updated") + ": " + name);
        }
        // Index updates first: they are what is most often refused, and then nothing else has changed.
        updateIndexes(table, members, indexUpdates);
        if (billingMode != null || members.has("ProvisionedThroughput")) {
            String mode = billingMode != null ? billingMode : table.billingMode();
            applyBilling(table, mode, members.structure("ProvisionedThroughput"));
        }
        applyOptions(table, members);
        long settles = context.now() + context.transitionMillis;
        table.begin("UPDATING", settles);
        table.settle(context.now());
        return wrap("TableDescription", TableDescriptions.describe(table));
    }

    private void updateIndexes(Table table, Members members, List<Members> updates) {
        Map<String, String> types = new LinkedHashMap<>(table.attributeTypes());
        Validation validation = new Validation();
        Map<String, String> added = attributeTypes(members, validation);
        validation.throwIfAny();
        added.forEach(types::putIfAbsent);
        long settles = context.now() + context.transitionMillis;
        for (Members update : updates) {
            Members create = update.structure("Create");
            Members delete = update.structure("Delete");
            Members change = update.structure("Update");
            if (create != null) {
                String indexName = create.string("IndexName");
                if (table.indexes().containsKey(indexName)) {
                    throw DynamoDbErrors.validation("One or more parameter values were invalid: Index "
                            + indexName + " already exists");
                }
                SecondaryIndex index = index(table, create, SecondaryIndex.Kind.GLOBAL, types, new LinkedHashSet<>());
                if (table.provisioned()) {
                    throughput(index, create.structure("ProvisionedThroughput"));
                }
                index.begin("CREATING", settles);
                table.addIndex(index);
                index.key().names().forEach(attribute -> table.attributeTypes().putIfAbsent(attribute, types.get(attribute)));
            } else if (delete != null) {
                requireIndex(table, delete.string("IndexName")).begin("DELETING", settles);
            } else if (change != null) {
                throughput(requireIndex(table, change.string("IndexName")), change.structure("ProvisionedThroughput"));
            }
        }
    }

    private static SecondaryIndex requireIndex(Table table, String name) {
        SecondaryIndex index = table.indexes().get(name);
        if (index == null || index.kind() != SecondaryIndex.Kind.GLOBAL) {
            throw DynamoDbErrors.resourceNotFound();
        }
        return index;
    }

    static ObjectNode wrap(String member, JsonNode value) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set(member, value);
        return result;
    }
}
