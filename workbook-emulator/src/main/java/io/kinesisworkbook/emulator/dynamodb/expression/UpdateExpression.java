package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.AttributeValues;
import io.kinesisworkbook.emulator.dynamodb.DynamoDbErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A parsed UpdateExpression. */
final class UpdateExpression implements Update {

    static final String MISSING_OPERAND = "The provided expression refers to an attribute that does not exist in the item";
    static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";
    static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";

    private final List<UpdateAction> actions;

    UpdateExpression(List<UpdateAction> actions) {
        this.actions = List.copyOf(actions);
    }

    List<UpdateAction> actions() {
        return actions;
    }

    @Override
    public List<DocumentPath> paths() {
        return actions.stream().map(UpdateAction::path).toList();
    }

    @Override
    public ObjectNode apply(ObjectNode item) {
        // AWS reads every operand from the item as it was before the update: SET a = b, b = a swaps.
        List<JsonNode> setValues = new ArrayList<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.SetAction set) {
                setValues.add(evaluate(set.value(), item));
            }
        }
        ObjectNode result = item.deepCopy();
        // Removals wait until the end, so that list indexes keep meaning the original positions:
        // REMOVE a[0], a[1] removes the first two elements.
        List<Slot> removals = new ArrayList<>();
        int nextSetValue = 0;
        for (UpdateAction action : actions) {
            Slot slot = Slot.of(result, action.path());
            if (action instanceof UpdateAction.SetAction) {
                slot.put(setValues.get(nextSetValue++).deepCopy());
            } else if (action instanceof UpdateAction.RemoveAction) {
                removals.add(slot);
            } else if (action instanceof UpdateAction.AddAction add) {
                add(slot, add.value());
            } else if (action instanceof UpdateAction.DeleteAction delete) {
                delete(slot, delete.value(), removals);
            }
        }
        removals.sort(Comparator.comparingInt(Slot::index).reversed());
        removals.forEach(Slot::remove);
        return result;
    }

    private static void add(Slot slot, JsonNode value) {
        JsonNode existing = slot.get();
        if (existing == null) {
            slot.put(value.deepCopy());
            return;
        }
        String type = AttributeValues.type(value);
        if (!AttributeValues.type(existing).equals(type)) {
            throw DynamoDbErrors.validation(WRONG_TYPE);
        }
        slot.put(type.equals("N")
                ? sum("+", existing, value)
                : Sets.union(existing, value));
    }

    private static void delete(Slot slot, JsonNode value, List<Slot> removals) {
        JsonNode existing = slot.get();
        if (existing == null) {
            return;
        }
        if (!AttributeValues.type(existing).equals(AttributeValues.type(value))) {
            throw DynamoDbErrors.validation(WRONG_TYPE);
        }
        JsonNode remaining = Sets.difference(existing, value);
        if (remaining == null) {
            removals.add(slot);
        } else {
            slot.put(remaining);
        }
    }

    /** The value of a SET operand, read from the item before the update. */
    private static JsonNode evaluate(Operand operand, ObjectNode item) {
        if (operand instanceof Operand.PathOperand path) {
            JsonNode value = path.path().resolve(item);
            if (value == null) {
                throw DynamoDbErrors.validation(MISSING_OPERAND);
            }
            return value;
        }
        if (operand instanceof Operand.ValueOperand value) {
            return value.value();
        }
        if (operand instanceof Operand.Arithmetic arithmetic) {
            JsonNode left = requireType(evaluate(arithmetic.left(), item), "N");
            JsonNode right = requireType(evaluate(arithmetic.right(), item), "N");
            return sum(arithmetic.operator(), left, right);
        }
        Operand.FunctionCall call = (Operand.FunctionCall) operand;
        List<Operand> arguments = call.arguments();
        if (call.name().equals("if_not_exists")) {
            JsonNode existing = arguments.get(0).resolve(item);
            return existing != null ? existing : evaluate(arguments.get(1), item);
        }
        JsonNode first = requireType(evaluate(arguments.get(0), item), "L");
        JsonNode second = requireType(evaluate(arguments.get(1), item), "L");
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        ArrayNode elements = list.putArray("L");
        first.get("L").forEach(element -> elements.add(element.deepCopy()));
        second.get("L").forEach(element -> elements.add(element.deepCopy()));
        return list;
    }

    private static JsonNode requireType(JsonNode value, String type) {
        if (!AttributeValues.type(value).equals(type)) {
            throw DynamoDbErrors.validation(WRONG_TYPE);
        }
        return value;
    }

    /** a + b or a - b, refused as AWS refuses numbers out of its range or precision. */
    static ObjectNode sum(String operator, JsonNode a, JsonNode b) {
        BigDecimal x = AttributeValues.number(a.get("N").asText());
        BigDecimal y = AttributeValues.number(b.get("N").asText());
        BigDecimal result = operator.equals("+") ? x.add(y) : x.subtract(y);
        AttributeValues.number(result.toPlainString());
        return Comparisons.number(result);
    }

    /**
     * Where an action writes: a key of a map (the item itself for a top-level attribute) or an
     * index of a list. The path's parent must exist and be a map or list as the path says.
     */
    record Slot(ObjectNode map, String key, ArrayNode list, int index) {

        static Slot of(ObjectNode item, DocumentPath path) {
            List<DocumentPath.Element> elements = path.elements();
            if (elements.size() == 1) {
                return new Slot(item, path.topLevelName(), null, -1);
            }
            JsonNode parent = new DocumentPath(elements.subList(0, elements.size() - 1)).resolve(item);
            DocumentPath.Element last = elements.get(elements.size() - 1);
            if (parent != null && last instanceof DocumentPath.Name name && parent.has("M")) {
                return new Slot((ObjectNode) parent.get("M"), name.name(), null, -1);
            }
            if (parent != null && last instanceof DocumentPath.Index index && parent.has("L")) {
                return new Slot(null, null, (ArrayNode) parent.get("L"), index.index());
            }
            throw DynamoDbErrors.validation(INVALID_PATH);
        }

        JsonNode get() {
            return map != null ? map.get(key) : list.get(index);
        }

        /** Sets the value; an index past a list's end appends to the list. */
        void put(JsonNode value) {
            if (map != null) {
                map.set(key, value);
            } else if (index < list.size()) {
                list.set(index, value);
            } else {
                list.add(value);
            }
        }

        void remove() {
            if (map != null) {
                map.remove(key);
            } else if (index < list.size()) {
                list.remove(index);
            }
        }
    }
}
