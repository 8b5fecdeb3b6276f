package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.AttributeValues;
import java.util.List;

/** What an expression compares, tests or assigns: a document path, a value, a function call, a sum. */
sealed interface Operand {

    /** The value in a condition: the item's value at a path, a placeholder's value, a size; null when none. */
    JsonNode resolve(ObjectNode item);

    /**
     * The type the operand is known to have before any item is seen: a value's type, N for size()
     * and arithmetic; null when it depends on the item.
     */
    String knownType();

    /** A document path, {@code a.b[2]}. */
    record PathOperand(DocumentPath path) implements Operand {
        @Override
        public JsonNode resolve(ObjectNode item) {
            return path.resolve(item);
        }

        @Override
        public String knownType() {
            return null;
        }
    }

    /** An expression attribute value, {@code :v}; its value is null when the request does not define it. */
    record ValueOperand(String placeholder, JsonNode value) implements Operand {
        @Override
        public JsonNode resolve(ObjectNode item) {
            return value;
        }

        @Override
        public String knownType() {
            return value == null ? null : AttributeValues.type(value);
        }
    }

    /** A function such as {@code size(a)} or {@code list_append(a, :v)}. */
    record FunctionCall(String name, List<Operand> arguments) implements Operand {
        public FunctionCall {
            arguments = List.copyOf(arguments);
        }

        /** Only size() gives a value in a condition; the other functions are conditions themselves. */
        @Override
        public JsonNode resolve(ObjectNode item) {
            return name.equals("size") ? Comparisons.size(arguments.get(0).resolve(item)) : null;
        }

        @Override
        public String knownType() {
            return switch (name) {
                case "size" -> "N";
                case "list_append" -> "L";
                case "if_not_exists" -> arguments.size() == 2 ? arguments.get(1).knownType() : null;
                default -> null;
            };
        }
    }

    /** {@code a + b} or {@code a - b}, in an update's SET. */
    record Arithmetic(String operator, Operand left, Operand right) implements Operand {
        @Override
        public JsonNode resolve(ObjectNode item) {
            return null;
        }

        @Override
        public String knownType() {
            return "N";
        }
    }
}
