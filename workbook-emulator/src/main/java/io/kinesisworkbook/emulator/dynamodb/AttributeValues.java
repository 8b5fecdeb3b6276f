package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's attribute values, kept as they travel: {@code {"S":"text"}}, {@code {"N":"1.5"}},
 * {@code {"B":"<base64>"}}, the sets {@code SS NS BS}, the documents {@code M L}, {@code NULL} and
 * {@code BOOL}. An item is an object of them by attribute name.
 *
 * <p>Numbers are compared as numbers and sets as sets, the way DynamoDB compares them: {@code 1.0}
 * equals {@code 1}, and {@code ["a","b"]} equals {@code ["b","a"]}.
 */
public final class AttributeValues {

    /** Every type an attribute value can have. */
    public static final Set<String> TYPES = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");

    private static final BigDecimal LARGEST = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");
    private static final int MAX_DIGITS = 38;

    private AttributeValues() {
    }

    /** The value's type, e.g. {@code "S"}; the value must have been {@linkplain #validate validated}. */
    public static String type(JsonNode value) {
        return value.fieldNames().next();
    }

    /** The value's content: the text, the number's text, the list, the map... */
    public static JsonNode content(JsonNode value) {
        return value.elements().next();
    }

    /**
     * Checks a value from a request and throws DynamoDB's ValidationException for what AWS refuses:
     * no type or two, empty or duplicated sets, numbers that are no numbers or out of range.
     */
    public static void validate(JsonNode value) {
        if (value == null || !value.isObject() || value.isEmpty()) {
            throw DynamoDbErrors.invalidParameter(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (value.size() > 1) {
            throw DynamoDbErrors.invalidParameter(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        String type = type(value);
        JsonNode content = content(value);
        switch (type) {
            case "S" -> requireText(content);
            case "N" -> number(content.asText());
            case "B" -> bytes(content);
            case "BOOL" -> requireKind(content.isBoolean());
            case "NULL" -> {
                if (!content.isBoolean() || !content.asBoolean()) {
                    throw DynamoDbErrors.invalidParameter("Null attribute value types must have the value of true");
                }
            }
            case "SS", "NS", "BS" -> validateSet(type, content);
            case "L" -> {
                requireKind(content.isArray());
                content.forEach(AttributeValues::validate);
            }
            case "M" -> {
                requireKind(content.isObject());
                content.forEach(AttributeValues::validate);
            }
            default -> throw DynamoDbErrors.invalidParameter(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
    }

    /** Validates every attribute of an item. */
    public static void validateItem(JsonNode item) {
        item.forEach(AttributeValues::validate);
    }

    private static void validateSet(String type, JsonNode content) {
        requireKind(content.isArray());
        if (content.isEmpty()) {
            throw DynamoDbErrors.invalidParameter(switch (type) {
                case "SS" -> "An string set  may not be empty";
                case "NS" -> "An number set  may not be empty";
                default -> "Binary sets should not be empty";
            });
        }
        Set<Object> seen = new HashSet<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode element : content) {
            Object key = switch (type) {
                case "SS" -> requireText(element);
                case "NS" -> number(element.asText()).stripTrailingZeros();
                default -> Arrays.hashCode(bytes(element)) + ":" + element.asText();
            };
            texts.add(element.asText());
            if (!seen.add(key)) {
                throw DynamoDbErrors.invalidParameter("Input collection " + texts(content) + " contains duplicates.");
            }
        }
    }

    private static String texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts.toString();
    }

    private static String requireText(JsonNode content) {
        requireKind(content.isTextual());
        return content.asText();
    }

    private static void requireKind(boolean matches) {
        if (!matches) {
            throw DynamoDbErrors.validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
    }

    /** A number as DynamoDB stores it: at most 38 significant digits, magnitude 1E-130 to 1E+126. */
    public static BigDecimal number(String text) {
        BigDecimal number;
        try {
            number = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DynamoDbErrors.validation("The parameter cannot be converted to a numeric value: " + text);
        }
        if (number.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal magnitude = number.abs();
        if (magnitude.compareTo(LARGEST) > 0) {
            throw DynamoDbErrors.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude.compareTo(SMALLEST) < 0) {
            throw DynamoDbErrors.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        if (number.stripTrailingZeros().precision() > MAX_DIGITS) {
            throw DynamoDbErrors.validation("Attempting to store more than 38 significant digits in a Number");
        }
        return number;
    }

    /**
     * The value as DynamoDB stores and returns it: numbers trimmed of leading and trailing zeros and
     * written without exponent ({@code 1.50} becomes {@code 1.5}, {@code 1E+2} becomes {@code 100}),
     * inside sets and documents too. Other values come back unchanged.
     */
    public static JsonNode normalize(JsonNode value) {
        String type = type(value);
        JsonNode content = content(value);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (type) {
            case "N" -> nodes.objectNode().put("N", canonicalNumber(content.asText()));
            case "NS" -> {
                ObjectNode set = nodes.objectNode();
                ArrayNode numbers = set.putArray("NS");
                content.forEach(element -> numbers.add(canonicalNumber(element.asText())));
                yield set;
            }
            case "L" -> {
                ObjectNode list = nodes.objectNode();
                ArrayNode elements = list.putArray("L");
                content.forEach(element -> elements.add(normalize(element)));
                yield list;
            }
            case "M" -> {
                ObjectNode map = nodes.objectNode();
                map.set("M", normalizeItem((ObjectNode) content));
                yield map;
            }
            default -> value;
        };
    }

    /** Every attribute of an item {@linkplain #normalize normalized}. */
    public static ObjectNode normalizeItem(ObjectNode item) {
        ObjectNode normalized = JsonNodeFactory.instance.objectNode();
        item.fields().forEachRemaining(attribute -> normalized.set(attribute.getKey(), normalize(attribute.getValue())));
        return normalized;
    }

    private static String canonicalNumber(String text) {
        return number(text).stripTrailingZeros().toPlainString();
    }

    /** The bytes of a binary value, which JSON carries as base64. */
    public static byte[] bytes(JsonNode content) {
        try {
            return Base64.getDecoder().decode(content.asText());
        } catch (IllegalArgumentException e) {
            throw DynamoDbErrors.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: "
                    + content.asText().length());
        }
    }

    /** DynamoDB's equality: numbers by value, sets regardless of order, documents deeply. */
    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        String type = type(a);
        if (!type.equals(type(b))) {
            return false;
        }
        JsonNode x = content(a);
        JsonNode y = content(b);
        return switch (type) {
            case "N" -> number(x.asText()).compareTo(number(y.asText())) == 0;
            case "SS", "BS" -> textSet(x).equals(textSet(y));
            case "NS" -> numberSet(x).equals(numberSet(y));
            case "L" -> equalLists(x, y);
            case "M" -> equalMaps(x, y);
            default -> x.equals(y);
        };
    }

    private static boolean equalLists(JsonNode x, JsonNode y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!equal(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalMaps(JsonNode x, JsonNode y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!equal(field.getValue(), y.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> textSet(JsonNode array) {
        Set<String> set = new HashSet<>();
        array.forEach(element -> set.add(element.asText()));
        return set;
    }

    private static Set<BigDecimal> numberSet(JsonNode array) {
        Set<BigDecimal> set = new HashSet<>();
        array.forEach(element -> set.add(number(element.asText()).stripTrailingZeros()));
        return set;
    }

    /** Whether two values can be ordered: both S, both N or both B. */
    public static boolean comparable(JsonNode a, JsonNode b) {
        String type = type(a);
        return type.equals(type(b)) && (type.equals("S") || type.equals("N") || type.equals("B"));
    }

    /**
     * Orders two {@linkplain #comparable comparable} values as DynamoDB orders sort keys: numbers by
     * value, strings and binaries by their unsigned bytes (UTF-8 for strings).
     */
    public static int compare(JsonNode a, JsonNode b) {
        String type = type(a);
        JsonNode x = content(a);
        JsonNode y = content(b);
        return switch (type) {
            case "N" -> number(x.asText()).compareTo(number(y.asText()));
            case "S" -> Arrays.compareUnsigned(x.asText().getBytes(StandardCharsets.UTF_8),
                    y.asText().getBytes(StandardCharsets.UTF_8));
            case "B" -> Arrays.compareUnsigned(bytes(x), bytes(y));
            default -> throw new IllegalArgumentException("not an ordered type: " + type);
        };
    }

    /** The size DynamoDB counts for an item: each attribute's name and value, in bytes. */
    public static long itemSize(ObjectNode item) {
        long size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = it.next();
            size += utf8Length(attribute.getKey()) + size(attribute.getValue());
        }
        return size;
    }

    /** The size of one value, by the rules in DynamoDB's developer guide ("Item sizes and formats"). */
    public static long size(JsonNode value) {
        JsonNode content = content(value);
        return switch (type(value)) {
            case "S" -> utf8Length(content.asText());
            case "N" -> numberSize(content.asText());
            case "B" -> bytes(content).length;
            case "BOOL", "NULL" -> 1;
            case "SS" -> sum(content, element -> utf8Length(element.asText()));
            case "NS" -> sum(content, element -> numberSize(element.asText()));
            case "BS" -> sum(content, element -> bytes(element).length);
            case "L" -> 3 + sum(content, element -> 1 + size(element));
            case "M" -> 3 + mapSize(content);
            default -> 0;
        };
    }

    private static long mapSize(JsonNode map) {
        long size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            size += 1 + utf8Length(entry.getKey()) + size(entry.getValue());
        }
        return size;
    }

    private static long sum(JsonNode array, java.util.function.ToLongFunction<JsonNode> sizeOf) {
        long size = 0;
        for (JsonNode element : array) {
            size += sizeOf.applyAsLong(element);
        }
        return size;
    }

    /** About one byte per two significant digits, plus one. */
    private static long numberSize(String text) {
        BigDecimal number = number(text);
        if (number.signum() == 0) {
            return 1;
        }
        int digits = number.stripTrailingZeros().precision();
        return (digits + 1) / 2 + 1;
    }

    public static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
