package io.kinesisworkbook.exercises;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Exercise 07 (notebook 07-kcl-applications): an idempotent store for an at-least-once consumer. */
public final class E07EventStore {

    private E07EventStore() {
    }

    /**
     * Stores one click unless the same user and sequence number is already stored; true when stored.
     * The condition is checked by DynamoDB in the same write, so two workers racing cannot both win.
     */
    public static boolean storeOnce(DynamoDbClient dynamo, String table, String user, String sequenceNumber,
                                    String page) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("user", AttributeValue.fromS(user), "seq", AttributeValue.fromS(sequenceNumber),
                            "page", AttributeValue.fromS(page)))
                    .conditionExpression("attribute_not_exists(seq)"));
            return true;
        } catch (ConditionalCheckFailedException repeat) {
            return false;
        }
    }

    /** The pages a user visited, in sequence-number order, across every page of the Query's answer. */
    public static List<String> pagesOf(DynamoDbClient dynamo, String table, String user) {
        return dynamo.queryPaginator(b -> b.tableName(table).keyConditionExpression("#u = :u")
                        .expressionAttributeNames(Map.of("#u", "user"))
                        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user))))
                .items().stream()
                .map(item -> item.get("page").s())
                .toList();
    }
}
