package io.kinesisworkbook.exercises;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Your exercise. Read the Javadoc of each method, replace the TODO, and run {@code ./workbook grade}.
 *
 * <p>Exercise 07 (notebook 07-kcl-applications): a consumer that stores each click once. KCL delivers
 * every record at least once, so after a failover a click can arrive twice; the store must notice.
 *
 * <p>The table is keyed by {@code user} (S, partition key) and {@code seq} (S, sort key: the record's
 * Kinesis sequence number); each item also has a {@code page} (S).
 */
public final class E07EventStore {

    private E07EventStore() {
    }

    /**
     * Stores one click, unless an item with the same user and sequence number is already there.
     * Returns true when it stored the click, false when it was a repeat. Use one PutItem with a
     * ConditionExpression that refuses an existing item (no GetItem first: another worker could write
     * between your read and your write), and tell a repeat by the exception a failed condition throws.
     */
    public static boolean storeOnce(DynamoDbClient dynamo, String table, String user, String sequenceNumber,
                                    String page) {
        // TODO: putItem with conditionExpression "attribute_not_exists(seq)"; catch ConditionalCheckFailedException and return false.
        throw new UnsupportedOperationException("TODO: exercise E07, storeOnce");
    }

    /**
     * The pages one user visited, in the order of their sequence numbers. Use Query on the table's
     * partition key (not Scan), and read every page of the answer: a Query returns at most 1 MB, then
     * a LastEvaluatedKey to continue from (the SDK's queryPaginator follows it for you).
     */
    public static List<String> pagesOf(DynamoDbClient dynamo, String table, String user) {
        // TODO: query with keyConditionExpression "#u = :u" (user is a reserved word: use expressionAttributeNames), every page, in order.
        throw new UnsupportedOperationException("TODO: exercise E07, pagesOf");
    }
}
