package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.dynamodb.expression.Condition;
import io.kinesisworkbook.emulator.dynamodb.expression.ExpressionContext;
import io.kinesisworkbook.emulator.dynamodb.expression.Expressions;
import io.kinesisworkbook.emulator.dynamodb.expression.KeyCondition;
import io.kinesisworkbook.emulator.dynamodb.expression.LegacyConditions;
import io.kinesisworkbook.emulator.dynamodb.expression.Projection;
import io.kinesisworkbook.emulator.dynamodb.expression.Update;
import java.util.ArrayList;
import java.util.List;

/**
 * The expressions of one request, or their legacy forms, parsed with the request's
 * {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}.
 *
 * <p>AWS checks a request as a whole: it may not mix expressions with legacy parameters, may not
 * send names or values without expressions, and must use every name and value it sends. Each getter
 * parses one member; {@link #finish()} makes the whole-request checks.
 */
final class ExpressionMembers {

    private static final List<String> EXPRESSIONS = List.of("ConditionExpression", "UpdateExpression",
            "ProjectionExpression", "KeyConditionExpression", "FilterExpression");
    private static final List<String> LEGACY = List.of("Expected", "AttributeUpdates", "AttributesToGet",
            "KeyConditions", "QueryFilter", "ScanFilter", "ConditionalOperator");

    private final JsonNode body;
    private final List<String> operationExpressions;
    private final ExpressionContext context;

    /**
     * @param body        the request, or one table's or action's part of it
     * @param operationExpressions the expression members this operation takes, named in AWS's message when
     *                    values come without any of them
     */
    ExpressionMembers(JsonNode body, String... operationExpressions) {
        this.body = body;
        this.operationExpressions = List.of(operationExpressions);
        List<String> expressions = present(EXPRESSIONS);
        List<String> legacy = present(LEGACY);
        if (!expressions.isEmpty() && !legacy.isEmpty()) {
            throw DynamoDbErrors.validation("Can not use both expression and non-expression parameters in the same "
                    + "request: Non-expression parameters: " + braces(legacy) + " Expression parameters: "
                    + braces(expressions));
        }
        if (expressions.isEmpty() && body.has("ExpressionAttributeNames")) {
            throw DynamoDbErrors.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (expressions.isEmpty() && body.has("ExpressionAttributeValues")) {
            throw DynamoDbErrors.validation("ExpressionAttributeValues can only be specified when using expressions: "
                    + absent(this.operationExpressions));
        }
        this.context = new ExpressionContext(body.get("ExpressionAttributeNames"), body.get("ExpressionAttributeValues"));
    }

    private List<String> present(List<String> members) {
        List<String> found = new ArrayList<>();
        for (String member : members) {
            JsonNode value = body.get(member);
            if (value != null && !value.isNull()) {
                found.add(member);
            }
        }
        return found;
    }

    /** {@code A is null}, {@code A and B are null}, {@code A, B and C are null}. */
    private static String absent(List<String> members) {
        if (members.size() == 1) {
            return members.get(0) + " is null";
        }
        return String.join(", ", members.subList(0, members.size() - 1)) + " and " + members.get(members.size() - 1)
                + " are null";
    }

    private static String braces(List<String> members) {
        return "{" + String.join(", ", members) + "}";
    }

    /** ConditionExpression or Expected; null when the request has neither. */
    Condition condition() {
        String expression = text("ConditionExpression");
        if (expression != null) {
            return Expressions.condition(expression, context, "ConditionExpression");
        }
        JsonNode expected = body.get("Expected");
        return expected == null || expected.isNull() ? null
                : LegacyConditions.expected(expected, text("ConditionalOperator"));
    }

    /** FilterExpression or the legacy filter member ({@code QueryFilter}, {@code ScanFilter}); null when neither. */
    Condition filter(String legacyMember) {
        String expression = text("FilterExpression");
        if (expression != null) {
            return Expressions.condition(expression, context, "FilterExpression");
        }
        JsonNode filter = body.get(legacyMember);
        return filter == null || filter.isNull() ? null : LegacyConditions.filter(filter, text("ConditionalOperator"));
    }

    /** UpdateExpression or AttributeUpdates; null when the request has neither. */
    Update update() {
        String expression = text("UpdateExpression");
        if (expression != null) {
            return Expressions.update(expression, context);
        }
        JsonNode updates = body.get("AttributeUpdates");
        return updates == null || updates.isNull() ? null : LegacyConditions.attributeUpdates(updates);
    }

    /** ProjectionExpression or AttributesToGet; null when the request has neither. */
    Projection projection() {
        String expression = text("ProjectionExpression");
        if (expression != null) {
            return Expressions.projection(expression, context);
        }
        JsonNode attributes = body.get("AttributesToGet");
        return attributes == null || attributes.isNull() ? null : LegacyConditions.attributesToGet(attributes);
    }

    /** KeyConditionExpression or KeyConditions; AWS's error when a Query has neither. */
    KeyCondition keyCondition() {
        String expression = text("KeyConditionExpression");
        if (expression != null) {
            return Expressions.keyCondition(expression, context);
        }
        JsonNode conditions = body.get("KeyConditions");
        if (conditions == null || conditions.isNull()) {
            throw DynamoDbErrors.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified "
                    + "in the request.");
        }
        return LegacyConditions.keyConditions(conditions);
    }

    /** The whole-request check made after every expression is parsed: each name and value was used. */
    void finish() {
        context.requireAllUsed();
    }

    private String text(String member) {
        JsonNode value = body.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw DynamoDbErrors.serialization("Member " + member + " must be a string.");
        }
        return value.textValue();
    }
}
