package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS's query protocol, the oldest one, still spoken by the AWS CLI v2 and boto3 to CloudWatch,
 * STS, IAM and SQS: a form ({@code Action=ListMetrics&Version=2010-08-01&Namespace=AWS%2FKinesis})
 * posted as {@code application/x-www-form-urlencoded}, or sent as a GET's query string. The answer
 * is XML ({@link QueryXml}).
 *
 * <p>The form is flat; its names spell the structure: {@code MetricData.member.2.Dimensions.member.1.Name}
 * is the first dimension's name of the second datum. {@link #parse} rebuilds the tree the JSON and
 * CBOR protocols send, so a service reads every protocol through the same {@link Members}: lists
 * from {@code member.N}, maps from {@code entry.N.key} and {@code entry.N.value}, structures from
 * the dots. Scalars stay text, as the form has no types; {@link Members} reads them as the type asked.
 */
public final class QueryProtocol {

    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private QueryProtocol() {
    }

    /** One decoded call: the action, the API version it names, and its members. */
    public record Call(String action, String version, ObjectNode body) {
    }

    /** Parses a form; throws a client error when it is not one. */
    public static Call parse(String form) {
        FormNode root = new FormNode();
        String action = null;
        String version = null;
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            switch (name) {
                case "Action" -> action = value;
                case "Version" -> version = value;
                default -> root.put(name.split("\\.", -1), 0, value);
            }
        }
        if (action == null || action.isEmpty()) {
            throw AwsServiceException.clientError("MissingAction", "Missing Action");
        }
        JsonNode body = root.toNode();
        return new Call(action, version, body.isObject() ? (ObjectNode) body : JsonNodeFactory.instance.objectNode());
    }

    /** Whether a form names an API version; the edge uses it when a request carries no signature to route by. */
    public static String versionOf(String form) {
        for (String pair : form.split("&")) {
            if (pair.startsWith("Version=")) {
                return decode(pair.substring("Version=".length()));
            }
        }
        return null;
    }

    /** A form's scalar as the number or boolean it spells, or itself when it spells neither. */
    static JsonNode typed(JsonNode value) {
        if (!value.isTextual()) {
            return value;
        }
        String text = value.textValue().trim();
        if (text.equals("true") || text.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        try {
            BigDecimal number = new BigDecimal(text);
            if (number.scale() <= 0 && text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                return JsonNodeFactory.instance.numberNode(number.toBigIntegerExact());
            }
            return JsonNodeFactory.instance.numberNode(number.doubleValue());
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return value;
        }
    }

    /** ISO 8601, as botocore and the AWS CLI send timestamps ({@code 2026-01-02T03:04:05Z}, offsets, fractions). */
    static long parseTimestamp(String member, String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException notIso) {
            try {
                return Instant.parse(text + "Z").toEpochMilli(); // no zone: UTC, as AWS reads it
            } catch (DateTimeParseException stillNot) {
                JsonNode number = typed(JsonNodeFactory.instance.textNode(text));
                if (number.isNumber()) {
                    return BigDecimal.valueOf(number.doubleValue()).movePointRight(3).longValue();
                }
                throw AwsServiceException.clientError("InvalidParameterValue",
                        "The parameter " + member + " must be a valid date (ISO 8601), not '" + text + "'.");
            }
        }
    }

    static String formatTimestamp(long epochMillis) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(epochMillis));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw AwsServiceException.clientError("MalformedQueryString",
                    "The query string is malformed: " + malformed.getMessage());
        }
    }

    /** One name of the form, with the names below it (the parts after its dot). */
    private static final class FormNode {
        private String value;
        private final Map<String, FormNode> children = new LinkedHashMap<>();

        void put(String[] path, int index, String text) {
            if (index == path.length) {
                value = text;
                return;
            }
            children.computeIfAbsent(path[index], k -> new FormNode()).put(path, index + 1, text);
        }

        JsonNode toNode() {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            if (children.isEmpty()) {
                return nodes.textNode(value == null ? "" : value);
            }
            if (children.size() == 1 && children.containsKey("member")) {
                ArrayNode list = nodes.arrayNode();
                children.get("member").numbered("member").values().forEach(element -> list.add(element.toNode()));
                return list;
            }
            if (children.size() == 1 && children.containsKey("entry")) {
                ObjectNode map = nodes.objectNode();
                for (FormNode entry : children.get("entry").numbered("entry").values()) {
                    FormNode key = entry.children.get("key");
                    FormNode entryValue = entry.children.get("value");
                    if (key == null || key.value == null) {
                        throw AwsServiceException.clientError("MalformedQueryString", "A map entry has no key.");
                    }
                    map.set(key.value, entryValue == null ? nodes.textNode("") : entryValue.toNode());
                }
                return map;
            }
            ObjectNode structure = nodes.objectNode();
            children.forEach((name, child) -> structure.set(name, child.toNode()));
            return structure;
        }

        /** The children of a {@code member} or {@code entry} name, in the order of their 1-based numbers. */
        private Map<Integer, FormNode> numbered(String kind) {
            Map<Integer, FormNode> byNumber = new TreeMap<>();
            children.forEach((number, child) -> {
                try {
                    int position = Integer.parseInt(number);
                    if (position < 1) {
                        throw new NumberFormatException();
                    }
                    byNumber.put(position, child);
                } catch (NumberFormatException notANumber) {
                    throw AwsServiceException.clientError("MalformedQueryString",
                            "'" + kind + "." + number + "' is not a list position (1, 2, ...).");
                }
            });
            return byNumber;
        }
    }
}
