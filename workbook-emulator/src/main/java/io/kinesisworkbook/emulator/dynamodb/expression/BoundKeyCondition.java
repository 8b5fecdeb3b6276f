package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A key condition checked against a key schema: the partition key's value, and the sort key's
 * predicate, null when the query does not restrict the sort key.
 */
public record BoundKeyCondition(JsonNode hashValue, RangePredicate range) {
}
