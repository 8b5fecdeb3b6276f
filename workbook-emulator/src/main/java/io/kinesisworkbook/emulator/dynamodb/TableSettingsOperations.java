package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.List;
import java.util.Map;

/** A table's settings beside its items: time to live, point-in-time recovery, tags, and the account's limits. */
final class TableSettingsOperations {

    private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    private final DynamoDbContext context;

    TableSettingsOperations(DynamoDbContext context) {
        this.context = context;
    }

    JsonNode describeTimeToLive(AwsRequest request) {
        Table table = table(request);
        ObjectNode description = JsonNodeFactory.instance.objectNode();
        if (table.ttlAttribute() == null) {
            description.put("TimeToLiveStatus", "DISABLED");
        } else {
            description.put("TimeToLiveStatus", "ENABLED").put("AttributeName", table.ttlAttribute());
        }
        return TableOperations.wrap("TimeToLiveDescription", description);
    }

    JsonNode updateTimeToLive(AwsRequest request) {
        Members specification = request.members().structure("TimeToLiveSpecification");
        Boolean enabled = specification == null ? null : specification.bool("Enabled");
        String attribute = specification == null ? null : specification.string("AttributeName");
        new Validation().notNull(specification, "timeToLiveSpecification")
                .notNull(enabled, "timeToLiveSpecification.enabled")
                .notNull(attribute, "timeToLiveSpecification.attributeName")
                .length(attribute, "timeToLiveSpecification.attributeName", 1, 255).throwIfAny();
        Table table = table(request);
        if (enabled && table.ttlAttribute() != null) {
            throw DynamoDbErrors.validation("TimeToLive is already enabled");
        }
        if (!enabled && table.ttlAttribute() == null) {
            throw DynamoDbErrors.validation("TimeToLive is already disabled");
        }
        if (!enabled && !attribute.equals(table.ttlAttribute())) {
            throw DynamoDbErrors.validation("TimeToLive is active on a different AttributeName: current AttributeName is "
                    + table.ttlAttribute());
        }
        table.ttlAttribute(enabled ? attribute : null);
        ObjectNode echoed = JsonNodeFactory.instance.objectNode().put("Enabled", enabled).put("AttributeName", attribute);
        return TableOperations.wrap("TimeToLiveSpecification", echoed);
    }

    JsonNode describeContinuousBackups(AwsRequest request) {
        return continuousBackups(backupTable(request));
    }

    JsonNode updateContinuousBackups(AwsRequest request) {
        Members specification = request.members().structure("PointInTimeRecoverySpecification");
        Boolean enabled = specification == null ? null : specification.bool("PointInTimeRecoveryEnabled");
        Integer days = specification == null ? null : specification.integer("RecoveryPeriodInDays");
        new Validation().notNull(specification, "pointInTimeRecoverySpecification")
                .notNull(enabled, "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled")
                .range(days, "pointInTimeRecoverySpecification.recoveryPeriodInDays", 1, 35).throwIfAny();
        Table table = backupTable(request);
        table.pointInTimeRecovery(enabled, days);
        return continuousBackups(table);
    }

    private JsonNode continuousBackups(Table table) {
        ObjectNode description = JsonNodeFactory.instance.objectNode().put("ContinuousBackupsStatus", "ENABLED");
        ObjectNode recovery = description.putObject("PointInTimeRecoveryDescription");
        if (table.pointInTimeRecovery()) {
            long now = context.now();
            long earliest = Math.max(table.createdMillis(), now - table.recoveryPeriodDays() * DAY_MILLIS);
            recovery.put("PointInTimeRecoveryStatus", "ENABLED")
                    .put("RecoveryPeriodInDays", table.recoveryPeriodDays())
                    .put("EarliestRestorableDateTime", TableDescriptions.seconds(earliest))
                    .put("LatestRestorableDateTime", TableDescriptions.seconds(now - 5 * 60 * 1000));
        } else {
            recovery.put("PointInTimeRecoveryStatus", "DISABLED");
        }
        return TableOperations.wrap("ContinuousBackupsDescription", description);
    }

    /** The backup operations name a missing table with their own exception, TableNotFoundException. */
    private Table backupTable(AwsRequest request) {
        String name = request.members().string("TableName");
        DynamoDbContext.checkTableName(name);
        Table table = context.tables.find(request.region(), name);
        if (table == null) {
            throw AwsServiceException.clientError("TableNotFoundException", "Table not found: " + name);
        }
        return table;
    }

    private Table table(AwsRequest request) {
        String name = request.members().string("TableName");
        DynamoDbContext.checkTableName(name);
        return context.tables.require(request.region(), name);
    }

    JsonNode tagResource(AwsRequest request) {
        Members members = request.members();
        Map<String, String> tags = TagList.read(members, "Tags");
        Table table = tagged(request, members.string("ResourceArn"));
        if (table.tags().size() + tags.keySet().stream().filter(k -> !table.tags().containsKey(k)).count()
                > TagList.MAX_TAGS) {
            throw DynamoDbErrors.limitExceeded("The number of tags exceeds the limit for the resource: "
                    + TagList.MAX_TAGS);
        }
        table.tags().putAll(tags);
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode untagResource(AwsRequest request) {
        Members members = request.members();
        List<String> keys = members.stringList("TagKeys");
        new Validation().notNull(keys, "tagKeys").throwIfAny();
        Table table = tagged(request, members.string("ResourceArn"));
        keys.forEach(table.tags()::remove);
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode listTagsOfResource(AwsRequest request) {
        Table table = tagged(request, request.members().string("ResourceArn"));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode tags = result.putArray("Tags");
        table.tags().forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        return result;
    }

    private Table tagged(AwsRequest request, String arn) {
        new Validation().notNull(arn, "resourceArn").length(arn, "resourceArn", 1, 1283).throwIfAny();
        Table table = context.tables.findByArn(request.region(), arn);
        if (table == null) {
            // AWS's own words, typo included.
            throw AwsServiceException.clientError("ResourceNotFoundException",
                    "Requested resource not found: ResourcArn: " + arn + " not found");
        }
        return table;
    }

    JsonNode describeLimits(AwsRequest request) {
        return JsonNodeFactory.instance.objectNode()
                .put("AccountMaxReadCapacityUnits", 80000).put("AccountMaxWriteCapacityUnits", 80000)
                .put("TableMaxReadCapacityUnits", 40000).put("TableMaxWriteCapacityUnits", 40000);
    }
}
