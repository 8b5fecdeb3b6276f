package io.kinesisworkbook.emulator.dynamodb.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed PartiQL expression: a condition of a WHERE clause, or a value of a SET. Each node writes
 * itself as DynamoDB's own expression language, so the emulator's expression engine evaluates it:
 * PartiQL on DynamoDB is a front end to the same reads and writes.
 */
public sealed interface PartiQlExpression {

    /** The node as ConditionExpression or UpdateExpression text, with its names and values in {@code out}. */
    String render(ExpressionWriter out);

    /** {@code a.b[2]}: attribute names and list indexes. */
    record Path(List<Object> segments) implements PartiQlExpression {
        public Path {
            segments = List.copyOf(segments);
        }

        /** The attribute a one-segment path names, or null for a nested path. */
        public String topLevelName() {
            return segments.size() == 1 && segments.get(0) instanceof String name ? name : null;
        }

        @Override
        public String render(ExpressionWriter out) {
            StringBuilder text = new StringBuilder();
            for (Object segment : segments) {
                if (segment instanceof Integer index) {
                    text.append('[').append(index).append(']');
                } else {
                    text.append(text.isEmpty() ? "" : ".").append(out.name((String) segment));
                }
            }
            return text.toString();
        }
    }

    /** A literal or a parameter: an AttributeValue. */
    record Value(JsonNode attributeValue) implements PartiQlExpression {
        @Override
        public String render(ExpressionWriter out) {
            return out.value(attributeValue);
        }
    }

    /** A function: size, begins_with, contains, attribute_type, list_append, if_not_exists. */
    record Call(String name, List<PartiQlExpression> arguments) implements PartiQlExpression {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public String render(ExpressionWriter out) {
            StringBuilder text = new StringBuilder(name).append('(');
            for (int i = 0; i < arguments.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(arguments.get(i).render(out));
            }
            return text.append(')').toString();
        }
    }

    /** {@code a + b}, {@code a - b} in a SET. */
    record Arithmetic(String operator, PartiQlExpression left, PartiQlExpression right) implements PartiQlExpression {
        @Override
        public String render(ExpressionWriter out) {
            return left.render(out) + " " + operator + " " + right.render(out);
        }
    }

    /** {@code =}, {@code <>} (or {@code !=}), {@code <}, {@code <=}, {@code >}, {@code >=}. */
    record Comparison(String operator, PartiQlExpression left, PartiQlExpression right) implements PartiQlExpression {
        @Override
        public String render(ExpressionWriter out) {
            return left.render(out) + " " + (operator.equals("!=") ? "<>" : operator) + " " + right.render(out);
        }
    }

    record Between(PartiQlExpression value, PartiQlExpression low, PartiQlExpression high) implements PartiQlExpression {
        @Override
        public String render(ExpressionWriter out) {
            return value.render(out) + " BETWEEN " + low.render(out) + " AND " + high.render(out);
        }
    }

    record In(PartiQlExpression value, List<PartiQlExpression> candidates) implements PartiQlExpression {
        public In {
            candidates = List.copyOf(candidates);
        }

        @Override
        public String render(ExpressionWriter out) {
            StringBuilder text = new StringBuilder(value.render(out)).append(" IN (");
            for (int i = 0; i < candidates.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(candidates.get(i).render(out));
            }
            return text.append(')').toString();
        }
    }

    /** {@code a IS MISSING} and {@code a IS NOT MISSING}: whether the item has the attribute. */
    record Missing(Path path, boolean negated) implements PartiQlExpression {
        @Override
        public String render(ExpressionWriter out) {
            return (negated ? "attribute_exists(" : "attribute_not_exists(") + path.render(out) + ")";
        }
    }

    /** {@code a IS NULL} and {@code a IS NOT NULL}: whether the attribute holds DynamoDB's NULL. */
    record IsNull(Path path, boolean negated) implements PartiQlExpression {
        @Override
        public String render(ExpressionWriter out) {
            String test = "attribute_type(" + path.render(out) + ", " + out.value(ExpressionWriter.string("NULL")) + ")";
            return negated ? "NOT " + test : test;
        }
    }

    record And(PartiQlExpression left, PartiQlExpression right) implements PartiQlExpression {
        @Override
        public String render(ExpressionWriter out) {
            return "(" + left.render(out) + ") AND (" + right.render(out) + ")";
        }
    }

    record Or(PartiQlExpression left, PartiQlExpression right) implements PartiQlExpression {
        @Override
        public String render(ExpressionWriter out) {
            return "(" + left.render(out) + ") OR (" + right.render(out) + ")";
        }
    }

    record Not(PartiQlExpression operand) implements PartiQlExpression {
        @Override
        public String render(ExpressionWriter out) {
            return "NOT (" + operand.render(out) + ")";
        }
    }
}
