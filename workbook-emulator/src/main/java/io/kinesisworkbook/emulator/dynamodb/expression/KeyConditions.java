package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.dynamodb.AttributeValues;
import io.kinesisworkbook.emulator.dynamodb.DynamoDbErrors;
import java.util.Map;
import java.util.Set;

/**
 * A key condition as one comparison per attribute, from a KeyConditionExpression or legacy
 * KeyConditions, checked against a key schema as AWS checks it: the partition key first, then the
 * sort key.
 */
record KeyConditions(Map<String, KeyRange> conditions) implements KeyCondition {

    private static final Set<String> NOT_INDEXABLE = Set.of("NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN");

    KeyConditions {
        conditions = Map.copyOf(conditions);
    }

    @Override
    public BoundKeyCondition bind(String hashKeyName, String rangeKeyName) {
        return bind(hashKeyName, null, rangeKeyName, null);
    }

    @Override
    public BoundKeyCondition bind(String hashKeyName, String hashKeyType, String rangeKeyName, String rangeKeyType) {
        if (rangeKeyName == null && conditions.size() > 1) {
            throw DynamoDbErrors.validation("Query key condition not supported");
        }
        KeyRange hash = conditions.get(hashKeyName);
        if (hash == null) {
            throw DynamoDbErrors.validation("Query condition missed key schema element: " + hashKeyName);
        }
        check(hash, hashKeyType);
        if (!hash.operator().equals("EQ")) {
            throw DynamoDbErrors.validation("Query key condition not supported");
        }
        if (rangeKeyName == null) {
            return new BoundKeyCondition(hash.values().get(0), null);
        }
        KeyRange range = conditions.get(rangeKeyName);
        if (range == null) {
            if (conditions.size() > 1) {
                throw DynamoDbErrors.validation("Query condition missed key schema element: " + rangeKeyName);
            }
            return new BoundKeyCondition(hash.values().get(0), null);
        }
        check(range, rangeKeyType);
        return new BoundKeyCondition(hash.values().get(0), range);
    }

    private static void check(KeyRange condition, String keyType) {
        if (NOT_INDEXABLE.contains(condition.operator())) {
            throw DynamoDbErrors.validation("Attempted conditional constraint is not an indexable operation");
        }
        if (keyType != null) {
            for (JsonNode value : condition.values()) {
                if (!AttributeValues.type(value).equals(keyType)) {
                    throw DynamoDbErrors.invalidParameter("Condition parameter type does not match schema type");
                }
            }
        }
    }
}
