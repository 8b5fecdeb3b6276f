package io.kinesisworkbook.emulator.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Short builders for DynamoDB attribute values, and one canonical text for them, so that the
 * answers of two DynamoDBs can be compared as strings. The text sorts what DynamoDB leaves
 * unordered (the attributes of a map or item, the members of a set) and keeps what it orders
 * (lists), so two answers differ only where their meaning differs.
 */
final class ItemNotation {

    private ItemNotation() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue b(String utf8) {
        return AttributeValue.fromB(SdkBytes.fromUtf8String(utf8));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue nul() {
        return AttributeValue.fromNul(true);
    }

    static AttributeValue l(AttributeValue... elements) {
        return AttributeValue.fromL(List.of(elements));
    }

    static AttributeValue m(Object... namesAndValues) {
        return AttributeValue.fromM(item(namesAndValues));
    }

    static AttributeValue ss(String... members) {
        return AttributeValue.fromSs(List.of(members));
    }

    static AttributeValue ns(String... members) {
        return AttributeValue.fromNs(List.of(members));
    }

    static AttributeValue bs(String... utf8Members) {
        return AttributeValue.fromBs(Arrays.stream(utf8Members).map(SdkBytes::fromUtf8String).toList());
    }

    /** An item from alternating names and values: {@code item("id", s("a"), "n", n(1))}. */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }

    /** An item as text, attributes sorted by name; a missing item is {@code (no item)}. */
    static String text(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return "(no item)";
        }
        return mapText(item);
    }

    /** Items in the order given: for answers whose order the API defines (Query). */
    static String texts(List<Map<String, AttributeValue>> items) {
        return items.stream().map(ItemNotation::text).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Items sorted by their text: for answers in no defined order (Scan, BatchGetItem). */
    static String sortedTexts(List<Map<String, AttributeValue>> items) {
        return items.stream().map(ItemNotation::text).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    static String text(AttributeValue value) {
        return switch (value.type()) {
            case S -> '"' + value.s() + '"';
            case N -> value.n();
            case B -> "b'" + base64(value.b()) + "'";
            case BOOL -> value.bool().toString();
            case NUL -> "null";
            case L -> value.l().stream().map(ItemNotation::text).collect(Collectors.joining(", ", "[", "]"));
            case M -> mapText(value.m());
            case SS -> "SS" + sorted(value.ss().stream().map(member -> '"' + member + '"').toList(), Comparator.naturalOrder());
            case NS -> "NS" + sorted(value.ns(), Comparator.comparing(ItemNotation::numberOrMax));
            case BS -> "BS" + sorted(value.bs().stream().map(member -> "b'" + base64(member) + "'").toList(), Comparator.naturalOrder());
            default -> "?" + value;
        };
    }

    private static String mapText(Map<String, AttributeValue> map) {
        return new TreeMap<>(map).entrySet().stream()
                .map(entry -> entry.getKey() + ": " + text(entry.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String sorted(List<String> members, Comparator<String> order) {
        List<String> copy = new ArrayList<>(members);
        copy.sort(order);
        return copy.toString();
    }

    /** Numbers of a number set sort by value; a malformed one (never expected) sorts last, not fails. */
    private static BigDecimal numberOrMax(String number) {
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(Double.MAX_VALUE);
        }
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
