package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;

/** A table as DescribeTable, CreateTable, UpdateTable and DeleteTable show it. */
final class TableDescriptions {

    private TableDescriptions() {
    }

    static ObjectNode describe(Table table) {
        ObjectNode description = JsonNodeFactory.instance.objectNode();
        ArrayNode definitions = description.putArray("AttributeDefinitions");
        for (Map.Entry<String, String> attribute : table.attributeTypes().entrySet()) {
            definitions.addObject().put("AttributeName", attribute.getKey()).put("AttributeType", attribute.getValue());
        }
        description.put("TableName", table.name());
        description.set("KeySchema", table.key().describe());
        description.put("TableStatus", table.status());
        description.put("CreationDateTime", seconds(table.createdMillis()));
        description.putObject("ProvisionedThroughput")
                .put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", table.readUnits())
                .put("WriteCapacityUnits", table.writeUnits());
        description.put("TableSizeBytes", table.items().sizeBytes());
        description.put("ItemCount", table.items().count());
        description.put("TableArn", table.arn());
        description.put("TableId", table.id());
        if (!table.provisioned()) {
            description.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", seconds(table.createdMillis()));
        }
        describeIndexes(table, description);
        if (table.streamSpecification() != null) {
            description.set("StreamSpecification", table.streamSpecification());
        }
        description.putObject("TableClassSummary").put("TableClass", table.tableClass());
        description.put("DeletionProtectionEnabled", table.deletionProtection());
        return description;
    }

    private static void describeIndexes(Table table, ObjectNode description) {
        ArrayNode global = JsonNodeFactory.instance.arrayNode();
        ArrayNode local = JsonNodeFactory.instance.arrayNode();
        for (SecondaryIndex index : table.indexes().values()) {
            ObjectNode shown = index.describe(table.indexItems(index), table.provisioned());
            (index.kind() == SecondaryIndex.Kind.GLOBAL ? global : local).add(shown);
        }
        if (!global.isEmpty()) {
            description.set("GlobalSecondaryIndexes", global);
        }
        if (!local.isEmpty()) {
            description.set("LocalSecondaryIndexes", local);
        }
    }

    /** DynamoDB's JSON timestamps: epoch seconds with a fraction. */
    static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
