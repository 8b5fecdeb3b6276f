package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON paths EventBridge accepts in {@code InputPath}, {@code InputPathsMap} and
 * {@code PartitionKeyPath}: {@code $}, dot notation ({@code $.detail.state}, names with dashes,
 * underscores and slashes), array indexes ({@code [0]}) and wildcards ({@code [*]}, {@code .*}).
 * A path with a wildcard selects an array of what it found.
 */
final class JsonPath {

    /** One step: {@code .name}, {@code .*}, {@code [n]} or {@code [*]}. */
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_\\-/@$:]+|\\*)|\\[(\\d+|\\*)]");

    private final String text;
    private final List<String> steps;
    private final boolean wildcard;

    private JsonPath(String text, List<String> steps) {
        this.text = text;
        this.steps = steps;
        this.wildcard = steps.contains("*");
    }

    /** The path, or null when EventBridge would not accept it. */
    static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            return null;
        }
        List<String> steps = new ArrayList<>();
        Matcher matcher = STEP.matcher(text);
        int at = 1;
        while (at < text.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                return null;
            }
            steps.add(matcher.group(1) != null ? matcher.group(1) : "[" + matcher.group(2));
            at = matcher.end();
        }
        return new JsonPath(text, steps.stream().map(s -> s.equals("[*") ? "*" : s).toList());
    }

    /** What the path selects in {@code root}: a node, an array of nodes (with a wildcard), or null. */
    JsonNode select(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (String step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                collect(node, step, next);
            }
            current = next;
        }
        if (wildcard) {
            ArrayNode found = Event.JSON.createArrayNode();
            current.forEach(found::add);
            return found;
        }
        return current.isEmpty() ? null : current.get(0);
    }

    private static void collect(JsonNode node, String step, List<JsonNode> into) {
        if (step.equals("*")) {
            node.elements().forEachRemaining(into::add);
        } else if (step.startsWith("[")) {
            JsonNode element = node.isArray() ? node.get(Integer.parseInt(step.substring(1))) : null;
            if (element != null) {
                into.add(element);
            }
        } else if (node.isObject() && node.has(step)) {
            into.add(node.get(step));
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
