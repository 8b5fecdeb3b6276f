package io.kinesisworkbook.emulator.dynamodb.expression;

import static io.kinesisworkbook.emulator.dynamodb.expression.Json.assertValidation;
import static io.kinesisworkbook.emulator.dynamodb.expression.Json.context;
import static io.kinesisworkbook.emulator.dynamodb.expression.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyConditionExpressionTest {

    private static final String VALUES = """
            {':h': {'S': 'user'}, ':lo': {'N': '10'}, ':hi': {'N': '20'}, ':p': {'S': 'ab'}, ':n': {'N': '1'}}""";

    private static KeyCondition parse(String expression) {
        return Expressions.keyCondition(expression, context("{'#h': 'pk', '#r': 'sk'}", VALUES));
    }

    private static BoundKeyCondition bind(String expression) {
        return parse(expression).bind("pk", "sk");
    }

    @Test
    void hashOnly() {
        BoundKeyCondition bound = bind("pk = :h");
        assertThat(bound.hashValue()).isEqualTo(json("{'S': 'user'}"));
        assertThat(bound.range()).isNull();
        assertThat(parse("#h = :h").bind("pk", null).hashValue()).isEqualTo(json("{'S': 'user'}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sk = :lo | EQ | 10 | true", "sk = :lo | EQ | 11 | false",
            "sk < :lo | LT | 9 | true", "sk < :lo | LT | 10 | false",
            "sk <= :lo | LE | 10 | true", "sk > :lo | GT | 11 | true", "sk > :lo | GT | 10 | false",
            "sk >= :lo | GE | 10 | true", "sk >= :lo | GE | 9.5 | false",
            ":lo < sk | GT | 11 | true", ":lo >= #r | LE | 10 | true",
            "sk BETWEEN :lo AND :hi | BETWEEN | 20 | true", "sk BETWEEN :lo AND :hi | BETWEEN | 21 | false"})
    void rangeComparisons(String range, String operator, String sortKey, boolean matches) {
        BoundKeyCondition bound = bind("pk = :h AND " + range);
        assertThat(bound.range().operator()).isEqualTo(operator);
        assertThat(bound.range().test(json("{'N': '" + sortKey + "'}"))).isEqualTo(matches);
    }

    @Test
    void beginsWithAndOrder() {
        BoundKeyCondition bound = parse("begins_with(#r, :p) AND #h = :h").bind("pk", "S", "sk", "S");
        assertThat(bound.range().operator()).isEqualTo("BEGINS_WITH");
        assertThat(bound.range().values()).containsExactly(json("{'S': 'ab'}"));
        assertThat(bound.range().test(json("{'S': 'abc'}"))).isTrue();
        assertThat(bound.range().test(json("{'S': 'ba'}"))).isFalse();
        assertThat(bind("(pk = :h) AND (sk > :lo)").range().operator()).isEqualTo("GT");
    }

    @Test
    void errorsAgainstTheKeySchema() {
        assertValidation(() -> bind("sk = :lo"), "Query condition missed key schema element: pk");
        assertValidation(() -> bind("pk = :h AND otro = :n"), "Query condition missed key schema element: sk");
        assertValidation(() -> parse("pk = :h AND sk = :n").bind("pk", null), "Query key condition not supported");
        assertValidation(() -> bind("pk > :h"), "Query key condition not supported");
        assertValidation(() -> bind("begins_with(pk, :p)"), "Query key condition not supported");
        assertValidation(() -> parse("pk = :n").bind("pk", "S", "sk", "N"),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertValidation(() -> parse("pk = :h AND sk = :p").bind("pk", "S", "sk", "N"),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }

    @Test
    void errorsInTheExpression() {
        assertValidation(() -> parse("pk = :h OR sk = :n"), "Invalid operator used in KeyConditionExpression: OR");
        assertValidation(() -> parse("NOT pk = :h"), "Invalid operator used in KeyConditionExpression: NOT");
        assertValidation(() -> parse("pk IN (:h)"), "Invalid operator used in KeyConditionExpression: IN");
        assertValidation(() -> parse("pk <> :h"), "Invalid operator used in KeyConditionExpression: <>");
        assertValidation(() -> parse("attribute_exists(pk)"),
                "Invalid operator used in KeyConditionExpression: attribute_exists");
        assertValidation(() -> parse("pk = :h AND contains(sk, :p)"),
                "Invalid operator used in KeyConditionExpression: contains");
        assertValidation(() -> parse("pk = :h AND pk = :h"), "KeyConditionExpressions must only contain one condition per key");
        assertValidation(() -> parse("pk = :h AND sk > :lo AND sk < :hi"),
                "KeyConditionExpressions must only contain one condition per key");
        assertValidation(() -> parse("pk = sk"),
                "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        assertValidation(() -> parse(":h = :h"), "Invalid condition in KeyConditionExpression: No key attribute specified");
        assertValidation(() -> parse("pk.a = :h"), "KeyConditionExpressions cannot have conditions on nested attributes");
        assertValidation(() -> parse("size(pk) = :n"), "KeyConditionExpressions cannot contain nested operations");
        assertValidation(() -> parse(":lo BETWEEN sk AND :hi"),
                "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
        assertValidation(() -> parse("begins_with(:p, sk)"),
                "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand");
        assertValidation(() -> parse("pk = :h AND begins_with(sk, :n)"),
                "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        assertValidation(() -> parse("pk = :h AND"), "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
        assertValidation(() -> parse(""), "Invalid KeyConditionExpression: The expression can not be empty;");
    }

    @Test
    void legacyKeyConditions() {
        KeyCondition condition = LegacyConditions.keyConditions(json("""
                {'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'user'}]},
                 'sk': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '1'}, {'N': '5'}]}}"""));
        BoundKeyCondition bound = condition.bind("pk", "S", "sk", "N");
        assertThat(bound.hashValue()).isEqualTo(json("{'S': 'user'}"));
        assertThat(bound.range().operator()).isEqualTo("BETWEEN");
        assertThat(bound.range().test(json("{'N': '3'}"))).isTrue();

        assertValidation(() -> LegacyConditions.keyConditions(json("{}")), "Conditions can be of length 1 or 2 only");
        assertValidation(() -> LegacyConditions.keyConditions(json(
                        "{'pk': {'ComparisonOperator': 'NE', 'AttributeValueList': [{'S': 'a'}]}}")).bind("pk", null),
                "Attempted conditional constraint is not an indexable operation");
        assertValidation(() -> LegacyConditions.keyConditions(json(
                        "{'pk': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'S': 'a'}]}}")).bind("pk", null),
                "Query key condition not supported");
    }
}
