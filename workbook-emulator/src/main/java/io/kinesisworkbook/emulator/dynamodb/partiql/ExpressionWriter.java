package io.kinesisworkbook.emulator.dynamodb.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the ExpressionAttributeNames and ExpressionAttributeValues of the expressions a PartiQL
 * statement becomes. Every attribute name goes through a {@code #n} placeholder, so PartiQL's
 * identifiers never meet the expression language's reserved words.
 */
public final class ExpressionWriter {

    private final Map<String, String> placeholders = new LinkedHashMap<>();
    private final ObjectNode names = JsonNodeFactory.instance.objectNode();
    private final ObjectNode values = JsonNodeFactory.instance.objectNode();

    /** The {@code #nN} placeholder of an attribute name; one per name. */
    public String name(String attribute) {
        return placeholders.computeIfAbsent(attribute, a -> {
            String placeholder = "#n" + placeholders.size();
            names.put(placeholder, a);
            return placeholder;
        });
    }

    /** A new {@code :vN} placeholder for a value. */
    public String value(JsonNode attributeValue) {
        String placeholder = ":v" + values.size();
        values.set(placeholder, attributeValue);
        return placeholder;
    }

    /** Adds the names and values used so far to a request body (none when there are none). */
    public void addTo(ObjectNode request) {
        if (!names.isEmpty()) {
            request.set("ExpressionAttributeNames", names);
        }
        if (!values.isEmpty()) {
            request.set("ExpressionAttributeValues", values);
        }
    }

    static JsonNode string(String text) {
        return JsonNodeFactory.instance.objectNode().put("S", text);
    }
}
