package io.kinesisworkbook.emulator.dynamodb.expression;

import static io.kinesisworkbook.emulator.dynamodb.expression.Json.assertValidation;
import static io.kinesisworkbook.emulator.dynamodb.expression.Json.context;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class ExpressionContextTest {

    @Test
    void emptyMapsAreRefused() {
        assertValidation(() -> context("{}", null), "ExpressionAttributeNames must not be empty");
        assertValidation(() -> context(null, "{}"), "ExpressionAttributeValues must not be empty");
    }

    @Test
    void keysMustBePlaceholders() {
        assertValidation(() -> context("{'a': 'a'}", null),
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
        assertValidation(() -> context("{'#a-b': 'a'}", null),
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"");
        assertValidation(() -> context(null, "{':ok': {'S': 'a'}, 'b': {'S': 'a'}}"),
                "ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"");
    }

    @Test
    void valuesAreValidated() {
        assertValidation(() -> context(null, "{':v': {}}"), "ExpressionAttributeValues contains invalid value: "
                + "One or more parameter values were invalid: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes for key :v");
        assertValidation(() -> context(null, "{':v': {'SS': []}}"), "ExpressionAttributeValues contains invalid value: "
                + "One or more parameter values were invalid: An string set  may not be empty for key :v");
        assertValidation(() -> context(null, "{':v': {'N': 'x'}}"), "ExpressionAttributeValues contains invalid value: "
                + "The parameter cannot be converted to a numeric value: x for key :v");
    }

    @Test
    void everyPlaceholderMustBeUsedByOneOfTheRequestsExpressions() {
        ExpressionContext context = context("{'#a': 'a', '#b': 'b', '#c': 'c'}", "{':v': {'S': 'x'}, ':w': {'S': 'y'}}");
        Expressions.condition("#a = :v", context, "ConditionExpression");
        assertValidation(context::requireAllUsed,
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b, #c}");
        Expressions.projection("#b, #c", context);
        assertValidation(context::requireAllUsed,
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}");
        Expressions.update("SET x = :w", context);
        assertThatCode(context::requireAllUsed).doesNotThrowAnyException();
    }
}
