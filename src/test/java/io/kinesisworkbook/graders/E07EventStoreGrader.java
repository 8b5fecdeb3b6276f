package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E07EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class E07EventStoreGrader {

    private static final String TABLE = "clicks";

    /** E07's methods; the grader calls the learner's {@link E07EventStore} through them. */
    interface EventStore {
        boolean storeOnce(DynamoDbClient dynamo, String table, String user, String sequenceNumber, String page);

        List<String> pagesOf(DynamoDbClient dynamo, String table, String user);
    }

    static EventStore answer() {
        return TrivialAnswers.answer(EventStore.class, new EventStore() {
            @Override
            public boolean storeOnce(DynamoDbClient dynamo, String table, String user, String sequenceNumber, String page) {
                return E07EventStore.storeOnce(dynamo, table, user, sequenceNumber, page);
            }

            @Override
            public List<String> pagesOf(DynamoDbClient dynamo, String table, String user) {
                return E07EventStore.pagesOf(dynamo, table, user);
            }
        });
    }

    @Test
    void aClickDeliveredTwiceIsStoredOnce() throws Exception {
        try (Grading.Aws aws = Grading.Aws.start(); DynamoDbClient dynamo = aws.dynamoDb()) {
            createTable(dynamo);
            boolean first = attempt(() -> answer().storeOnce(dynamo, TABLE, "ada", seq(1), "/home"),
                    "putItem with conditionExpression attribute_not_exists(seq)");
            boolean again = attempt(() -> answer().storeOnce(dynamo, TABLE, "ada", seq(1), "/home"),
                    "a failed condition throws ConditionalCheckFailedException: catch it and return false");
            boolean other = attempt(() -> answer().storeOnce(dynamo, TABLE, "ada", seq(2), "/cart"),
                    "the condition is about this item only");

            check(true, first, "the first delivery is stored", "return true after a successful putItem");
            check(false, again, "the repeat is recognised", "catch ConditionalCheckFailedException and return false");
            check(true, other, "another click of the same user is stored", "the key is user and seq together");
            check(2, dynamo.scan(b -> b.tableName(TABLE)).count(), "items in the table",
                    "one item per user and sequence number");
        }
    }

    @Test
    void aUsersPagesComeBackInOrderAcrossQueryPages() throws Exception {
        try (Grading.Aws aws = Grading.Aws.start(); DynamoDbClient dynamo = aws.dynamoDb()) {
            createTable(dynamo);
            List<String> expected = new ArrayList<>();
            String padding = "x".repeat(20_000);   // 60 items of 20 KB: more than one 1 MB Query page
            for (int i = 60; i >= 1; i--) {
                int n = i;
                dynamo.putItem(b -> b.tableName(TABLE).item(Map.of(
                        "user", AttributeValue.fromS("grace"),
                        "seq", AttributeValue.fromS(seq(n)),
                        "page", AttributeValue.fromS("/page-" + n),
                        "padding", AttributeValue.fromS(padding))));
                dynamo.putItem(b -> b.tableName(TABLE).item(Map.of(
                        "user", AttributeValue.fromS("linus"),
                        "seq", AttributeValue.fromS(seq(n)),
                        "page", AttributeValue.fromS("/other"))));
            }
            for (int i = 1; i <= 60; i++) {
                expected.add("/page-" + i);
            }

            List<String> pages = attempt(() -> answer().pagesOf(dynamo, TABLE, "grace"),
                    "query on the partition key; the sort key orders the answer");

            check(expected, pages, "grace's pages in sequence-number order",
                    "Query the table (not Scan) and follow LastEvaluatedKey: queryPaginator(...).items()");
        }
    }

    private static void createTable(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("user").keyType(KeyType.HASH), k -> k.attributeName("seq").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("user").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("seq").attributeType(ScalarAttributeType.S)));
        // The SDK's waiter asks every 20 s; the emulator's table is ACTIVE within milliseconds.
        while (dynamo.describeTable(b -> b.tableName(TABLE)).table().tableStatus() != TableStatus.ACTIVE) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A Kinesis-like sequence number: same length for every record of a shard, so text order is number order. */
    private static String seq(int n) {
        return String.format("4960%034d", n);
    }
}
