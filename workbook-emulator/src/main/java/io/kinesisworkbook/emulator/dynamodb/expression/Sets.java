package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.AttributeValues;

/** Union and difference of DynamoDB sets (SS, NS, BS) of one type; numbers compare by value. */
final class Sets {

    private Sets() {
    }

    /** The set with the other's elements added; for a list (legacy ADD), the lists concatenated. */
    static JsonNode union(JsonNode set, JsonNode other) {
        String type = AttributeValues.type(set);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode elements = result.putArray(type);
        set.get(type).forEach(element -> elements.add(element.deepCopy()));
        for (JsonNode element : other.get(type)) {
            if (type.equals("L") || !contains(type, set.get(type), element)) {
                elements.add(element.deepCopy());
            }
        }
        return result;
    }

    /** The set without the other's elements, or null when none remain (AWS then removes the attribute). */
    static JsonNode difference(JsonNode set, JsonNode other) {
        String type = AttributeValues.type(set);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode elements = result.putArray(type);
        for (JsonNode element : set.get(type)) {
            if (!contains(type, other.get(type), element)) {
                elements.add(element.deepCopy());
            }
        }
        return elements.isEmpty() ? null : result;
    }

    private static boolean contains(String type, JsonNode elements, JsonNode element) {
        JsonNode wanted = Comparisons.element(type, element);
        for (JsonNode candidate : elements) {
            if (AttributeValues.equal(Comparisons.element(type, candidate), wanted)) {
                return true;
            }
        }
        return false;
    }
}
