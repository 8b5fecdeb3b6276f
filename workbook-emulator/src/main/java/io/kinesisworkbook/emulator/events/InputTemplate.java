package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An input transformer's {@code InputTemplate}: text with {@code <name>} placeholders, filled from
 * the event. How a value is written depends on where its placeholder stands, as on AWS:
 *
 * <ul>
 *   <li>Inside a JSON string ({@code "users/<id>"}): a string's text (escaped for JSON), a number's
 *       or a boolean's digits or word. An object or an array there makes a JSON template invalid.</li>
 *   <li>Outside quotes in a JSON template ({@code {"id": <id>}}): the value as JSON, so a string
 *       comes quoted and an object whole.</li>
 *   <li>In a template that is not a JSON object ({@code "<instance> is <state>"}): text, with
 *       objects and arrays written without their quotes ({@code {id:1,tags:[a,b]}}).</li>
 *   <li>A path that found nothing is an empty string.</li>
 * </ul>
 *
 * A template that starts with {@code {} must still be JSON once filled; if it is not, the target is
 * not invoked (AWS drops such an event for that target).
 */
final class InputTemplate {

    static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");
    static final String RULE_ARN = "aws.events.rule-arn";
    static final String RULE_NAME = "aws.events.rule-name";
    static final String INGESTION_TIME = "aws.events.event.ingestion-time";
    static final String EVENT = "aws.events.event";
    static final String EVENT_JSON = "aws.events.event.json";
    static final Set<String> PREDEFINED = Set.of(RULE_ARN, RULE_NAME, INGESTION_TIME, EVENT, EVENT_JSON);

    /** The filled template is not what its target can take (see the class comment). */
    static final class InvalidOutputException extends RuntimeException {
        InvalidOutputException(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private final boolean jsonTemplate;

    InputTemplate(String text) {
        this.text = text;
        this.jsonTemplate = text.strip().startsWith("{");
    }

    String text() {
        return text;
    }

    /** Every placeholder name the template uses. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Fills the template.
     *
     * @param values a value for every placeholder name the target defines (null: the path found nothing)
     */
    String render(Map<String, JsonNode> values) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        Matcher placeholder = PLACEHOLDER.matcher(text);
        boolean inString = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<' && placeholder.find(i) && placeholder.start() == i && values.containsKey(placeholder.group(1))) {
                out.append(write(values.get(placeholder.group(1)), inString));
                i = placeholder.end();
                continue;
            }
            if (inString && c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            out.append(c);
            i++;
        }
        String filled = out.toString();
        if (jsonTemplate) {
            requireJson(filled);
        }
        return filled;
    }

    private String write(JsonNode value, boolean inString) {
        if (value == null || value.isMissingNode()) {
            return jsonTemplate && !inString ? "\"\"" : "";
        }
        if (value.isTextual()) {
            if (inString) {
                return new String(JsonStringEncoder.getInstance().quoteAsString(value.textValue()));
            }
            return jsonTemplate ? value.toString() : value.textValue();
        }
        if (value.isContainerNode()) {
            if (jsonTemplate && inString) {
                throw new InvalidOutputException("an object or array cannot stand inside a JSON string");
            }
            return jsonTemplate ? value.toString() : value.toString().replace("\"", "");
        }
        return value.toString();
    }

    private static void requireJson(String filled) {
        try {
            Event.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(filled);
        } catch (IOException e) {
            throw new InvalidOutputException("the filled template is not valid JSON: " + filled);
        }
    }
}
