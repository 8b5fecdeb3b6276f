package io.kinesisworkbook.lib.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.LocalAws;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tech.tablesaw.api.Table;

/** The click table's key design, against the emulator's DynamoDB. */
class ClickTableTest {

    @Test
    void aClickStoredTwiceIsOneItemAndTheIndexCountsAPagesViews() {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withTransitionDelay(java.time.Duration.ofMillis(200)))) {
            ClickTable clicks = ClickTable.create(aws.dynamoDb, "clicks");
            assertThat(aws.dynamoDb.describeTable(b -> b.tableName("clicks")).table().tableStatusAsString()).isEqualTo("ACTIVE");

            Table keys = clicks.keys();
            assertThat(keys.rowCount()).isEqualTo(2);
            assertThat(keys.stringColumn("partition key").asList()).containsExactly("user", "page");
            assertThat(keys.stringColumn("sort key").asList()).containsExactly("n", "n");
            assertThat(keys.stringColumn("table or index").get(1)).isEqualTo("index by-page");

            put(aws, "user-1", 1, "/cart");
            put(aws, "user-1", 1, "/cart");          // delivered twice
            put(aws, "user-2", 2, "/cart");
            put(aws, "user-1", 3, "/");
            assertThat(clicks.countItems()).isEqualTo(3);
            int cartViews = aws.dynamoDb.query(b -> b.tableName("clicks").indexName(ClickTable.BY_PAGE)
                    .keyConditionExpression("page = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("/cart"))))
                    .count();
            assertThat(cartViews).isEqualTo(2);

            clicks.delete();
            assertThat(aws.dynamoDb.listTables().tableNames()).doesNotContain("clicks");
            clicks.delete();   // already gone: nothing to do
        }
    }

    private static void put(LocalAws aws, String user, int n, String page) {
        aws.dynamoDb.putItem(b -> b.tableName("clicks").item(Map.of("user", AttributeValue.fromS(user),
                "n", AttributeValue.fromN(Integer.toString(n)), "page", AttributeValue.fromS(page))));
    }
}
