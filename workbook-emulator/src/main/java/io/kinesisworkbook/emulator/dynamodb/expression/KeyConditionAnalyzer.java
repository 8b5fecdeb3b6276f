package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.dynamodb.DynamoDbErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed KeyConditionExpression into one comparison per key attribute, refusing what a
 * Query cannot use: OR, NOT, IN, {@code <>}, the functions other than begins_with, nested paths,
 * two conditions on one attribute. The result is what legacy KeyConditions say directly.
 */
final class KeyConditionAnalyzer {

    private static final Map<String, String> OPERATORS = Map.of(
            "=", "EQ", "<", "LT", "<=", "LE", ">", "GT", ">=", "GE");
    /** {@code :v < a} means {@code a > :v}. */
    private static final Map<String, String> MIRRORED = Map.of(
            "=", "EQ", "<", "GT", "<=", "GE", ">", "LT", ">=", "LE");

    private final Map<String, KeyRange> conditions = new LinkedHashMap<>();

    private KeyConditionAnalyzer() {
    }

    static Map<String, KeyRange> analyze(ConditionNode condition) {
        KeyConditionAnalyzer analyzer = new KeyConditionAnalyzer();
        analyzer.visit(condition);
        return analyzer.conditions;
    }

    private void visit(ConditionNode node) {
        if (node instanceof ConditionNode.And and) {
            visit(and.left());
            visit(and.right());
        } else if (node instanceof ConditionNode.Or) {
            throw invalidOperator("OR");
        } else if (node instanceof ConditionNode.Not) {
            throw invalidOperator("NOT");
        } else if (node instanceof ConditionNode.In) {
            throw invalidOperator("IN");
        } else if (node instanceof ConditionNode.Comparison comparison) {
            if (comparison.comparator().equals("<>")) {
                throw invalidOperator("<>");
            }
            List<Operand> operands = List.of(comparison.left(), comparison.right());
            int keyAt = keyOperand(operands);
            String operator = (keyAt == 0 ? OPERATORS : MIRRORED).get(comparison.comparator());
            add(operands, keyAt, operator);
        } else if (node instanceof ConditionNode.Between between) {
            List<Operand> operands = List.of(between.value(), between.low(), between.high());
            requireKeyFirst(operands, "BETWEEN");
            add(operands, keyOperand(operands), "BETWEEN");
        } else {
            Operand.FunctionCall call = ((ConditionNode.FunctionCondition) node).call();
            if (!call.name().equals("begins_with")) {
                throw invalidOperator(call.name());
            }
            requireKeyFirst(call.arguments(), "begins_with");
            add(call.arguments(), keyOperand(call.arguments()), "BEGINS_WITH");
        }
    }

    private static void requireKeyFirst(List<Operand> operands, String operator) {
        if (!(operands.get(0) instanceof Operand.PathOperand)) {
            throw DynamoDbErrors.validation("Invalid condition in KeyConditionExpression: " + operator
                    + " operator must have the key attribute as its first operand");
        }
    }

    /** The position of the one key attribute among a condition's operands. */
    private static int keyOperand(List<Operand> operands) {
        int keyAt = -1;
        for (int i = 0; i < operands.size(); i++) {
            Operand operand = operands.get(i);
            if (operand instanceof Operand.FunctionCall) {
                throw DynamoDbErrors.validation("KeyConditionExpressions cannot contain nested operations");
            }
            if (operand instanceof Operand.PathOperand path) {
                if (keyAt >= 0) {
                    throw DynamoDbErrors.validation(
                            "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
                }
                if (path.path().isNested()) {
                    throw DynamoDbErrors.validation("KeyConditionExpressions cannot have conditions on nested attributes");
                }
                keyAt = i;
            }
        }
        if (keyAt < 0) {
            throw DynamoDbErrors.validation("Invalid condition in KeyConditionExpression: No key attribute specified");
        }
        return keyAt;
    }

    private void add(List<Operand> operands, int keyAt, String operator) {
        String name = ((Operand.PathOperand) operands.get(keyAt)).path().topLevelName();
        if (conditions.containsKey(name)) {
            throw DynamoDbErrors.validation("KeyConditionExpressions must only contain one condition per key");
        }
        List<JsonNode> values = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            if (i != keyAt) {
                values.add(((Operand.ValueOperand) operands.get(i)).value());
            }
        }
        conditions.put(name, new KeyRange(operator, values));
    }

    private static RuntimeException invalidOperator(String operator) {
        return DynamoDbErrors.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }
}
