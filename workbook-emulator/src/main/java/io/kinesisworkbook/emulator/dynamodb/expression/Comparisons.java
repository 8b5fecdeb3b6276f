package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.AttributeValues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How DynamoDB compares attribute values in conditions. A missing value (null) or values of types
 * that cannot be compared make a comparison false, never an error: that is how AWS filters items
 * whose attributes have other types.
 */
final class Comparisons {

    private Comparisons() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        return a != null && b != null && AttributeValues.equal(a, b);
    }

    /** {@code <, <=, >, >=} between two S, two N or two B. */
    static boolean ordered(String comparator, JsonNode a, JsonNode b) {
        if (a == null || b == null || !AttributeValues.comparable(a, b)) {
            return false;
        }
        int order = AttributeValues.compare(a, b);
        return switch (comparator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> throw new IllegalArgumentException(comparator);
        };
    }

    static boolean between(JsonNode value, JsonNode low, JsonNode high) {
        return ordered(">=", value, low) && ordered("<=", value, high);
    }

    static boolean in(JsonNode value, List<JsonNode> candidates) {
        return value != null && candidates.stream().anyMatch(candidate -> equal(value, candidate));
    }

    /** begins_with: a string prefix of a string, or a byte prefix of a binary. */
    static boolean beginsWith(JsonNode value, JsonNode prefix) {
        if (value == null || prefix == null) {
            return false;
        }
        String type = AttributeValues.type(value);
        if (!type.equals(AttributeValues.type(prefix))) {
            return false;
        }
        return switch (type) {
            case "S" -> text(value).startsWith(text(prefix));
            case "B" -> startsWith(bytes(value), bytes(prefix));
            default -> false;
        };
    }

    /**
     * contains: a substring of a string or binary, an element of a set of the operand's type, or an
     * element of a list equal to the operand.
     */
    static boolean contains(JsonNode container, JsonNode operand) {
        if (container == null || operand == null) {
            return false;
        }
        String type = AttributeValues.type(container);
        String operandType = AttributeValues.type(operand);
        JsonNode content = AttributeValues.content(container);
        return switch (type) {
            case "S" -> operandType.equals("S") && text(container).contains(text(operand));
            case "B" -> operandType.equals("B") && indexOf(bytes(container), bytes(operand)) >= 0;
            case "SS", "NS", "BS" -> operandType.equals(type.substring(0, 1)) && setContains(type, content, operand);
            case "L" -> {
                for (JsonNode element : content) {
                    if (equal(element, operand)) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> false;
        };
    }

    private static boolean setContains(String setType, JsonNode elements, JsonNode operand) {
        for (JsonNode element : elements) {
            if (equal(element(setType, element), operand)) {
                return true;
            }
        }
        return false;
    }

    /** A set's element as an attribute value of its own, e.g. {@code "1"} of an NS as {@code {"N":"1"}}. */
    static ObjectNode element(String setType, JsonNode element) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.set(setType.substring(0, 1), element.deepCopy());
        return value;
    }

    /**
     * size(): a string's length, a binary's bytes, a set's, list's or map's elements; null for the
     * types that have no size, so that comparisons with it are false.
     */
    static JsonNode size(JsonNode value) {
        if (value == null) {
            return null;
        }
        JsonNode content = AttributeValues.content(value);
        return switch (AttributeValues.type(value)) {
            case "S" -> number(BigDecimal.valueOf(content.asText().length()));
            case "B" -> number(BigDecimal.valueOf(AttributeValues.bytes(content).length));
            case "SS", "NS", "BS", "L", "M" -> number(BigDecimal.valueOf(content.size()));
            default -> null;
        };
    }

    /** A number value as DynamoDB writes it back: no exponent, no trailing zeros. */
    static ObjectNode number(BigDecimal number) {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.put("N", number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
        return value;
    }

    /**
     * The legacy ComparisonOperators (Expected, QueryFilter, ScanFilter, KeyConditions). A missing
     * attribute satisfies NE, NOT_CONTAINS and NULL only.
     */
    static boolean legacy(String operator, JsonNode value, List<JsonNode> operands) {
        JsonNode first = operands.isEmpty() ? null : operands.get(0);
        return switch (operator) {
            case "EQ" -> equal(value, first);
            case "NE" -> !equal(value, first);
            case "LT" -> ordered("<", value, first);
            case "LE" -> ordered("<=", value, first);
            case "GT" -> ordered(">", value, first);
            case "GE" -> ordered(">=", value, first);
            case "NULL" -> value == null;
            case "NOT_NULL" -> value != null;
            case "CONTAINS" -> contains(value, first);
            case "NOT_CONTAINS" -> !contains(value, first);
            case "BEGINS_WITH" -> beginsWith(value, first);
            case "IN" -> in(value, operands);
            case "BETWEEN" -> between(value, first, operands.get(1));
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private static String text(JsonNode value) {
        return AttributeValues.content(value).asText();
    }

    private static byte[] bytes(JsonNode value) {
        return AttributeValues.bytes(AttributeValues.content(value));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return prefix.length <= bytes.length
                && java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
