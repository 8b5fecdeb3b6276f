package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The query protocol's answers, in AWS's XML: a result wrapped in {@code <ActionResponse>} and
 * {@code <ActionResult>}, lists as {@code <member>} elements, maps as {@code <entry><key/><value/></entry>},
 * and errors as {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 */
public final class QueryXml {

    private QueryXml() {
    }

    /**
     * A map in a response tree. In JSON and CBOR it is an object like any structure; only the XML
     * writer needs to tell the two apart (see {@link Members#map}).
     */
    static final class MapNode extends ObjectNode {
        MapNode(JsonNodeFactory factory) {
            super(factory);
        }
    }

    /** {@code <ListMetricsResponse xmlns=...><ListMetricsResult>...</ListMetricsResult><ResponseMetadata>...}. */
    public static byte[] response(String action, String xmlNamespace, String requestId, JsonNode result) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append('<').append(action).append("Response xmlns=\"").append(escape(xmlNamespace)).append("\">");
        if (result != null && result.size() > 0) {
            xml.append('<').append(action).append("Result>");
            members(xml, result);
            xml.append("</").append(action).append("Result>");
        }
        xml.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
        xml.append("</").append(action).append("Response>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** AWS's error document; {@code Type} is Sender for the client's mistakes and Receiver for ours. */
    public static byte[] error(String xmlNamespace, String requestId, String code, String message, boolean senderFault) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<ErrorResponse xmlns=\"").append(escape(xmlNamespace)).append("\"><Error>")
                .append("<Type>").append(senderFault ? "Sender" : "Receiver").append("</Type>")
                .append("<Code>").append(escape(code)).append("</Code>");
        if (message != null && !message.isEmpty()) {
            xml.append("<Message>").append(escape(message)).append("</Message>");
        }
        xml.append("</Error><RequestId>").append(requestId).append("</RequestId></ErrorResponse>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void members(StringBuilder xml, JsonNode structure) {
        for (Iterator<Map.Entry<String, JsonNode>> it = structure.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            element(xml, member.getKey(), member.getValue());
        }
    }

    private static void element(StringBuilder xml, String name, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        xml.append('<').append(name).append('>');
        content(xml, value);
        xml.append("</").append(name).append('>');
    }

    private static void content(StringBuilder xml, JsonNode value) {
        if (value instanceof MapNode) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                xml.append("<entry><key>").append(escape(entry.getKey())).append("</key>");
                element(xml, "value", entry.getValue());
                xml.append("</entry>");
            }
        } else if (value.isObject()) {
            members(xml, value);
        } else if (value.isArray()) {
            value.forEach(element -> element(xml, "member", element));
        } else if (value.isBinary()) {
            xml.append(java.util.Base64.getEncoder().encodeToString(binary(value)));
        } else {
            xml.append(escape(value.asText()));
        }
    }

    private static byte[] binary(JsonNode value) {
        try {
            return value.binaryValue();
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                case '\n' -> escaped.append("&#xA;");
                case '\r' -> escaped.append("&#xD;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
