package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a request structure's members. A member that is absent reads as null; a member
 * of the wrong type is a {@code SerializationException}, as AWS answers it.
 *
 * <p>Blobs and timestamps are the two places where JSON and CBOR differ; this class reads both.
 */
public final class Members {

    private final JsonNode node;
    private final AwsProtocol protocol;

    public Members(JsonNode node, AwsProtocol protocol) {
        this.node = node;
        this.protocol = protocol;
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public String string(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a string");
        }
        return value.textValue();
    }

    public Integer integer(String name) {
        JsonNode value = scalar(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(name, "an integer");
        }
        return value.intValue();
    }

    /** A double: any number (CBOR may send floats of any width, or integers). */
    public Double number(String name) {
        JsonNode value = scalar(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw wrongType(name, "a number");
        }
        return value.doubleValue();
    }

    public Boolean bool(String name) {
        JsonNode value = scalar(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "a boolean");
        }
        return value.booleanValue();
    }

    /** A list of numbers, or null when absent. */
    public List<Double> numberList(String name) {
        if (value(name) == null) {
            return null;
        }
        List<Double> result = new ArrayList<>();
        for (JsonNode element : array(name)) {
            JsonNode number = protocol.scalarsAsText() ? QueryProtocol.typed(element) : element;
            if (!number.isNumber()) {
                throw wrongType(name, "a list of numbers");
            }
            result.add(number.doubleValue());
        }
        return result;
    }

    /** The protocol this request came in. */
    public AwsProtocol protocol() {
        return protocol;
    }

    /** A blob: a CBOR byte string, or base64 text in JSON. */
    public byte[] blob(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        try {
            if (value.isBinary() || value.isTextual()) {
                return value.binaryValue();
            }
        } catch (IOException | IllegalArgumentException e) {
            throw AwsServiceException.serialization("Base64 encoded value of member " + name + " is not valid.");
        }
        throw wrongType(name, "a blob");
    }

    /** A timestamp in epoch milliseconds: CBOR sends milliseconds, JSON sends (fractional) seconds. */
    public Long timestampMillis(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (protocol.scalarsAsText() && value.isTextual()) {
            return QueryProtocol.parseTimestamp(name, value.textValue());
        }
        if (!value.isNumber()) {
            throw wrongType(name, "a timestamp");
        }
        if (protocol.timestampsInMillis()) {
            return value.longValue();
        }
        return value.decimalValue().movePointRight(3).setScale(0, java.math.RoundingMode.DOWN).longValueExact();
    }

    public Members structure(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(name, "a structure");
        }
        return new Members(value, protocol);
    }

    public List<Members> structureList(String name) {
        List<Members> result = new ArrayList<>();
        for (JsonNode element : array(name)) {
            if (!element.isObject()) {
                throw wrongType(name, "a list of structures");
            }
            result.add(new Members(element, protocol));
        }
        return result;
    }

    /** A list of strings, or null when absent. */
    public List<String> stringList(String name) {
        if (value(name) == null) {
            return null;
        }
        List<String> result = new ArrayList<>();
        for (JsonNode element : array(name)) {
            if (!element.isTextual()) {
                throw wrongType(name, "a list of strings");
            }
            result.add(element.textValue());
        }
        return result;
    }

    /** A map of strings, or null when absent. Keeps the order the client sent. */
    public Map<String, String> stringMap(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(name, "a map");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw wrongType(name, "a map of strings");
            }
            result.put(entry.getKey(), entry.getValue().textValue());
        }
        return result;
    }

    /** Writes a timestamp the way the protocol's clients read it. */
    public static JsonNode timestamp(AwsProtocol protocol, long epochMillis) {
        var factory = protocol.mapper().getNodeFactory();
        return switch (protocol) {
            case CBOR_1_1 -> factory.numberNode(epochMillis);
            case RPC_V2_CBOR -> RpcV2Cbor.timestamp(epochMillis);
            case QUERY -> factory.textNode(QueryProtocol.formatTimestamp(epochMillis));
            default -> factory.numberNode(BigDecimal.valueOf(epochMillis, 3));
        };
    }

    /**
     * A new map in a response (string keys to values): in JSON and CBOR a map is an object; the
     * query protocol's XML writes it as {@code entry/key/value}, so it must know a map from a structure.
     */
    public static ObjectNode map(AwsProtocol protocol) {
        return new QueryXml.MapNode(protocol.mapper().getNodeFactory());
    }

    private List<JsonNode> array(String name) {
        JsonNode value = value(name);
        if (value == null || protocol.scalarsAsText() && value.isTextual() && value.textValue().isEmpty()) {
            // the query protocol sends an empty list as the bare name: "AlarmNames="
            return List.of();
        }
        if (!value.isArray()) {
            throw wrongType(name, "a list");
        }
        List<JsonNode> elements = new ArrayList<>(value.size());
        value.forEach(elements::add);
        return elements;
    }

    /** A scalar member; query forms carry every scalar as text, read here as the number or boolean it spells. */
    private JsonNode scalar(String name) {
        JsonNode value = value(name);
        return value != null && protocol.scalarsAsText() ? QueryProtocol.typed(value) : value;
    }

    private JsonNode value(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static AwsServiceException wrongType(String name, String expected) {
        return AwsServiceException.serialization("Member " + name + " must be " + expected + ".");
    }
}
