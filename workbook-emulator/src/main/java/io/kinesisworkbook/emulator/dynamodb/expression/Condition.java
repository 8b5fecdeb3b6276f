package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A ConditionExpression, FilterExpression or legacy Expected/QueryFilter/ScanFilter, ready to test items. */
public interface Condition {

    /** Whether the item satisfies the condition; the item is empty when there is none. */
    boolean test(ObjectNode item);
}
