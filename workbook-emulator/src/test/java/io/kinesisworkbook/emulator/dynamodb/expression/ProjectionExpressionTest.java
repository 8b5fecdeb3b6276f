package io.kinesisworkbook.emulator.dynamodb.expression;

import static io.kinesisworkbook.emulator.dynamodb.expression.Json.assertValidation;
import static io.kinesisworkbook.emulator.dynamodb.expression.Json.context;
import static io.kinesisworkbook.emulator.dynamodb.expression.Json.item;
import static io.kinesisworkbook.emulator.dynamodb.expression.Json.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionExpressionTest {

    private static final ObjectNode ITEM = item("""
            {'pk': {'S': 'k'}, 'n': {'N': '1'},
             'lst': {'L': [{'S': 'a'}, {'M': {'x': {'N': '1'}, 'y': {'N': '2'}}}, {'S': 'c'}, {'S': 'd'}]},
             'mp': {'M': {'a': {'S': 'A'}, 'b': {'M': {'c': {'S': 'C'}, 'd': {'S': 'D'}}}}}}""");

    private static ObjectNode project(String expression) {
        return Expressions.projection(expression, context("{'#p': 'pk'}", null)).apply(ITEM);
    }

    @Test
    void topLevelAttributes() {
        assertThat(project("#p, n, absent")).isEqualTo(item("{'pk': {'S': 'k'}, 'n': {'N': '1'}}"));
    }

    @Test
    void nestedMapKeysKeepOnlyWhatIsNamed() {
        assertThat(project("mp.b.c, mp.a")).isEqualTo(item("{'mp': {'M': {'b': {'M': {'c': {'S': 'C'}}}, 'a': {'S': 'A'}}}}"));
        assertThat(project("mp.zz")).isEqualTo(item("{}"));
    }

    @Test
    void listElementsComeInIndexOrderWithoutGaps() {
        assertThat(project("lst[3], lst[0]")).isEqualTo(item("{'lst': {'L': [{'S': 'a'}, {'S': 'd'}]}}"));
        assertThat(project("lst[1].y, lst[9]")).isEqualTo(item("{'lst': {'L': [{'M': {'y': {'N': '2'}}}]}}"));
        assertThat(project("n[0], mp[0], lst.a")).isEqualTo(item("{}"));
    }

    @Test
    void pathsAreListed() {
        Projection projection = Expressions.projection("a.b[1], #p", context("{'#p': 'pk'}", null));
        assertThat(projection.paths()).extracting(DocumentPath::toString).containsExactly("a.b[1]", "pk");
    }

    @Test
    void documentPathProjectServesReturnValues() {
        ObjectNode projected = DocumentPath.project(ITEM, List.of(DocumentPath.of("n"), DocumentPath.of("zz")));
        assertThat(projected).isEqualTo(item("{'n': {'N': '1'}}"));
        assertThat(projected.get("n")).isNotSameAs(ITEM.get("n"));
    }

    private static void assertError(String expression, String message) {
        assertValidation(() -> Expressions.projection(expression, context("{'#a': 'a'}", null)),
                "Invalid ProjectionExpression: " + message);
    }

    @Test
    void errors() {
        assertError("", "The expression can not be empty;");
        assertError("a,", "Syntax error; token: \"<EOF>\", near: \",\"");
        assertError("a b", "Syntax error; token: \"b\", near: \"a b\"");
        assertError("a[-1]", "Syntax error; token: \"-\", near: \"[-1\"");
        assertError("a, ABSoLUTE", "Attribute name is a reserved keyword; reserved keyword: ABSoLUTE");
        assertError("a, #b", "An expression attribute name used in the document path is not defined; attribute name: #b");
        assertError("a.b, a", "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [a, b], path two: [a]");
        assertError("#a, a", "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [a], path two: [a]");
        assertError("a[0], a.b", "Two document paths conflict with each other; must remove or rewrite one of these paths; "
                + "path one: [a, [0]], path two: [a, b]");
        // keywords of other grammars are only reserved words here
        assertError("SET", "Attribute name is a reserved keyword; reserved keyword: SET");
    }

    @Test
    void attributesToGet() {
        Projection projection = LegacyConditions.attributesToGet(json("['pk', 'mp', 'absent']"));
        assertThat(projection.apply(ITEM)).isEqualTo(item("{'pk': {'S': 'k'}, 'mp': " + ITEM.get("mp") + "}"));
        assertValidation(() -> LegacyConditions.attributesToGet(json("['a', 'b', 'a']")),
                "One or more parameter values were invalid: Duplicate value in attribute name: a");
    }
}
