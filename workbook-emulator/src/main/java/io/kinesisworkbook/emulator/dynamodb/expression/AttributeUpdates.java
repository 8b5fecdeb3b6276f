package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.AttributeValues;
import io.kinesisworkbook.emulator.dynamodb.DynamoDbErrors;
import java.util.List;
import java.util.Map;

/** UpdateItem's legacy AttributeUpdates: PUT, ADD or DELETE on top-level attributes. */
final class AttributeUpdates implements Update {

    private static final String TYPE_MISMATCH = "Type mismatch for attribute to update";

    private final Map<String, AttributeUpdate> updates;

    AttributeUpdates(Map<String, AttributeUpdate> updates) {
        this.updates = updates;
    }

    @Override
    public List<DocumentPath> paths() {
        return updates.keySet().stream().map(DocumentPath::of).toList();
    }

    @Override
    public ObjectNode apply(ObjectNode item) {
        ObjectNode result = item.deepCopy();
        updates.forEach((attribute, update) -> {
            JsonNode existing = result.get(attribute);
            JsonNode value = update.value();
            switch (update.action()) {
                case "PUT" -> result.set(attribute, value.deepCopy());
                case "DELETE" -> {
                    if (value == null) {
                        result.remove(attribute);
                    } else if (existing != null) {
                        requireSameType(existing, value);
                        JsonNode remaining = Sets.difference(existing, value);
                        if (remaining == null) {
                            result.remove(attribute);
                        } else {
                            result.set(attribute, remaining);
                        }
                    }
                }
                default -> {
                    if (existing == null) {
                        result.set(attribute, value.deepCopy());
                    } else {
                        requireSameType(existing, value);
                        result.set(attribute, AttributeValues.type(value).equals("N")
                                ? UpdateExpression.sum("+", existing, value)
                                : Sets.union(existing, value));
                    }
                }
            }
        });
        return result;
    }

    private static void requireSameType(JsonNode existing, JsonNode value) {
        if (!AttributeValues.type(existing).equals(AttributeValues.type(value))) {
            throw DynamoDbErrors.validation(TYPE_MISMATCH);
        }
    }
}
