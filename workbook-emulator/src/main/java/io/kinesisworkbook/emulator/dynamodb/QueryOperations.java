package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.expression.BoundKeyCondition;
import io.kinesisworkbook.emulator.dynamodb.expression.Condition;
import io.kinesisworkbook.emulator.dynamodb.expression.Projection;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Query and Scan, on a table or one of its indexes. Both read items in the table's (or index's)
 * order, stop at Limit items or 1 MB read, filter what they read, and hand back a
 * LastEvaluatedKey to carry on from.
 */
final class QueryOperations {

    static final List<String> SELECT = List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES",
            "COUNT");
    /** A Query or Scan page reads at most 1 MB of items. */
    static final long PAGE_BYTES = 1024 * 1024;

    private final DynamoDbContext context;

    QueryOperations(DynamoDbContext context) {
        this.context = context;
    }

    JsonNode query(AwsRequest request) {
        Members members = request.members();
        checkCommon(members);
        ExpressionMembers expressions = new ExpressionMembers(request.body(), "KeyConditionExpression", "FilterExpression");
        var keyCondition = expressions.keyCondition();
        Condition filter = expressions.filter("QueryFilter");
        Projection projection = expressions.projection();
        expressions.finish();
        Table table = context.tables.requireForItems(request.region(), members.string("TableName"));
        SecondaryIndex index = index(table, members);
        KeySchema key = index == null ? table.key() : index.key();
        BoundKeyCondition bound = keyCondition.bind(key.hashName(), key.hashType(), key.rangeName(), key.rangeType());
        boolean forward = !Boolean.FALSE.equals(members.bool("ScanIndexForward"));
        JsonNode start = startKey(table, index, request.body().get("ExclusiveStartKey"));
        if (start != null && !AttributeValues.equal(start.get(key.hashName()), bound.hashValue())) {
            throw DynamoDbErrors.validation("The provided starting key is outside query boundaries based on provided "
                    + "conditions");
        }
        List<ObjectNode> candidates;
        if (index == null) {
            candidates = table.items().partition(bound.hashValue(), forward, start);
        } else {
            candidates = new ArrayList<>();
            for (ObjectNode item : table.indexItems(index)) {
                if (AttributeValues.equal(item.get(key.hashName()), bound.hashValue())) {
                    candidates.add(item);
                }
            }
            Comparator<ObjectNode> order = table.indexOrder(index);
            if (!forward) {
                Collections.reverse(candidates);
                order = order.reversed();
            }
            candidates = after(candidates, (ObjectNode) start, order);
        }
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode item : candidates) {
            if (bound.range() == null || bound.range().test(item.get(key.rangeName()))) {
                matching.add(item);
            }
        }
        return page(table, index, matching, filter, projection, members);
    }

    JsonNode scan(AwsRequest request) {
        Members members = request.members();
        checkCommon(members);
        Integer segment = members.integer("Segment");
        Integer totalSegments = members.integer("TotalSegments");
        checkSegments(segment, totalSegments);
        ExpressionMembers expressions = new ExpressionMembers(request.body(), "FilterExpression");
        Condition filter = expressions.filter("ScanFilter");
        Projection projection = expressions.projection();
        expressions.finish();
        Table table = context.tables.requireForItems(request.region(), members.string("TableName"));
        SecondaryIndex index = index(table, members);
        JsonNode start = startKey(table, index, request.body().get("ExclusiveStartKey"));
        List<ObjectNode> candidates = index == null ? table.items().scan(start)
                : after(table.indexItems(index), (ObjectNode) start, table.indexOrder(index));
        if (segment != null) {
            candidates.removeIf(item -> table.items().segmentOf(item, totalSegments) != segment);
        }
        return page(table, index, candidates, filter, projection, members);
    }

    /** Reads a page from the candidates: Limit items or 1 MB, then filters and projects them. */
    private JsonNode page(Table table, SecondaryIndex index, List<ObjectNode> candidates, Condition filter,
                                 Projection projection, Members members) {
        Integer limit = members.integer("Limit");
        boolean countOnly = "COUNT".equals(members.string("Select"));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        int scanned = 0;
        long bytes = 0;
        ObjectNode last = null;
        for (ObjectNode item : candidates) {
            if ((limit != null && scanned == limit) || bytes >= PAGE_BYTES) {
                break;
            }
            scanned++;
            bytes += AttributeValues.itemSize(item);
            last = item;
            if (filter == null || filter.test(item)) {
                if (!countOnly) {
                    items.add(projection == null ? item : projection.apply(item));
                } else {
                    items.add(JsonNodeFactory.instance.nullNode());
                }
            }
        }
        if (!countOnly) {
            result.set("Items", items);
        }
        result.put("Count", items.size()).put("ScannedCount", scanned);
        boolean stoppedEarly = scanned < candidates.size() || (limit != null && scanned == limit);
        if (last != null && stoppedEarly) {
            result.set("LastEvaluatedKey", lastKey(table, index, last));
        }
        boolean consistent = Boolean.TRUE.equals(members.bool("ConsistentRead"));
        double units = Capacity.readUnits(bytes, consistent);
        context.metrics.read(table.name(), units);
        Capacity.report(result, members.string("ReturnConsumedCapacity"), table.name(), units);
        return result;
    }

    private static ObjectNode lastKey(Table table, SecondaryIndex index, ObjectNode item) {
        ObjectNode key = table.key().keyOf(item);
        if (index != null) {
            key.setAll(index.key().keyOf(item));
        }
        return key;
    }

    /** The items that come after {@code start} in {@code order}; all of them when there is no start. */
    private static List<ObjectNode> after(List<ObjectNode> items, ObjectNode start, Comparator<ObjectNode> order) {
        if (start == null) {
            return items;
        }
        List<ObjectNode> rest = new ArrayList<>();
        for (ObjectNode item : items) {
            if (order.compare(item, start) > 0) {
                rest.add(item);
            }
        }
        return rest;
    }

    private static SecondaryIndex index(Table table, Members members) {
        String name = members.string("IndexName");
        if (name == null) {
            if ("ALL_PROJECTED_ATTRIBUTES".equals(members.string("Select"))) {
                throw DynamoDbErrors.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
            }
            return null;
        }
        SecondaryIndex index = table.indexes().get(name);
        if (index == null) {
            throw DynamoDbErrors.validation("The table does not have the specified index: " + name);
        }
        if (index.kind() == SecondaryIndex.Kind.GLOBAL && index.status().equals("CREATING")) {
            throw DynamoDbErrors.validation("Cannot read from backfilling global secondary index: " + name);
        }
        if (index.kind() == SecondaryIndex.Kind.GLOBAL && !index.status().equals("ACTIVE")) {
            throw DynamoDbErrors.validation("The table does not have the specified index: " + name);
        }
        if (index.kind() == SecondaryIndex.Kind.GLOBAL && !index.projectsAll()
                && "ALL_ATTRIBUTES".equals(members.string("Select"))) {
            throw DynamoDbErrors.invalidParameter("Select type ALL_ATTRIBUTES is not supported for global secondary "
                    + "index " + name + " because its projection type is not ALL");
        }
        if (index.kind() == SecondaryIndex.Kind.GLOBAL && Boolean.TRUE.equals(members.bool("ConsistentRead"))) {
            throw DynamoDbErrors.validation("Consistent reads are not supported on global secondary indexes");
        }
        return index;
    }

    /** Checks ExclusiveStartKey: it must hold the table's key (and the index's) with the right types. */
    private static JsonNode startKey(Table table, SecondaryIndex index, JsonNode start) {
        if (start == null || start.isNull()) {
            return null;
        }
        AttributeValues.validateItem(start);
        int expected = table.key().names().size();
        for (String name : index == null ? List.<String>of() : index.key().names()) {
            if (!table.key().names().contains(name)) {
                expected++;
            }
        }
        boolean valid = start.isObject() && start.size() == expected && table.key().indexes((ObjectNode) start)
                && (index == null || index.key().indexes((ObjectNode) start));
        if (!valid) {
            throw DynamoDbErrors.validation("The provided starting key is invalid: The provided key element does not "
                    + "match the schema");
        }
        return start;
    }

    private static void checkCommon(Members members) {
        String table = members.string("TableName");
        DynamoDbContext.tableName(new Validation(), table, "tableName")
                .range(members.integer("Limit"), "limit", 1, Integer.MAX_VALUE)
                .oneOf(members.string("Select"), "select", SELECT)
                .oneOf(members.string("ReturnConsumedCapacity"), "returnConsumedCapacity", ItemOperations.RETURN_CAPACITY)
                .throwIfAny();
    }

    private static void checkSegments(Integer segment, Integer totalSegments) {
        new Validation().range(segment, "segment", 0, 999999).range(totalSegments, "totalSegments", 1, 1000000)
                .throwIfAny();
        if (segment != null && totalSegments == null) {
            throw DynamoDbErrors.validation("The TotalSegments parameter is required but was not present in the request "
                    + "when Segment parameter is present");
        }
        if (totalSegments != null && segment == null) {
            throw DynamoDbErrors.validation("The Segment parameter is required but was not present in the request when "
                    + "parameter TotalSegments is present");
        }
        if (segment != null && segment >= totalSegments) {
            throw DynamoDbErrors.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
        }
    }
}
