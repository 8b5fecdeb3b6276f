package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.AttributeValues;
import java.util.List;

/** The tree of a parsed condition; each node tests items itself. */
sealed interface ConditionNode extends Condition {

    /** {@code a = b}, {@code a <> b}, {@code a < b}, {@code a <= b}, {@code a > b}, {@code a >= b}. */
    record Comparison(String comparator, Operand left, Operand right) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) {
            JsonNode a = left.resolve(item);
            JsonNode b = right.resolve(item);
            return switch (comparator) {
                case "=" -> Comparisons.equal(a, b);
                case "<>" -> !Comparisons.equal(a, b);
                default -> Comparisons.ordered(comparator, a, b);
            };
        }
    }

    /** {@code a BETWEEN low AND high}, bounds included. */
    record Between(Operand value, Operand low, Operand high) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) {
            return Comparisons.between(value.resolve(item), low.resolve(item), high.resolve(item));
        }
    }

    /** {@code a IN (b, c, ...)}. */
    record In(Operand value, List<Operand> candidates) implements ConditionNode {
        public In {
            candidates = List.copyOf(candidates);
        }

        @Override
        public boolean test(ObjectNode item) {
            return Comparisons.in(value.resolve(item), candidates.stream().map(c -> c.resolve(item)).toList());
        }
    }

    record And(ConditionNode left, ConditionNode right) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(ConditionNode left, ConditionNode right) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(ConditionNode operand) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) {
            return !operand.test(item);
        }
    }

    /** attribute_exists, attribute_not_exists, attribute_type, begins_with or contains. */
    record FunctionCondition(Operand.FunctionCall call) implements ConditionNode {
        @Override
        public boolean test(ObjectNode item) {
            List<Operand> arguments = call.arguments();
            JsonNode first = arguments.get(0).resolve(item);
            return switch (call.name()) {
                case "attribute_exists" -> first != null;
                case "attribute_not_exists" -> first == null;
                case "attribute_type" -> first != null
                        && AttributeValues.type(first).equals(AttributeValues.content(arguments.get(1).resolve(item)).asText());
                case "begins_with" -> Comparisons.beginsWith(first, arguments.get(1).resolve(item));
                case "contains" -> Comparisons.contains(first, arguments.get(1).resolve(item));
                default -> throw new IllegalStateException("not a condition function: " + call.name());
            };
        }
    }
}
