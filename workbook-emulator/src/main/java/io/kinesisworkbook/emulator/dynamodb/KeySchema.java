package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.Members;
import java.util.List;
import java.util.Map;

/**
 * The key of a table or an index: a partition (HASH) attribute and an optional sort (RANGE)
 * attribute, each with its type (S, N or B) from the table's attribute definitions.
 */
public record KeySchema(String hashName, String hashType, String rangeName, String rangeType) {

    /** Reads a {@code KeySchema} list, checking it the way AWS does, and types it from the definitions. */
    static KeySchema parse(List<Members> elements, Map<String, String> attributeTypes, String where) {
        if (elements.isEmpty() || elements.size() > 2) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + elements
                    + "' at '" + where + "' failed to satisfy constraint: Member must have length less than or equal to 2");
        }
        String hash = requireRole(elements.get(0), "HASH", "The first KeySchemaElement is not a HASH key type");
        String range = null;
        if (elements.size() == 2) {
            range = requireRole(elements.get(1), "RANGE", "The second KeySchemaElement is not a RANGE key type");
            if (range.equals(hash)) {
                throw DynamoDbErrors.invalidParameter("Both the Hash Key and the Range Key element in the KeySchema have the same name");
            }
        }
        return new KeySchema(hash, attributeTypes.get(hash), range, range == null ? null : attributeTypes.get(range));
    }

    private static String requireRole(Members element, String role, String message) {
        if (!role.equals(element.string("KeyType"))) {
            throw DynamoDbErrors.validation("Invalid KeySchema: " + message);
        }
        String name = element.string("AttributeName");
        if (name == null || name.isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'keySchema.1.member.attributeName' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        return name;
    }

    public boolean hasRange() {
        return rangeName != null;
    }

    /** The key's attribute names: one or two. */
    public List<String> names() {
        return rangeName == null ? List.of(hashName) : List.of(hashName, rangeName);
    }

    /** The key attributes of an item, in key order. */
    public ObjectNode keyOf(ObjectNode item) {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        for (String name : names()) {
            key.set(name, item.get(name));
        }
        return key;
    }

    /** Whether an item carries both key attributes with the right types, as an index needs to hold it. */
    boolean indexes(ObjectNode item) {
        return hasTyped(item, hashName, hashType) && (rangeName == null || hasTyped(item, rangeName, rangeType));
    }

    private static boolean hasTyped(ObjectNode item, String name, String type) {
        JsonNode value = item.get(name);
        return value != null && AttributeValues.type(value).equals(type);
    }

    /**
     * Checks a {@code Key} member: exactly the key's attributes with the key's types. AWS answers the
     * same words whatever is wrong with it.
     */
    void checkKey(JsonNode key) {
        if (key == null || !key.isObject()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'key' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        AttributeValues.validateItem(key);
        if (key.size() != names().size() || !hasTyped((ObjectNode) key, hashName, hashType)
                || (rangeName != null && !hasTyped((ObjectNode) key, rangeName, rangeType))) {
            throw DynamoDbErrors.validation("The provided key element does not match the schema");
        }
        checkNotEmpty(key);
    }

    /** Checks an item to be written: both key attributes present, typed right, not empty. */
    void checkItem(ObjectNode item) {
        for (String name : names()) {
            JsonNode value = item.get(name);
            if (value == null) {
                throw DynamoDbErrors.invalidParameter("Missing the key " + name + " in the item");
            }
            String expected = name.equals(hashName) ? hashType : rangeType;
            String actual = AttributeValues.type(value);
            if (!expected.equals(actual)) {
                throw DynamoDbErrors.invalidParameter("Type mismatch for key " + name + " expected: " + expected
                        + " actual: " + actual);
            }
        }
        checkNotEmpty(item);
    }

    private void checkNotEmpty(JsonNode item) {
        for (String name : names()) {
            JsonNode content = AttributeValues.content(item.get(name));
            if (content.asText().isEmpty()) {
                throw DynamoDbErrors.validation("One or more parameter values are not valid. The AttributeValue for a key "
                        + "attribute cannot contain an empty " + (content.isTextual() && AttributeValues.type(item.get(name))
                        .equals("S") ? "string" : "binary") + " value. Key: " + name);
            }
        }
    }

    /** The {@code KeySchema} list as DescribeTable shows it. */
    ArrayNode describe() {
        ArrayNode elements = JsonNodeFactory.instance.arrayNode();
        elements.addObject().put("AttributeName", hashName).put("KeyType", "HASH");
        if (rangeName != null) {
            elements.addObject().put("AttributeName", rangeName).put("KeyType", "RANGE");
        }
        return elements;
    }
}
