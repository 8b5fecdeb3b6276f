package io.kinesisworkbook.lib.store;

import io.kinesisworkbook.lib.Wait;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The DynamoDB table a consumer stores clicks in, designed for the questions asked of it later:
 * <ul>
 *   <li>key: {@code user} (partition key, S) and {@code n} (sort key, N, the click's own number), so
 *       one Query reads a user's clicks in order, and a click stored twice overwrites itself: at-least-once
 *       delivery leaves no duplicates behind;</li>
 *   <li>global secondary index {@code by-page}: {@code page} (S) and {@code n}, keys only, so a Query
 *       on the index counts a page's views without reading whole items;</li>
 *   <li>on-demand capacity (PAY_PER_REQUEST): no throughput to plan for a demo.</li>
 * </ul>
 *
 * <pre>{@code
 * ClickTable clicks = ClickTable.create(dynamo, "clicks-by-user");
 * Show.table(clicks.keys());                 // the key design, read back from DescribeTable
 * dynamo.putItem(b -> b.tableName(clicks.name()).item(...));
 * }</pre>
 */
public final class ClickTable {

    /** The index that answers "how often was this page viewed?". */
    public static final String BY_PAGE = "by-page";
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final DynamoDbClient dynamo;
    private final String name;

    private ClickTable(DynamoDbClient dynamo, String name) {
        this.dynamo = dynamo;
        this.name = name;
    }

    /** Creates the table and its index, and returns once both are ACTIVE. */
    public static ClickTable create(DynamoDbClient dynamo, String name) {
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("user").keyType(KeyType.HASH),
                        k -> k.attributeName("n").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("user").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("n").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("page").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(g -> g.indexName(BY_PAGE)
                        .keySchema(k -> k.attributeName("page").keyType(KeyType.HASH),
                                k -> k.attributeName("n").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        ClickTable table = new ClickTable(dynamo, name);
        table.awaitActive();
        return table;
    }

    public String name() {
        return name;
    }

    /** The table's and the index's keys as DynamoDB describes them: one row each. */
    public Table keys() {
        TableDescription table = dynamo.describeTable(b -> b.tableName(name)).table();
        StringColumn what = StringColumn.create("table or index");
        StringColumn partitionKey = StringColumn.create("partition key");
        StringColumn sortKey = StringColumn.create("sort key");
        StringColumn projection = StringColumn.create("holds");
        what.append(name);
        partitionKey.append(key(table.keySchema(), KeyType.HASH));
        sortKey.append(key(table.keySchema(), KeyType.RANGE));
        projection.append("whole items");
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            what.append("index " + index.indexName());
            partitionKey.append(key(index.keySchema(), KeyType.HASH));
            sortKey.append(key(index.keySchema(), KeyType.RANGE));
            projection.append(index.projection().projectionTypeAsString().toLowerCase().replace('_', ' '));
        }
        return Table.create("keys of " + name, what, partitionKey, sortKey, projection);
    }

    /** How many items the table holds, counted with a Scan (DescribeTable's ItemCount lags on AWS). */
    public long countItems() {
        return dynamo.scanPaginator(b -> b.tableName(name).select(Select.COUNT)).stream()
                .mapToLong(page -> page.count()).sum();
    }

    /** Deletes the table; returns once it is gone. */
    public void delete() {
        try {
            dynamo.deleteTable(b -> b.tableName(name));
        } catch (ResourceNotFoundException alreadyGone) {
            return;
        }
        Wait.until("table " + name + " to be deleted", PATIENCE, () -> !dynamo.listTables().tableNames().contains(name));
    }

    /**
     * Waits until the table and its index are ACTIVE. (The SDK's waiter asks every 20 s; a local
     * table is ready in well under one.)
     */
    private void awaitActive() {
        Wait.until("table " + name + " and its index to be ACTIVE", PATIENCE,
                () -> active(dynamo.describeTable(b -> b.tableName(name)).table()));
    }

    private static boolean active(TableDescription table) {
        return table.tableStatus() == TableStatus.ACTIVE && table.globalSecondaryIndexes().stream()
                .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
    }

    private static String key(List<KeySchemaElement> schema, KeyType type) {
        return schema.stream().filter(element -> element.keyType() == type).map(KeySchemaElement::attributeName)
                .findFirst().orElse("");
    }
}
