package io.kinesisworkbook.emulator.dynamodb.expression;

import static io.kinesisworkbook.emulator.dynamodb.expression.Json.assertValidation;
import static io.kinesisworkbook.emulator.dynamodb.expression.Json.context;
import static io.kinesisworkbook.emulator.dynamodb.expression.Json.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class UpdateExpressionTest {

    private static final String VALUES = """
            {':one': {'N': '1'}, ':half': {'N': '0.5'}, ':s': {'S': 'new'}, ':list': {'L': [{'S': 'z'}]},
             ':empty': {'L': []}, ':ss': {'SS': ['a', 'c']}, ':ns': {'NS': ['1.0', '9']}, ':bs': {'BS': ['AQ==']},
             ':map': {'M': {'k': {'S': 'v'}}}, ':big': {'N': '9.9999999999999999999999999999999999999E+125'}}""";

    private static final ObjectNode ITEM = item("""
            {'pk': {'S': 'k'}, 'count': {'N': '41'}, 'name': {'S': 'old'}, 'tags': {'SS': ['a', 'b']},
             'nums': {'NS': ['1', '2']}, 'lst': {'L': [{'S': 'x'}, {'S': 'y'}, {'S': 'w'}]},
             'mp': {'M': {'inside': {'N': '5'}, 'child': {'M': {}}}}}""");

    private static ObjectNode apply(String expression) {
        return apply(expression, ITEM);
    }

    private static ObjectNode apply(String expression, ObjectNode item) {
        return Expressions.update(expression, context("{'#c': 'count', '#n': 'name'}", VALUES)).apply(item);
    }

    @Test
    void setAssignsValuesAndPaths() {
        ObjectNode result = apply("SET #n = :s, dup = lst[1], mp.inside = :map, mp.child.deep = :one");
        assertThat(result.get("name")).isEqualTo(Json.json("{'S': 'new'}"));
        assertThat(result.get("dup")).isEqualTo(Json.json("{'S': 'y'}"));
        assertThat(result.at("/mp/M/inside")).isEqualTo(Json.json("{'M': {'k': {'S': 'v'}}}"));
        assertThat(result.at("/mp/M/child/M/deep")).isEqualTo(Json.json("{'N': '1'}"));
        assertThat(ITEM.get("name")).isEqualTo(Json.json("{'S': 'old'}")).as("the original item is left alone");
    }

    @Test
    void setArithmetic() {
        assertThat(apply("SET #c = #c + :one").get("count")).isEqualTo(Json.json("{'N': '42'}"));
        assertThat(apply("SET #c = #c - :half").get("count")).isEqualTo(Json.json("{'N': '40.5'}"));
        assertThat(apply("SET #c = :one + :half").get("count")).isEqualTo(Json.json("{'N': '1.5'}"));
        assertThat(apply("SET #c = (mp.inside + #c)").get("count")).isEqualTo(Json.json("{'N': '46'}"));
        assertThat(apply("SET #c = :half - :half").get("count")).isEqualTo(Json.json("{'N': '0'}"));
    }

    @Test
    void setFunctions() {
        assertThat(apply("SET #c = if_not_exists(#c, :one)").get("count")).isEqualTo(Json.json("{'N': '41'}"));
        assertThat(apply("SET fresh = if_not_exists(fresh, :one)").get("fresh")).isEqualTo(Json.json("{'N': '1'}"));
        assertThat(apply("SET fresh = if_not_exists(fresh, :one) + :one").get("fresh")).isEqualTo(Json.json("{'N': '2'}"));
        assertThat(apply("SET lst = list_append(lst, :list)").get("lst").get("L")).hasSize(4);
        assertThat(apply("SET lst = list_append(:list, lst)").at("/lst/L/0")).isEqualTo(Json.json("{'S': 'z'}"));
        assertThat(apply("SET l2 = list_append(if_not_exists(l2, :empty), :list)").get("l2"))
                .isEqualTo(Json.json("{'L': [{'S': 'z'}]}"));
    }

    @Test
    void operandsAreReadFromTheItemBeforeTheUpdate() {
        ObjectNode result = apply("SET a = #n, #n = :s");
        assertThat(result.get("a")).isEqualTo(Json.json("{'S': 'old'}"));
        ObjectNode swapped = apply("SET #n = pk, pk = #n");
        assertThat(swapped.get("pk")).isEqualTo(Json.json("{'S': 'old'}"));
        assertThat(swapped.get("name")).isEqualTo(Json.json("{'S': 'k'}"));
    }

    @Test
    void setOnListIndexes() {
        assertThat(apply("SET lst[1] = :s").get("lst")).isEqualTo(
                Json.json("{'L': [{'S': 'x'}, {'S': 'new'}, {'S': 'w'}]}"));
        // beyond the end appends
        assertThat(apply("SET lst[10] = :s, lst[20] = :one").get("lst")).isEqualTo(
                Json.json("{'L': [{'S': 'x'}, {'S': 'y'}, {'S': 'w'}, {'S': 'new'}, {'N': '1'}]}"));
    }

    @Test
    void remove() {
        ObjectNode result = apply("REMOVE #n, mp.inside, absent, lst[1]");
        assertThat(result.has("name")).isFalse();
        assertThat(result.at("/mp/M").has("inside")).isFalse();
        assertThat(result.get("lst")).isEqualTo(Json.json("{'L': [{'S': 'x'}, {'S': 'w'}]}"));
        // indexes are those of the list before the update
        assertThat(apply("REMOVE lst[0], lst[1]").get("lst")).isEqualTo(Json.json("{'L': [{'S': 'w'}]}"));
        assertThat(apply("REMOVE lst[1], lst[0]").get("lst")).isEqualTo(Json.json("{'L': [{'S': 'w'}]}"));
        assertThat(apply("REMOVE lst[7]").get("lst").get("L")).hasSize(3);
        assertThat(apply("REMOVE lst[0] SET lst[1] = :s").get("lst"))
                .isEqualTo(Json.json("{'L': [{'S': 'new'}, {'S': 'w'}]}"));
    }

    @Test
    void add() {
        assertThat(apply("ADD #c :one").get("count")).isEqualTo(Json.json("{'N': '42'}"));
        assertThat(apply("ADD fresh :one").get("fresh")).isEqualTo(Json.json("{'N': '1'}"));
        assertThat(apply("ADD tags :ss").get("tags")).isEqualTo(Json.json("{'SS': ['a', 'b', 'c']}"));
        assertThat(apply("ADD nums :ns").get("nums")).isEqualTo(Json.json("{'NS': ['1', '2', '9']}"));
        assertThat(apply("ADD newset :bs").get("newset")).isEqualTo(Json.json("{'BS': ['AQ==']}"));
        assertThat(apply("ADD mp.inside :one").at("/mp/M/inside")).isEqualTo(Json.json("{'N': '6'}"));
    }

    @Test
    void delete() {
        assertThat(apply("DELETE tags :ss").get("tags")).isEqualTo(Json.json("{'SS': ['b']}"));
        assertThat(apply("DELETE nums :ns").get("nums")).isEqualTo(Json.json("{'NS': ['2']}"));
        assertThat(apply("DELETE absent :ss").has("absent")).isFalse();
        ObjectNode emptied = Expressions.update("DELETE tags :ab", context(null, "{':ab': {'SS': ['a', 'b']}}"))
                .apply(ITEM);
        assertThat(emptied.has("tags")).as("a set left empty is removed").isFalse();
    }

    @Test
    void allClausesTogetherInAnyOrder() {
        ObjectNode result = apply("delete tags :ss add #c :one remove lst set #n = :s");
        assertThat(result.get("tags")).isEqualTo(Json.json("{'SS': ['b']}"));
        assertThat(result.get("count")).isEqualTo(Json.json("{'N': '42'}"));
        assertThat(result.has("lst")).isFalse();
        assertThat(result.get("name")).isEqualTo(Json.json("{'S': 'new'}"));
    }

    @Test
    void pathsListsWhatTheUpdateTouches() {
        Update update = Expressions.update("SET a.b[2] = :one REMOVE c ADD d :one DELETE e :ss",
                context(null, "{':one': {'N': '1'}, ':ss': {'SS': ['x']}}"));
        assertThat(update.paths()).extracting(DocumentPath::toString).containsExactly("a.b[2]", "c", "d", "e");
        assertThat(update.paths()).extracting(DocumentPath::topLevelName).containsExactly("a", "c", "d", "e");
    }

    @Test
    void errorsThatDependOnTheItem() {
        assertValidation(() -> apply("SET #c = #n + :one"),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> apply("SET #c = absent + :one"),
                "The provided expression refers to an attribute that does not exist in the item");
        assertValidation(() -> apply("SET a = absent"),
                "The provided expression refers to an attribute that does not exist in the item");
        assertValidation(() -> apply("SET lst = list_append(#n, :list)"),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> apply("SET lst = list_append(nope, :list)"),
                "The provided expression refers to an attribute that does not exist in the item");
        assertValidation(() -> apply("ADD #n :one"), "An operand in the update expression has an incorrect data type");
        assertValidation(() -> apply("ADD tags :ns"), "An operand in the update expression has an incorrect data type");
        assertValidation(() -> apply("DELETE nums :ss"), "An operand in the update expression has an incorrect data type");
        assertValidation(() -> apply("SET nope.deep = :one"),
                "The document path provided in the update expression is invalid for update");
        assertValidation(() -> apply("SET #n.deep = :one"),
                "The document path provided in the update expression is invalid for update");
        assertValidation(() -> apply("SET mp[0] = :one"),
                "The document path provided in the update expression is invalid for update");
        assertValidation(() -> apply("REMOVE nope.deep"),
                "The document path provided in the update expression is invalid for update");
        assertValidation(() -> apply("SET #c = :big + :big"),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    private static void assertError(String expression, String values, String message) {
        assertValidation(() -> Expressions.update(expression, context("{'#a': 'a'}", values)),
                "Invalid UpdateExpression: " + message);
    }

    @Test
    void syntaxErrors() {
        assertError("SET", null, "Syntax error; token: \"<EOF>\", near: \"SET\"");
        assertError("SET a = :v +", "{':v': {'N': '1'}}", "Syntax error; token: \"<EOF>\", near: \"+\"");
        assertError("SET a = b / :v", "{':v': {'N': '1'}}", "Syntax error; token: \"/\", near: \"b / :v\"");
        assertError("ADD hits : incr", null, "Syntax error; token: \":\", near: \"hits : incr\"");
        assertError("INVALID SYNTAX HERE", null, "Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
        assertError("SET a = :v + :v + :v", "{':v': {'N': '1'}}", "Syntax error; token: \"+\", near: \":v + :v\"");
        assertError("SET a = :v,", "{':v': {'N': '1'}}", "Syntax error; token: \"<EOF>\", near: \",\"");
        assertError("REMOVE a = :v", "{':v': {'N': '1'}}", "Syntax error; token: \"=\", near: \"a = :v\"");
        assertError("ADD a b", null, "Syntax error; token: \"b\", near: \"a b\"");
        assertError("", null, "The expression can not be empty;");
    }

    @Test
    void sectionsOnlyOnce() {
        assertError("SET a = :v SET b = :v", "{':v': {'N': '1'}}",
                "The \"SET\" section can only be used once in an update expression;");
        assertError("remove a REMOVE b", null, "The \"REMOVE\" section can only be used once in an update expression;");
    }

    @Test
    void overlappingAndConflictingPaths() {
        assertError("SET a = :v, a.b = :v", "{':v': {'N': '1'}}",
                "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        assertError("SET a = :v REMOVE #a", "{':v': {'N': '1'}}",
                "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]");
        assertError("SET x.a[1] = :v REMOVE x.a.b", "{':v': {'N': '1'}}",
                "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [x, a, [1]], path two: [x, a, b]");
        // siblings are fine
        Expressions.update("SET a.b = :v, a.c = :v, l[0] = :v, l[1] = :v", context(null, "{':v': {'N': '1'}}"));
    }

    @Test
    void operandTypes() {
        assertError("ADD a :v", "{':v': {'S': 'x'}}",
                "Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
        assertError("DELETE a :v", "{':v': {'N': '1'}}",
                "Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER");
        assertError("ADD a :v", "{':v': {'L': []}}",
                "Incorrect operand type for operator or function; operator: ADD, operand type: LIST");
        assertError("SET a = b + :v", "{':v': {'S': 'x'}}",
                "Incorrect operand type for operator or function; operator or function: +, operand type: S");
        assertError("SET a = list_append(b, :v)", "{':v': {'S': 'x'}}",
                "Incorrect operand type for operator or function; operator or function: list_append, operand type: S");
        assertError("SET a = list_append(b)", null,
                "Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1");
        assertError("SET a = if_not_exists(:v, b)", "{':v': {'S': 'x'}}",
                "Operator or function requires a document path; operator or function: if_not_exists");
        assertError("SET a = foo(b)", null, "Invalid function name; function: foo");
    }

    @Test
    void placeholdersAndReservedWords() {
        assertError("SET #zz = :v", "{':v': {'N': '1'}}",
                "An expression attribute name used in the document path is not defined; attribute name: #zz");
        assertError("SET a = :zz", "{':v': {'N': '1'}}",
                "An expression attribute value used in expression is not defined; attribute value: :zz");
        assertError("SET #a = :v, name = :v", "{':v': {'N': '1'}}",
                "Attribute name is a reserved keyword; reserved keyword: name");
        // AWS reports a reserved word before an unknown function, a name before a value
        assertError("SET a = foo(status)", null, "Attribute name is a reserved keyword; reserved keyword: status");
        assertError("SET a = :zz, #zz = :v", "{':v': {'N': '1'}}",
                "An expression attribute name used in the document path is not defined; attribute name: #zz");
    }
}
