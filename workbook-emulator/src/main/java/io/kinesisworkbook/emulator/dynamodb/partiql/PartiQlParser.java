package io.kinesisworkbook.emulator.dynamodb.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlExpression.Path;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlLexer.Kind;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for the PartiQL DynamoDB speaks:
 *
 * <pre>
 * SELECT * | path, ... FROM table[.index] [WHERE condition] [ORDER BY key [ASC | DESC]]
 * INSERT INTO table VALUE {'attribute': value, ...}
 * UPDATE table SET path = value, ... [REMOVE path, ...] WHERE condition [RETURNING (ALL | MODIFIED) (OLD | NEW) *]
 * DELETE FROM table WHERE condition [RETURNING ALL OLD *]
 * </pre>
 *
 * Values are strings ({@code 'text'}), numbers, TRUE, FALSE, NULL, lists ({@code [1, 'a']}), maps
 * ({@code {'k': 1}}), sets ({@code <<'a', 'b'>>}) and {@code ?} parameters; a condition is made of
 * comparisons, BETWEEN, IN, IS [NOT] MISSING, IS [NOT] NULL, AND, OR, NOT and the functions
 * begins_with, contains, attribute_type and size. Identifiers are bare or in double quotes.
 */
public final class PartiQlParser {

    private static final Set<String> COMPARATORS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("begins_with", "contains", "attribute_type",
            "attribute_exists", "attribute_not_exists");
    private static final Set<String> VALUE_FUNCTIONS = Set.of("size", "list_append", "if_not_exists", "set_add",
            "set_delete");

    private final List<Token> tokens;
    private final List<JsonNode> parameters;
    private int at;
    private int parametersUsed;

    private PartiQlParser(String statement, List<JsonNode> parameters) {
        this.tokens = PartiQlLexer.tokenize(statement);
        this.parameters = parameters;
    }

    /** Parses one statement; its {@code ?} must match {@code parameters}, AttributeValues already checked. */
    public static PartiQlStatement parse(String statement, List<JsonNode> parameters) {
        PartiQlParser parser = new PartiQlParser(statement, parameters);
        PartiQlStatement parsed = parser.statement();
        parser.accept(";");
        if (parser.peek().kind() != Kind.END) {
            throw PartiQlErrors.malformed("Unexpected token after expression");
        }
        if (parser.parametersUsed != parameters.size()) {
            throw PartiQlErrors.parameterCount();
        }
        return parsed;
    }

    private PartiQlStatement statement() {
        Token first = peek();
        if (first.is("SELECT")) {
            return select();
        }
        if (first.is("INSERT")) {
            return insert();
        }
        if (first.is("UPDATE")) {
            return update();
        }
        if (first.is("DELETE")) {
            return delete();
        }
        throw PartiQlErrors.malformed("Expected data manipulation");
    }

    private PartiQlStatement.Select select() {
        expect("SELECT");
        List<Path> projection = new ArrayList<>();
        if (!accept("*")) {
            do {
                projection.add(path());
            } while (accept(","));
        }
        expect("FROM");
        String table = identifier();
        String index = accept(".") ? identifier() : null;
        PartiQlExpression where = accept("WHERE") ? condition() : null;
        String orderBy = null;
        boolean descending = false;
        if (accept("ORDER")) {
            expect("BY");
            orderBy = identifier();
            descending = accept("DESC");
            if (!descending) {
                accept("ASC");
            }
        }
        return new PartiQlStatement.Select(table, index, projection, where, orderBy, descending);
    }

    private PartiQlStatement.Insert insert() {
        expect("INSERT");
        expect("INTO");
        String table = identifier();
        if (!accept("VALUE")) {
            if (peek().is("VALUES")) {
                throw PartiQlErrors.invalid("Unsupported operation: Inserting multiple items in a single statement is "
                        + "not supported, use \"INSERT INTO tableName VALUE item\" instead");
            }
            throw PartiQlErrors.malformed("Expected VALUE");
        }
        JsonNode item = value();
        if (!item.has("M")) {
            throw PartiQlErrors.invalid("Unsupported format in item expression. Please use struct format {...} to "
                    + "express item values for insert statement.");
        }
        if (peek().is("RETURNING")) {
            throw PartiQlErrors.invalid("RETURNING is not supported in INSERT");
        }
        return new PartiQlStatement.Insert(table, (ObjectNode) item.get("M"));
    }

    private PartiQlStatement.Update update() {
        expect("UPDATE");
        String table = identifier();
        List<PartiQlStatement.Assignment> assignments = new ArrayList<>();
        List<Path> removals = new ArrayList<>();
        while (peek().is("SET") || peek().is("REMOVE")) {
            boolean set = next().is("SET");
            do {
                if (set) {
                    Path target = path();
                    expect("=");
                    assignments.add(new PartiQlStatement.Assignment(target, valueExpression()));
                } else {
                    removals.add(path());
                }
            } while (accept(","));
        }
        if (assignments.isEmpty() && removals.isEmpty()) {
            throw PartiQlErrors.malformed("Expected SET or REMOVE");
        }
        PartiQlExpression where = accept("WHERE") ? condition() : null;
        return new PartiQlStatement.Update(table, assignments, removals, where, returning(false));
    }

