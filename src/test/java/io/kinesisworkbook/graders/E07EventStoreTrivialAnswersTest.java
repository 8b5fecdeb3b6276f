package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.graders.E07EventStoreGrader.EventStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** E07's grader fails on a store that is not idempotent and on a query that reads one page or scans. */
class E07EventStoreTrivialAnswersTest {

    @Test
    void storesNothingAndFindsNothing() {
        mustFail(E07EventStoreGrader.class, EventStore.class, "true, and no pages", store(
                (dynamo, table, user, seq, page) -> true, (dynamo, table, user) -> List.of()));
    }

    @Test
    void anUnconditionalPutAndOneQueryPage() {
        mustFail(E07EventStoreGrader.class, EventStore.class, "PutItem without a condition; the first Query page only", store(
                (dynamo, table, user, seq, page) -> {
                    dynamo.putItem(b -> b.tableName(table).item(Map.of("user", AttributeValue.fromS(user),
                            "seq", AttributeValue.fromS(seq), "page", AttributeValue.fromS(page))));
                    return true;
                },
                (dynamo, table, user) -> dynamo.query(b -> b.tableName(table).keyConditionExpression("#u = :u")
                                .expressionAttributeNames(Map.of("#u", "user"))
                                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user))))
                        .items().stream().map(item -> item.get("page").s()).toList()));
    }

    private interface Store {
        boolean once(DynamoDbClient dynamo, String table, String user, String sequenceNumber, String page);
    }

    private interface Pages {
        List<String> of(DynamoDbClient dynamo, String table, String user);
    }

    private static EventStore store(Store store, Pages pages) {
        return new EventStore() {
            @Override
            public boolean storeOnce(DynamoDbClient dynamo, String table, String user, String sequenceNumber, String page) {
                return store.once(dynamo, table, user, sequenceNumber, page);
            }

            @Override
            public List<String> pagesOf(DynamoDbClient dynamo, String table, String user) {
                return pages.of(dynamo, table, user);
            }
        };
    }
}
