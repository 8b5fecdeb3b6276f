package io.kinesisworkbook.emulator.dynamodb.expression;

/** A Query's KeyConditionExpression or legacy KeyConditions, before it meets the key schema. */
public interface KeyCondition {

    /**
     * Checks the condition against the key schema of the table or index queried and returns the
     * partition key's value and the sort key's predicate. The key attributes' types are not
     * checked; see {@link #bind(String, String, String, String)}.
     *
     * @param rangeKeyName null when the table or index has no sort key
     */
    BoundKeyCondition bind(String hashKeyName, String rangeKeyName);

    /**
     * As {@link #bind(String, String)}, and also checks that the values have the key attributes'
     * types ({@code "S"}, {@code "N"} or {@code "B"}), as AWS does.
     */
    BoundKeyCondition bind(String hashKeyName, String hashKeyType, String rangeKeyName, String rangeKeyType);
}
