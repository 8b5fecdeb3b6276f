package io.kinesisworkbook.emulator.dynamodb.expression;

import static io.kinesisworkbook.emulator.dynamodb.expression.Json.assertValidation;
import static io.kinesisworkbook.emulator.dynamodb.expression.Json.context;
import static io.kinesisworkbook.emulator.dynamodb.expression.Json.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionExpressionTest {

    private static final ObjectNode ITEM = item("""
            {'pk': {'S': 'user#1'}, 'age': {'N': '30'}, 'name': {'S': 'Alice'}, 'bin': {'B': 'AQID'},
             'tags': {'SS': ['red', 'blue']}, 'scores': {'NS': ['1', '2.50']}, 'blobs': {'BS': ['AQ==']},
             'lst': {'L': [{'S': 'x'}, {'N': '7'}, {'M': {'deep': {'S': 'down'}}}]},
             'mp': {'M': {'inside': {'N': '5'}, 'flag': {'BOOL': true}}},
             'nothing': {'NULL': true}, 'yes': {'BOOL': true}}""");

    private static final String VALUES = """
            {':thirty': {'N': '30.0'}, ':ten': {'N': '10'}, ':forty': {'N': '40'}, ':alice': {'S': 'Alice'},
             ':al': {'S': 'Al'}, ':lic': {'S': 'lic'}, ':red': {'S': 'red'}, ':two': {'N': '2.5'}, ':x': {'S': 'x'},
             ':seven': {'N': '7'}, ':S': {'S': 'S'}, ':SS': {'S': 'SS'}, ':M': {'S': 'M'}, ':NULL': {'S': 'NULL'},
             ':b': {'B': 'AQ=='}, ':bc': {'B': 'AgM='}, ':five': {'N': '5'}, ':three': {'N': '3'},
             ':down': {'S': 'down'}, ':true': {'BOOL': true}, ':map': {'M': {'inside': {'N': '5'}, 'flag': {'BOOL': true}}}}""";

    private static boolean test(String expression) {
        return test(expression, ITEM);
    }

    private static boolean test(String expression, ObjectNode item) {
        return Expressions.condition(expression, context("{'#n': 'name', '#a': 'age'}", VALUES), "ConditionExpression")
                .test(item);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "age = :thirty | true", "age = :ten | false", "age <> :ten | true", "age <> :thirty | false",
            "age < :forty | true", "age < :thirty | false", "age <= :thirty | true", "age > :ten | true",
            "age > :thirty | false", "age >= :thirty | true", "#n = :alice | true", "#n > :al | true",
            "#n < :al | false", "#n = :thirty | false", "#n < :forty | false", "absent = :ten | false",
            "absent <> :ten | true", "absent < :ten | false", ":ten < age | true", "mp = :map | true",
            "yes = :true | true", "bin > :b | true", "bin < :b | false"})
    void comparesAsDynamoDbDoes(String expression, boolean expected) {
        assertThat(test(expression)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "age BETWEEN :ten AND :forty | true", "age between :thirty and :thirty | true",
            "age BETWEEN :forty AND :forty | false", "#n BETWEEN :al AND :alice | true", "#n BETWEEN :ten AND :forty | false",
            "absent BETWEEN :ten AND :forty | false",
            "age IN (:ten, :thirty) | true", "age in (:ten) | false", "#n IN (:ten, :alice) | true", "absent IN (:ten) | false"})
    void betweenAndIn(String expression, boolean expected) {
        assertThat(test(expression)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "attribute_exists(age) | true", "attribute_exists(absent) | false", "attribute_not_exists(absent) | true",
            "attribute_exists(mp.inside) | true", "attribute_exists(mp.otro) | false", "attribute_exists(lst[2].deep) | true",
            "attribute_exists(lst[3]) | false", "attribute_exists(age.inside) | false", "attribute_exists(mp[0]) | false",
            "attribute_type(#n, :S) | true", "attribute_type(tags, :SS) | true", "attribute_type(mp, :M) | true",
            "attribute_type(nothing, :NULL) | true", "attribute_type(age, :S) | false", "attribute_type(absent, :S) | false",
            "begins_with(#n, :al) | true", "begins_with(#n, :lic) | false", "begins_with(age, :al) | false",
            "begins_with(bin, :b) | true", "begins_with(bin, :bc) | false", "begins_with(absent, :al) | false",
            "contains(#n, :lic) | true", "contains(#n, :red) | false", "contains(tags, :red) | true", "contains(tags, :x) | false",
            "contains(scores, :two) | true", "contains(scores, :three) | false", "contains(blobs, :b) | true",
            "contains(bin, :bc) | true", "contains(lst, :x) | true", "contains(lst, :seven) | true",
            "contains(lst, :red) | false", "contains(age, :thirty) | false", "contains(absent, :x) | false",
            "contains(lst[2].deep, :down) | true"})
    void functions(String expression, boolean expected) {
        assertThat(test(expression)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "size(#n) = :five | true", "size(tags) = :two | false", "size(tags) < :three | true", "size(scores) < :three | true",
            "size(lst) = :three | true", "size(mp) < :three | true", "size(bin) = :three | true",
            "size(age) = :two | false", "size(absent) = :ten | false", "size(yes) <> :ten | true",
            ":ten > size(#n) | true", "size(#n) BETWEEN :three AND :seven | true", "size(#n) IN (:five) | true"})
    void size(String expression, boolean expected) {
        assertThat(test(expression)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "age = :ten OR age = :thirty | true", "age = :ten AND age = :thirty | false",
            "NOT age = :ten | true", "not (age = :thirty) | false", "NOT NOT age = :thirty | true",
            // AND binds tighter than OR
            "age = :thirty OR age = :ten AND age = :forty | true",
            "(age = :thirty OR age = :ten) AND age = :forty | false",
            // NOT binds tighter than AND
            "NOT age = :ten AND age = :ten | false",
            "NOT (age = :ten AND age = :thirty) | true",
            "(age) = :thirty | true", "age = (:thirty) | true", "(attribute_exists(age)) | true",
            "(age = :thirty) AND ((#n = :alice) OR #n = :x) | true",
            "age=:thirty AND#n=:alice | true", "attribute_exists(age)AND(attribute_exists(#n)) | true"})
    void logicAndPrecedence(String expression, boolean expected) {
        assertThat(test(expression)).isEqualTo(expected);
    }

    @Test
    void anEmptyItemSatisfiesOnlyNegativeConditions() {
        ObjectNode none = item("{}");
        assertThat(test("attribute_not_exists(pk)", none)).isTrue();
        assertThat(test("attribute_exists(pk)", none)).isFalse();
        assertThat(test("age <> :ten", none)).isTrue();
    }

    @Test
    void keywordsAreNotCaseSensitiveButFunctionNamesAre() {
        assertThat(test("age BeTwEeN :ten aNd :forty")).isTrue();
        assertError("ATTRIBUTE_EXISTS(age)", "{}", "Invalid function name; function: ATTRIBUTE_EXISTS");
    }

    private static void assertError(String expression, String values, String message) {
        assertValidation(() -> Expressions.condition(expression,
                context("{'#a': 'a'}", values.equals("{}") ? null : values),
                "FilterExpression"), "Invalid FilterExpression: " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a = | <EOF> | =",
            "a | <EOF> | a",
            "a b | b | a b",
            "a = :v AND | <EOF> | AND",
            "a = = :v | = | = = :v",
            "a.b. = :v | = | . = :v",
            "a[x] = :v | x | [x]",
            "a[1 = :v | = | 1 = :v",
            "a ! :v | ! | a ! :v",
            "a = :v OR OR b = :v | OR | OR OR b",
            "AND = :v | AND | AND =",
            "a BETWEEN :v | <EOF> | :v",
            "a IN :v | :v | IN :v",
            "a = :v) | ) | :v)",
            "(a = :v | <EOF> | :v",
            "attribute_exists() | ) | ()",
            "a = # | # | = #",
            "a : :v | : | a : :v",
            "(a) | <EOF> | )"})
    void syntaxErrorsNameTheTokenAndWhatIsNearIt(String expression, String token, String near) {
        assertError(expression, "{':v': {'S': 'x'}}",
                "Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }

    @Test
    void emptyAndOversizedExpressions() {
        assertError("", "{}", "The expression can not be empty;");
        assertError("   ", "{}", "The expression can not be empty;");
        String big = "a".repeat(4091) + " = :v";
        assertThat(big.length()).isEqualTo(4096);
        Expressions.condition(big, context(null, "{':v': {'S': 'x'}}"), "FilterExpression");
        assertError(big + " ", "{':v': {'S': 'x'}}",
                "Expression size has exceeded the maximum allowed size; expression size: 4097");
    }

    @Test
    void tooManyOperators() {
        String many = "a = :v" + " OR a = :v".repeat(150);
        assertError(many, "{':v': {'S': 'x'}}", "The expression contains too many operators; operator count: 301");
        Expressions.condition("a = :v" + " OR a = :v".repeat(149), context(null, "{':v': {'S': 'x'}}"), "FilterExpression");
    }

    @Test
    void inTakesAtMostOneHundredOperands() {
        String hundred = "a IN (" + ":v, ".repeat(99) + ":v)";
        Expressions.condition(hundred, context(null, "{':v': {'S': 'x'}}"), "FilterExpression");
        assertError("a IN (" + ":v, ".repeat(100) + ":v)", "{':v': {'S': 'x'}}",
                "The IN operator is provided with too many operands; number of operands: 101");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abort = :v | abort", "a.Size = :v | Size", "attribute_exists(views) | views", ":v < abOrT | abOrT",
            "a.b[1].DATA = :v | DATA"})
    void reservedWords(String expression, String word) {
        assertError(expression, "{':v': {'S': 'x'}}", "Attribute name is a reserved keyword; reserved keyword: " + word);
    }

    @Test
    void undefinedPlaceholders() {
        assertError("#x = :v", "{':v': {'S': 'x'}}",
                "An expression attribute name used in the document path is not defined; attribute name: #x");
        assertError("a.#y = :v", "{':v': {'S': 'x'}}",
                "An expression attribute name used in the document path is not defined; attribute name: #y");
        assertError("a = :w", "{':v': {'S': 'x'}}",
                "An expression attribute value used in expression is not defined; attribute value: :w");
        // the first undefined placeholder wins, name or value
        assertError("begins_with(:hello, #b)", "{}",
                "An expression attribute value used in expression is not defined; attribute value: :hello");
    }

    @Test
    void functionErrors() {
        assertError("foo(a)", "{}", "Invalid function name; function: foo");
        assertError("a = :v AND whatever(:v) > a", "{':v': {'S': 'x'}}", "Invalid function name; function: whatever");
        assertError("begins_with(a)", "{}",
                "Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1");
        assertError("size(a, b) > c", "{}",
                "Incorrect number of operands for operator or function; operator or function: size, number of operands: 2");
        assertError("attribute_exists(a, b)", "{}",
                "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2");
        assertError("size(:v) > a", "{':v': {'N': '1'}}",
                "Incorrect operand type for operator or function; operator or function: size, operand type: N");
        assertError("size(:v) > a", "{':v': {'BOOL': true}}",
                "Incorrect operand type for operator or function; operator or function: size, operand type: BOOL");
        assertError("begins_with(a, :v)", "{':v': {'N': '1'}}",
                "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        assertError("begins_with(a, size(b))", "{}",
                "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        assertError("attribute_type(a, :v)", "{':v': {'N': '1'}}",
                "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N");
        assertError("attribute_type(a, :v)", "{':v': {'S': 'STRING'}}",
                "Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        assertError("attribute_exists(:v)", "{':v': {'S': 'x'}}",
                "Operator or function requires a document path; operator or function: attribute_exists");
    }

    @Test
    void functionsMisused() {
        assertError("size(a)", "{}", "The function is not allowed to be used this way in an expression; function: size");
        assertError("attribute_exists(a) = b", "{}",
                "The function is not allowed to be used this way in an expression; function: attribute_exists");
        assertError("a IN (b, contains(c, d))", "{}",
                "The function is not allowed to be used this way in an expression; function: contains");
        assertError("size(contains(a, b)) > a", "{}",
                "The function is not allowed to be used this way in an expression; function: contains");
    }

    @Test
    void operandsMustBeDistinct() {
        assertError("a = a", "{}",
                "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]");
        assertValidation(() -> Expressions.condition("#a <> a", context("{'#a': 'a'}", null), "ConditionExpression"),
                "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this "
                        + "operator or function; operator: <>, first operand: [a]");
        assertError("contains(b.c[1].d, b.c[1].d)", "{}",
                "The first operand must be distinct from the remaining operands for this operator or function; "
                        + "operator: contains, first operand: [b, c, [1], d]");
        // the same value twice is allowed
        Expressions.condition(":v = :v", context(null, "{':v': {'S': 'x'}}"), "FilterExpression");
    }

    @Test
    void betweenBounds() {
        assertError("a BETWEEN :hi AND :lo", "{':hi': {'N': '5'}, ':lo': {'N': '1'}}",
                "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + "lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}");
        assertError("a BETWEEN :n AND :s", "{':n': {'N': '1'}, ':s': {'S': 'a'}}",
                "The BETWEEN operator requires same data type for lower and upper bounds; "
                        + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}");
    }

    @Test
    void redundantParentheses() {
        assertError("((a = :v))", "{':v': {'S': 'x'}}", "The expression has redundant parentheses;");
        assertError("a = ((:v))", "{':v': {'S': 'x'}}", "The expression has redundant parentheses;");
        assertError("((a)) = :v", "{':v': {'S': 'x'}}", "The expression has redundant parentheses;");
        assertError("a = :v AND ((a = :v AND a = :v)) AND a = :v", "{':v': {'S': 'x'}}",
                "The expression has redundant parentheses;");
        // checked before the other errors
        assertError("a > whatever((:v), ((a)))", "{':v': {'S': 'x'}}", "The expression has redundant parentheses;");
    }

    @Test
    void errorKindsComeInAwsOrder() {
        // a reserved word before an undefined placeholder and a wrong operand count
        assertError("attribute_exists(views, #zz)", "{}", "Attribute name is a reserved keyword; reserved keyword: views");
        // an undefined placeholder before a wrong operand count
        assertError("attribute_exists(#zz, :v) and a = :v", "{':v': {'S': 'x'}}",
                "An expression attribute name used in the document path is not defined; attribute name: #zz");
        // an unknown function before a misused one
        assertError("attribute_exists(a) = foo(b)", "{}", "Invalid function name; function: foo");
    }

    @Test
    void placeholdersStandForNamesWithAnyCharacters() {
        ObjectNode odd = item("{'first.name': {'S': 'x'}, 'a-b': {'M': {'c d': {'N': '1'}}}}");
        var condition = Expressions.condition("#f = :x AND #ab.#cd = :one",
                context("{'#f': 'first.name', '#ab': 'a-b', '#cd': 'c d'}", "{':x': {'S': 'x'}, ':one': {'N': '1'}}"),
                "ConditionExpression");
        assertThat(condition.test(odd)).isTrue();
    }
}