    private PartiQlStatement.Delete delete() {
        expect("DELETE");
        expect("FROM");
        String table = identifier();
        PartiQlExpression where = accept("WHERE") ? condition() : null;
        return new PartiQlStatement.Delete(table, where, returning(true));
    }

    /** {@code RETURNING (ALL | MODIFIED) (OLD | NEW) *} as ReturnValues, or null. */
    private String returning(boolean delete) {
        if (!accept("RETURNING")) {
            return null;
        }
        String which = next().text().toUpperCase();
        String age = next().text().toUpperCase();
        if (!Set.of("ALL", "MODIFIED").contains(which) || !Set.of("OLD", "NEW").contains(age) || !accept("*")) {
            throw PartiQlErrors.invalid("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
        }
        if (delete && !(which.equals("ALL") && age.equals("OLD"))) {
            throw PartiQlErrors.invalid("Invalid returning clause: RETURNING " + which + " " + age
                    + ". Only RETURNING ALL OLD * is allowed in DELETE statements.");
        }
        return (which.equals("ALL") ? "ALL_" : "UPDATED_") + age;
    }

    // --- conditions ---------------------------------------------------------------------------------

    PartiQlExpression condition() {
        PartiQlExpression left = conjunction();
        while (accept("OR")) {
            left = new PartiQlExpression.Or(left, conjunction());
        }
        return left;
    }

    private PartiQlExpression conjunction() {
        PartiQlExpression left = negation();
        while (accept("AND")) {
            left = new PartiQlExpression.And(left, negation());
        }
        return left;
    }

    private PartiQlExpression negation() {
        if (accept("NOT")) {
            return new PartiQlExpression.Not(negation());
        }
        return predicate();
    }

    private PartiQlExpression predicate() {
        if (accept("(")) {
            PartiQlExpression inner = condition();
            expect(")");
            return inner;
        }
        if (peek().kind() == Kind.WORD && CONDITION_FUNCTIONS.contains(peek().text().toLowerCase())
                && tokens.get(at + 1).is("(")) {
            return call(next().text().toLowerCase());
        }
        PartiQlExpression left = operand();
        Token token = peek();
        if (token.kind() == Kind.SYMBOL && COMPARATORS.contains(token.text())) {
            next();
            return new PartiQlExpression.Comparison(token.text(), left, operand());
        }
        if (accept("BETWEEN")) {
            PartiQlExpression low = operand();
            expect("AND");
            return new PartiQlExpression.Between(left, low, operand());
        }
        if (accept("IN")) {
            return new PartiQlExpression.In(left, list());
        }
        if (accept("IS")) {
            boolean negated = accept("NOT");
            if (!(left instanceof Path path)) {
                throw PartiQlErrors.invalid("The left hand side argument to IS must be a Variable Reference, Literal, or Path");
            }
            if (accept("MISSING")) {
                return new PartiQlExpression.Missing(path, negated);
            }
            if (accept("NULL")) {
                return new PartiQlExpression.IsNull(path, negated);
            }
            throw PartiQlErrors.invalid("Unsupported data type for IS operator: " + peek().text()
                    + ". Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]");
        }
        throw PartiQlErrors.invalid("WHERE clause must contain an expression that resolves to a boolean");
    }

    /** {@code (a, b)} or {@code [a, b]}: the candidates of IN. */
    private List<PartiQlExpression> list() {
        String close = accept("(") ? ")" : accept("[") ? "]" : null;
        if (close == null) {
            throw PartiQlErrors.invalid("IN operator must have a left hand argument of type Variable Reference and "
                    + "right hand argument of type Seq with at least one member");
        }
        List<PartiQlExpression> candidates = new ArrayList<>();
        do {
            candidates.add(operand());
        } while (accept(","));
        expect(close);
        return candidates;
    }

    // --- operands and values ------------------------------------------------------------------------

    /** A value in a SET: an operand, or operands added and subtracted. */
    private PartiQlExpression valueExpression() {
        PartiQlExpression left = operand();
        while (peek().is("+") || peek().is("-")) {
            String operator = next().text();
            left = new PartiQlExpression.Arithmetic(operator, left, operand());
        }
        return left;
    }

    private PartiQlExpression operand() {
        Token token = peek();
        if (token.is("MISSING")) {
            throw PartiQlErrors.invalid("MISSING must be compared using IS operator");
        }
        if (token.kind() == Kind.WORD && VALUE_FUNCTIONS.contains(token.text().toLowerCase())
                && tokens.get(at + 1).is("(")) {
            return call(next().text().toLowerCase());
        }
        if ((token.kind() == Kind.WORD && !isLiteralWord(token)) || token.kind() == Kind.QUOTED) {
            return path();
        }
        return new PartiQlExpression.Value(value());
    }

    private PartiQlExpression.Call call(String name) {
        expect("(");
        List<PartiQlExpression> arguments = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                arguments.add(valueExpression());
            } while (accept(","));
        }
        expect(")");
        return new PartiQlExpression.Call(name, arguments);
    }

    private static boolean isLiteralWord(Token token) {
        return token.is("TRUE") || token.is("FALSE") || token.is("NULL");
    }

    /** A literal or a parameter, as an AttributeValue. */
    JsonNode value() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        Token token = next();
        switch (token.kind()) {
            case STRING:
                return json.objectNode().put("S", token.text());
            case NUMBER:
                return json.objectNode().put("N", token.text());
            case PARAMETER:
                if (parametersUsed >= parameters.size()) {
                    throw PartiQlErrors.parameterCount();
                }
                return parameters.get(parametersUsed++);
            default:
                break;
        }
        if (token.is("-") && peek().kind() == Kind.NUMBER) {
            return json.objectNode().put("N", "-" + next().text());
        }
        if (token.is("TRUE") || token.is("FALSE")) {
            return json.objectNode().put("BOOL", token.is("TRUE"));
        }
        if (token.is("NULL")) {
            return json.objectNode().put("NULL", true);
        }
        if (token.is("[")) {
            ArrayNode list = json.arrayNode();
            if (!accept("]")) {
                do {
                    list.add(value());
                } while (accept(","));
                expect("]");
            }
            return json.objectNode().set("L", list);
        }
        if (token.is("{")) {
            return json.objectNode().set("M", map());
        }
        if (token.is("<<")) {
            return bag();
        }
        throw PartiQlErrors.malformed("Unexpected term");
    }

    private ObjectNode map() {
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        if (accept("}")) {
            return map;
        }
        do {
            Token key = next();
            if (key.kind() != Kind.STRING && key.kind() != Kind.QUOTED) {
                throw PartiQlErrors.invalid("Tuple keys must be of type String. Actual type: " + key.text() + " under item");
            }
            expect(":");
            if (map.has(key.text())) {
                throw PartiQlErrors.invalid("Duplicate keys in tuple. Key: " + key.text() + " under item");
            }
            map.set(key.text(), value());
        } while (accept(","));
        expect("}");
        return map;
    }

    /** {@code <<'a', 'b'>>}: a string, number or binary set. */
    private JsonNode bag() {
        List<JsonNode> elements = new ArrayList<>();
        if (!accept(">>")) {
            do {
                elements.add(value());
            } while (accept(","));
            expect(">>");
        }
        if (elements.isEmpty()) {
            throw PartiQlErrors.invalid("Empty bags are not supported");
        }
        String type = elements.get(0).fieldNames().next();
        ArrayNode set = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : elements) {
            String elementType = element.fieldNames().next();
            if (!elementType.equals(type) || !Set.of("S", "N", "B").contains(type)) {
                throw PartiQlErrors.invalid("Unsupported data type in Bag. DynamoDB only supports either numbers or "
                        + "strings in bags");
            }
            set.add(element.get(type));
        }
        return JsonNodeFactory.instance.objectNode().set(type + "S", set);
    }

    /** {@code a.b[1]}, {@code "a"."b"}. */
    Path path() {
        List<Object> segments = new ArrayList<>();
        segments.add(identifier());
        while (true) {
            if (peek().is(".") && (tokens.get(at + 1).kind() == Kind.WORD || tokens.get(at + 1).kind() == Kind.QUOTED)) {
                next();
                segments.add(identifier());
            } else if (peek().is("[") && tokens.get(at + 1).kind() == Kind.NUMBER) {
                next();
                segments.add(Integer.parseInt(next().text()));
                expect("]");
            } else if (peek().is("[") && tokens.get(at + 1).is("-")) {
                throw PartiQlErrors.invalid("List index is not within the allowable range; index: [-"
                        + tokens.get(at + 2).text() + "]");
            } else {
                return new Path(segments);
            }
        }
    }

    private String identifier() {
        Token token = next();
        if (token.kind() == Kind.QUOTED || token.kind() == Kind.WORD) {
            if (token.kind() == Kind.QUOTED && token.text().isEmpty()) {
                throw PartiQlErrors.invalid("Path component cannot be an empty string");
            }
            return token.text();
        }
        throw PartiQlErrors.malformed("Expected identifier for simple path");
    }

    // --- tokens -------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token token = tokens.get(at);
        if (token.kind() != Kind.END) {
            at++;
        }
        return token;
    }

    private boolean accept(String symbolOrKeyword) {
        if (peek().is(symbolOrKeyword)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String symbolOrKeyword) {
        if (!accept(symbolOrKeyword)) {
            throw PartiQlErrors.malformed("Expected " + symbolOrKeyword.toUpperCase());
        }
    }
}
