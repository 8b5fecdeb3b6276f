package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A table as DescribeTable, CreateTable, UpdateTable and DeleteTable show it. They differ, as AWS's
 * do: CreateTable leaves out the warm throughput (unless one was asked for) and the date in the
 * billing summary; DeleteTable shows only the table's identity, size, throughput and status.
 */
final class TableDescriptions {

    /** The warm throughput AWS reports for an on-demand table or index it was not asked to warm. */
    static final long ON_DEMAND_WARM_READS = 12_000;
    static final long ON_DEMAND_WARM_WRITES = 4_000;

    private TableDescriptions() {
    }

    /** DescribeTable's and UpdateTable's TableDescription. */
    static ObjectNode describe(Table table) {
        ObjectNode description = definition(table);
        if (!table.provisioned()) {
            description.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", seconds(table.createdMillis()));
        }
        describeIndexes(table, description, true);
        settings(table, description);
        description.set("WarmThroughput", warmThroughput(table));
        return description;
    }

    /** CreateTable's TableDescription: no warm throughput unless one was asked for. */
    static ObjectNode created(Table table) {
        ObjectNode description = definition(table);
        if (!table.provisioned()) {
            description.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST");
        }
        describeIndexes(table, description, false);
        settings(table, description);
        if (table.warmReadUnits() != null) {
            description.set("WarmThroughput", warmThroughput(table));
        }
        return description;
    }

    /** DeleteTable's TableDescription: the table's name, identity, size, throughput and status. */
    static ObjectNode deleted(Table table) {
        ObjectNode description = JsonNodeFactory.instance.objectNode();
        description.put("TableName", table.name());
        description.put("TableStatus", table.status());
        throughput(table, description);
        description.put("TableSizeBytes", table.items().sizeBytes());
        description.put("ItemCount", table.items().count());
        description.put("TableArn", table.arn());
        description.put("TableId", table.id());
        if (!table.provisioned()) {
            description.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", seconds(table.createdMillis()));
        }
        description.put("DeletionProtectionEnabled", table.deletionProtection());
        return description;
    }

    private static ObjectNode definition(Table table) {
        ObjectNode description = JsonNodeFactory.instance.objectNode();
        ArrayNode definitions = description.putArray("AttributeDefinitions");
        for (Map.Entry<String, String> attribute : table.attributeTypes().entrySet()) {
            definitions.addObject().put("AttributeName", attribute.getKey()).put("AttributeType", attribute.getValue());
        }
        description.put("TableName", table.name());
        description.set("KeySchema", table.key().describe());
        description.put("TableStatus", table.status());
        description.put("CreationDateTime", seconds(table.createdMillis()));
        throughput(table, description);
        description.put("TableSizeBytes", table.items().sizeBytes());
        description.put("ItemCount", table.items().count());
        description.put("TableArn", table.arn());
        description.put("TableId", table.id());
        return description;
    }

    private static void throughput(Table table, ObjectNode description) {
        description.putObject("ProvisionedThroughput")
                .put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", table.readUnits())
                .put("WriteCapacityUnits", table.writeUnits());
    }

    /** Stream specification, table class (shown only once it is not the default), deletion protection. */
    private static void settings(Table table, ObjectNode description) {
        if (table.streamSpecification() != null) {
            description.set("StreamSpecification", table.streamSpecification());
        }
        if (table.tableClassShown()) {
            description.putObject("TableClassSummary").put("TableClass", table.tableClass());
        }
        description.put("DeletionProtectionEnabled", table.deletionProtection());
    }

    private static void describeIndexes(Table table, ObjectNode description, boolean withWarmThroughput) {
        ArrayNode global = JsonNodeFactory.instance.arrayNode();
        ArrayNode local = JsonNodeFactory.instance.arrayNode();
        for (SecondaryIndex index : table.indexes().values()) {
            ObjectNode shown = index.describe(table.indexItems(index), table.provisioned());
            if (withWarmThroughput && index.kind() == SecondaryIndex.Kind.GLOBAL) {
                shown.set("WarmThroughput", warmThroughput(index, table.provisioned()));
            }
            (index.kind() == SecondaryIndex.Kind.GLOBAL ? global : local).add(shown);
        }
        if (!global.isEmpty()) {
            description.set("GlobalSecondaryIndexes", global);
        }
        if (!local.isEmpty()) {
            description.set("LocalSecondaryIndexes", local);
        }
    }

    /**
     * The reads and writes a second the table can take at once: what was asked for, else its
     * provisioned capacity, else AWS's figures for a new on-demand table (12,000 reads, 4,000 writes).
     */
    private static ObjectNode warmThroughput(Table table) {
        long reads = table.warmReadUnits() != null ? table.warmReadUnits()
                : table.provisioned() ? table.readUnits() : ON_DEMAND_WARM_READS;
        long writes = table.warmWriteUnits() != null ? table.warmWriteUnits()
                : table.provisioned() ? table.writeUnits() : ON_DEMAND_WARM_WRITES;
        return warm(reads, writes, table.status().equals("ACTIVE") ? "ACTIVE" : "UPDATING");
    }

    private static ObjectNode warmThroughput(SecondaryIndex index, boolean provisioned) {
        return warm(provisioned ? index.readUnits() : ON_DEMAND_WARM_READS,
                provisioned ? index.writeUnits() : ON_DEMAND_WARM_WRITES,
                index.status().equals("ACTIVE") ? "ACTIVE" : "UPDATING");
    }

    private static ObjectNode warm(long reads, long writes, String status) {
        return JsonNodeFactory.instance.objectNode()
                .put("ReadUnitsPerSecond", reads).put("WriteUnitsPerSecond", writes).put("Status", status);
    }

    /** DynamoDB's JSON timestamps: epoch seconds with a fraction. */
    static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
