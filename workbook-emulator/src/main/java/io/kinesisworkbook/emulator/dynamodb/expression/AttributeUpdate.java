package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.dynamodb.AttributeValues;
import io.kinesisworkbook.emulator.dynamodb.DynamoDbErrors;
import java.util.Set;

/** One attribute's update; ADD takes numbers, sets and lists, DELETE with a value takes sets. */
record AttributeUpdate(String action, JsonNode value) {

    static AttributeUpdate of(String attribute, JsonNode spec) {
        String action = spec.hasNonNull("Action") ? spec.get("Action").asText() : "PUT";
        if (!Set.of("PUT", "ADD", "DELETE").contains(action)) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + action + "' at 'attributeUpdates."
                    + attribute + ".member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
        }
        JsonNode value = spec.hasNonNull("Value") ? spec.get("Value") : null;
        if (value != null) {
            AttributeValues.validate(value);
        }
        if (value == null && !action.equals("DELETE")) {
            throw DynamoDbErrors.invalidParameter("Only DELETE action is allowed when no attribute value is specified");
        }
        if (value != null) {
            String type = AttributeValues.type(value);
            if (action.equals("DELETE") && !Set.of("SS", "NS", "BS").contains(type)) {
                throw DynamoDbErrors.invalidParameter("DELETE action with value is not supported for the type " + type);
            }
            if (action.equals("ADD") && !Set.of("L", "SS", "NS", "BS", "N").contains(type)) {
                throw DynamoDbErrors.invalidParameter("ADD action is not supported for the type " + type);
            }
        }
        return new AttributeUpdate(action, value);
    }
}
