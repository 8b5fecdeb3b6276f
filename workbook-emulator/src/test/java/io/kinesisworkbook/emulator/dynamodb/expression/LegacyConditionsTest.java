package io.kinesisworkbook.emulator.dynamodb.expression;

import static io.kinesisworkbook.emulator.dynamodb.expression.Json.assertValidation;
import static io.kinesisworkbook.emulator.dynamodb.expression.Json.item;
import static io.kinesisworkbook.emulator.dynamodb.expression.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyConditionsTest {

    private static final ObjectNode ITEM = item("""
            {'n': {'N': '5'}, 's': {'S': 'hello'}, 'ss': {'SS': ['a', 'b']}, 'l': {'L': [{'S': 'x'}]}}""");

    private static boolean filter(String attribute, String operator, String values) {
        return LegacyConditions.filter(json("{'" + attribute + "': {'ComparisonOperator': '" + operator
                + "', 'AttributeValueList': " + values + "}}"), null).test(ITEM);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "n | EQ | [{'N': '5.0'}] | true", "n | EQ | [{'S': '5'}] | false", "n | NE | [{'N': '4'}] | true",
            "x | NE | [{'N': '4'}] | true", "n | LT | [{'N': '6'}] | true", "n | LE | [{'N': '5'}] | true",
            "n | GT | [{'N': '5'}] | false", "n | GE | [{'N': '5'}] | true", "s | GT | [{'N': '5'}] | false",
            "n | NULL | [] | false", "x | NULL | [] | true", "n | NOT_NULL | [] | true",
            "s | CONTAINS | [{'S': 'ell'}] | true", "ss | CONTAINS | [{'S': 'a'}] | true", "l | CONTAINS | [{'S': 'x'}] | true",
            "s | NOT_CONTAINS | [{'S': 'z'}] | true", "ss | NOT_CONTAINS | [{'S': 'a'}] | false",
            "s | BEGINS_WITH | [{'S': 'he'}] | true", "s | BEGINS_WITH | [{'S': 'lo'}] | false",
            "n | IN | [{'N': '1'}, {'N': '5'}] | true", "x | IN | [{'N': '1'}] | false",
            "n | BETWEEN | [{'N': '1'}, {'N': '5'}] | true", "n | BETWEEN | [{'N': '6'}, {'N': '9'}] | false"})
    void comparisonOperators(String attribute, String operator, String values, boolean expected) {
        assertThat(filter(attribute, operator, values)).isEqualTo(expected);
    }

    @Test
    void conditionalOperator() {
        String twoConditions = "{'n': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '5'}]},"
                + " 's': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'nope'}]}}";
        assertThat(LegacyConditions.filter(json(twoConditions), null).test(ITEM)).isFalse();
        assertThat(LegacyConditions.filter(json(twoConditions), "AND").test(ITEM)).isFalse();
        assertThat(LegacyConditions.filter(json(twoConditions), "OR").test(ITEM)).isTrue();
    }

    @Test
    void expectedWithValueAndExists() {
        assertThat(LegacyConditions.expected(json("{'n': {'Value': {'N': '5'}}}"), null).test(ITEM)).isTrue();
        assertThat(LegacyConditions.expected(json("{'n': {'Value': {'N': '6'}, 'Exists': true}}"), null).test(ITEM)).isFalse();
        assertThat(LegacyConditions.expected(json("{'x': {'Exists': false}}"), null).test(ITEM)).isTrue();
        assertThat(LegacyConditions.expected(json("{'n': {'Exists': false}}"), null).test(ITEM)).isFalse();
        assertThat(LegacyConditions.expected(json("{'x': {'Exists': false}}"), null).test(item("{}"))).isTrue();
        assertThat(LegacyConditions.expected(json(
                "{'n': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'N': '1'}]}}"), null).test(ITEM)).isTrue();
        assertThat(LegacyConditions.expected(json(
                "{'n': {'ComparisonOperator': 'LT', 'Value': {'N': '1'}}}"), null).test(ITEM)).isFalse();
    }

    @Test
    void expectedErrors() {
        String prefix = "One or more parameter values were invalid: ";
        assertValidation(() -> LegacyConditions.expected(json("{'a': {'Value': {'S': 'x'}, 'AttributeValueList': []}}"), null),
                prefix + "Value and AttributeValueList cannot be used together for Attribute: a");
        assertValidation(() -> LegacyConditions.expected(json("{'a': {'ComparisonOperator': 'NULL', 'Exists': true}}"), null),
                prefix + "Exists and ComparisonOperator cannot be used together for Attribute: a");
        assertValidation(() -> LegacyConditions.expected(json("{'a': {'ComparisonOperator': 'EQ'}}"), null),
                prefix + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a");
        assertValidation(() -> LegacyConditions.expected(json("{'a': {'AttributeValueList': []}}"), null),
                prefix + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a");
        assertValidation(() -> LegacyConditions.expected(json("{'a': {}}"), null),
                prefix + "Value must be provided when Exists is null for Attribute: a");
        assertValidation(() -> LegacyConditions.expected(json("{'a': {'Exists': true}}"), null),
                prefix + "Value must be provided when Exists is true for Attribute: a");
        assertValidation(() -> LegacyConditions.expected(json("{'a': {'Exists': false, 'Value': {'S': 'x'}}}"), null),
                prefix + "Value cannot be used when Exists is false for Attribute: a");
    }

    @Test
    void comparisonErrors() {
        String prefix = "One or more parameter values were invalid: ";
        assertValidation(() -> filter("a", "EQ", "[]"), prefix + "Invalid number of argument(s) for the EQ ComparisonOperator");
        assertValidation(() -> filter("a", "NULL", "[{'S': 'x'}]"),
                prefix + "Invalid number of argument(s) for the NULL ComparisonOperator");
        assertValidation(() -> filter("a", "BETWEEN", "[{'N': '1'}]"),
                prefix + "Invalid number of argument(s) for the BETWEEN ComparisonOperator");
        assertValidation(() -> filter("a", "IN", "[{'N': '1'}, {'S': 'x'}]"),
                prefix + "AttributeValues inside AttributeValueList must be of same type");
        assertValidation(() -> filter("a", "LT", "[{'SS': ['x']}]"),
                prefix + "ComparisonOperator LT is not valid for SS AttributeValue type");
        assertValidation(() -> filter("a", "BEGINS_WITH", "[{'N': '1'}]"),
                prefix + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
        assertValidation(() -> filter("a", "BETWEEN", "[{'N': '5'}, {'N': '1'}]"),
                "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
    }

    @Test
    void attributeUpdates() {
        Update update = LegacyConditions.attributeUpdates(json("""
                {'s': {'Value': {'S': 'new'}}, 'n': {'Action': 'ADD', 'Value': {'N': '-2'}},
                 'ss': {'Action': 'DELETE', 'Value': {'SS': ['a']}}, 'l': {'Action': 'ADD', 'Value': {'L': [{'N': '1'}]}},
                 'fresh': {'Action': 'ADD', 'Value': {'NS': ['1']}}, 'gone': {'Action': 'DELETE'}}"""));
        ObjectNode result = update.apply(ITEM.deepCopy().put("gone", "x"));
        assertThat(result).isEqualTo(item("""
                {'n': {'N': '3'}, 's': {'S': 'new'}, 'ss': {'SS': ['b']}, 'l': {'L': [{'S': 'x'}, {'N': '1'}]},
                 'fresh': {'NS': ['1']}}"""));
        assertThat(update.paths()).extracting(DocumentPath::toString).containsExactly("s", "n", "ss", "l", "fresh", "gone");
    }

    @Test
    void attributeUpdatesErrors() {
        String prefix = "One or more parameter values were invalid: ";
        assertValidation(() -> LegacyConditions.attributeUpdates(json("{'a': {'Action': 'PUT'}}")),
                prefix + "Only DELETE action is allowed when no attribute value is specified");
        assertValidation(() -> LegacyConditions.attributeUpdates(json("{'a': {'Action': 'DELETE', 'Value': {'S': 'x'}}}")),
                prefix + "DELETE action with value is not supported for the type S");
        assertValidation(() -> LegacyConditions.attributeUpdates(json("{'a': {'Action': 'ADD', 'Value': {'S': 'x'}}}")),
                prefix + "ADD action is not supported for the type S");
        assertValidation(() -> LegacyConditions.attributeUpdates(json("{'s': {'Action': 'ADD', 'Value': {'N': '1'}}}"))
                .apply(ITEM), "Type mismatch for attribute to update");
        assertValidation(() -> LegacyConditions.attributeUpdates(json("{'ss': {'Action': 'DELETE', 'Value': {'NS': ['1']}}}"))
                .apply(ITEM), "Type mismatch for attribute to update");
    }
}
