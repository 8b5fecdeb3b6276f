package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A document path such as {@code a.b[2].c}: a top-level attribute name, then map keys and list
 * indexes. Names are the real attribute names, placeholders already substituted.
 */
public record DocumentPath(List<Element> elements) {

    /** One step of a path. */
    public sealed interface Element permits Name, Index {
    }

    /** A top-level attribute or a key of a map. */
    public record Name(String name) implements Element {
        @Override
        public String toString() {
            return name;
        }
    }

    /** An index into a list. */
    public record Index(int index) implements Element {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    public DocumentPath {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.get(0) instanceof Name)) {
            throw new IllegalArgumentException("a document path starts with an attribute name: " + elements);
        }
    }

    /** The path of a top-level attribute. */
    public static DocumentPath of(String topLevelName) {
        return new DocumentPath(List.of(new Name(topLevelName)));
    }

    public String topLevelName() {
        return ((Name) elements.get(0)).name();
    }

    /** Whether the path goes below a top-level attribute. */
    public boolean isNested() {
        return elements.size() > 1;
    }

    /** The value at this path in the item, or null when the item has none there. */
    public JsonNode resolve(ObjectNode item) {
        JsonNode value = item.get(topLevelName());
        for (int i = 1; i < elements.size() && value != null; i++) {
            value = step(value, elements.get(i));
        }
        return value;
    }

    /** The value one step down from a map or list value, or null. */
    static JsonNode step(JsonNode value, Element element) {
        if (element instanceof Name name) {
            JsonNode map = value.get("M");
            return map == null ? null : map.get(name.name());
        }
        JsonNode list = value.get("L");
        return list == null ? null : list.get(((Index) element).index());
    }

    /** The path as AWS prints it in errors: {@code [a, b, [2], c]}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        elements.forEach(element -> parts.add(element.toString()));
        return "[" + String.join(", ", parts) + "]";
    }

    /** The path as written, e.g. {@code a.b[2].c}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(topLevelName());
        for (Element element : elements.subList(1, elements.size())) {
            text.append(element instanceof Name ? "." : "").append(element);
        }
        return text.toString();
    }

    /**
     * The parts of an item at the given paths, as ProjectionExpression returns them and as
     * ReturnValues UPDATED_OLD/UPDATED_NEW do: maps keep only the projected keys, lists only the
     * projected elements, in their order and without gaps. Paths the item lacks are left out.
     */
    public static ObjectNode project(ObjectNode item, List<DocumentPath> paths) {
        Branch root = new Branch();
        for (DocumentPath path : paths) {
            JsonNode value = path.resolve(item);
            if (value != null) {
                root.put(path.elements(), 0, value);
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        root.keys.forEach((name, branch) -> result.set(name, branch.toValue()));
        return result;
    }

    /** A part of the projected item under construction: a whole value, or a map or list to fill. */
    private static final class Branch {
        JsonNode value;
        final Map<String, Branch> keys = new LinkedHashMap<>();
        final TreeMap<Integer, Branch> indexes = new TreeMap<>();

        void put(List<Element> path, int at, JsonNode found) {
            if (at == path.size()) {
                value = found;
                return;
            }
            Element element = path.get(at);
            Branch child = element instanceof Name name
                    ? keys.computeIfAbsent(name.name(), k -> new Branch())
                    : indexes.computeIfAbsent(((Index) element).index(), k -> new Branch());
            child.put(path, at + 1, found);
        }

        JsonNode toValue() {
            if (value != null) {
                return value.deepCopy();
            }
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            if (!indexes.isEmpty()) {
                ArrayNode list = result.putArray("L");
                indexes.values().forEach(branch -> list.add(branch.toValue()));
            } else {
                ObjectNode map = result.putObject("M");
                keys.forEach((name, branch) -> map.set(name, branch.toValue()));
            }
            return result;
        }
    }
}
