package io.kinesisworkbook.emulator.dynamodb.expression;

import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.FUNCTION_OPERAND;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.MISUSED_FUNCTION;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.NOT_DISTINCT;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.OPERAND_COUNT;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.REDUNDANT_PARENTHESES;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.RESERVED_WORD;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.UNDEFINED_PLACEHOLDER;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.UNKNOWN_FUNCTION;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.dynamodb.AttributeValues;
import io.kinesisworkbook.emulator.dynamodb.DynamoDbErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses condition, filter and key condition expressions:
 *
 * <pre>
 * or        := and (OR and)*
 * and       := not (AND not)*
 * not       := NOT not | primary
 * primary   := '(' or ')' | operand comparator operand | operand BETWEEN operand AND operand
 *            | operand IN '(' operand (',' operand)* ')' | function
 * operand   := path | :value | function | '(' operand ')'
 * </pre>
 *
 * A parenthesis may open a condition or an operand, {@code (a) = :v}; rather than backtrack, a
 * parenthesized operand comes back up as a "bare" operand that the enclosing rule continues.
 */
final class ConditionParser extends Parser {

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");
    private static final Map<String, Integer> FUNCTIONS = Map.of(
            "attribute_exists", 1, "attribute_not_exists", 1, "attribute_type", 2,
            "begins_with", 2, "contains", 2, "size", 1);
    private static final List<Problems.Kind> ORDER = List.of(REDUNDANT_PARENTHESES, UNKNOWN_FUNCTION,
            MISUSED_FUNCTION, RESERVED_WORD, UNDEFINED_PLACEHOLDER, OPERAND_COUNT, NOT_DISTINCT, FUNCTION_OPERAND);
    static final int MAX_OPERATORS = 300;
    static final int MAX_IN_OPERANDS = 100;

    private int operators;

    ConditionParser(String text, String kind, ExpressionContext context) {
        super(text, kind, context);
    }

    @Override
    boolean isKeyword(Token token) {
        return token.kind() == Token.Kind.WORD && KEYWORDS.contains(token.text().toUpperCase(java.util.Locale.ROOT));
    }

    ConditionNode parse() {
        ConditionNode condition = asCondition(parseOr(0));
        expectEnd();
        if (operators > MAX_OPERATORS) {
            throw DynamoDbErrors.invalidExpression(kind,
                    "The expression contains too many operators; operator count: " + operators);
        }
        problems.throwFirst(kind, ORDER);
        return condition;
    }

    /** A condition, or an operand in parentheses whose meaning the enclosing rule decides. */
    private record Result(ConditionNode condition, Operand bare, boolean parenthesized) {
        static Result of(ConditionNode condition) {
            return new Result(condition, null, false);
        }
    }

    private Result parseOr(int depth) {
        Result left = parseAnd(depth);
        while (atKeyword("OR")) {
            ConditionNode first = asCondition(left);
            next();
            operators++;
            left = Result.of(new ConditionNode.Or(first, asCondition(parseAnd(depth))));
        }
        return left;
    }

    private Result parseAnd(int depth) {
        Result left = parseNot(depth);
        while (atKeyword("AND")) {
            ConditionNode first = asCondition(left);
            next();
            operators++;
            left = Result.of(new ConditionNode.And(first, asCondition(parseNot(depth))));
        }
        return left;
    }

    private Result parseNot(int depth) {
        if (atKeyword("NOT")) {
            next();
            operators++;
            return Result.of(new ConditionNode.Not(asCondition(parseNot(depth))));
        }
        return parsePrimary(depth);
    }

    private Result parsePrimary(int depth) {
        if (!atSymbol("(")) {
            return comparison(parseOperand(), depth, false);
        }
        next();
        Result inner = parseOr(depth + 1);
        expectSymbol(")");
        if (inner.parenthesized()) {
            problems.report(REDUNDANT_PARENTHESES, "The expression has redundant parentheses;");
        }
        if (inner.bare() != null) {
            return comparison(inner.bare(), depth, true);
        }
        return new Result(inner.condition(), null, true);
    }

    /** What follows an operand: a comparison, BETWEEN or IN; or nothing, for a function or a bare operand. */
    private Result comparison(Operand left, int depth, boolean parenthesized) {
        Token token = peek();
        if (token.kind() == Token.Kind.SYMBOL && COMPARATORS.contains(token.text())) {
            next();
            operators++;
            Operand right = parseOperandInParentheses();
            checkNotMisused(left, right);
            checkDistinct(token.text(), left, right);
            return Result.of(new ConditionNode.Comparison(token.text(), left, right));
        }
        if (atKeyword("BETWEEN")) {
            next();
            operators++;
            Operand low = parseOperandInParentheses();
            if (!atKeyword("AND")) {
                throw syntaxError();
            }
            next();
            Operand high = parseOperandInParentheses();
            checkNotMisused(left, low, high);
            checkBounds(low, high);
            return Result.of(new ConditionNode.Between(left, low, high));
        }
        if (atKeyword("IN")) {
            next();
            operators++;
            expectSymbol("(");
            List<Operand> candidates = parseOperandList();
            expectSymbol(")");
            checkNotMisused(left);
            checkNotMisused(candidates.toArray(Operand[]::new));
            if (candidates.size() > MAX_IN_OPERANDS) {
                problems.report(OPERAND_COUNT,
                        "The IN operator is provided with too many operands; number of operands: " + candidates.size());
            }
            return Result.of(new ConditionNode.In(left, candidates));
        }
        if (depth > 0 && atSymbol(")")) {
            return new Result(null, left, parenthesized);
        }
        if (left instanceof Operand.FunctionCall call) {
            return Result.of(functionCondition(call));
        }
        throw syntaxError();
    }

    /** Where a condition must stand: a function call is one; any other operand is a syntax error here. */
    private ConditionNode asCondition(Result result) {
        if (result.condition() != null) {
            return result.condition();
        }
        if (result.bare() instanceof Operand.FunctionCall call) {
            return functionCondition(call);
        }
        throw syntaxError();
    }

    private ConditionNode functionCondition(Operand.FunctionCall call) {
        if (call.name().equals("size")) {
            problems.report(MISUSED_FUNCTION, misused("size"));
        }
        return new ConditionNode.FunctionCondition(call);
    }

    private Operand parseOperandInParentheses() {
        if (!atSymbol("(")) {
            return parseOperand();
        }
        next();
        boolean doubled = atSymbol("(");
        Operand operand = parseOperandInParentheses();
        expectSymbol(")");
        if (doubled) {
            problems.report(REDUNDANT_PARENTHESES, "The expression has redundant parentheses;");
        }
        return operand;
    }

    private List<Operand> parseOperandList() {
        List<Operand> operands = new ArrayList<>();
        operands.add(parseOperandInParentheses());
        while (atSymbol(",")) {
            next();
            operands.add(parseOperandInParentheses());
        }
        return operands;
    }

    @Override
    Operand parseFunction() {
        String name = next().text();
        expectSymbol("(");
        List<Operand> arguments = parseOperandList();
        expectSymbol(")");
        operators++;
        Operand.FunctionCall call = new Operand.FunctionCall(name, arguments);
        checkFunction(call);
        return call;
    }

    private void checkFunction(Operand.FunctionCall call) {
        String name = call.name();
        List<Operand> arguments = call.arguments();
        checkNotMisused(arguments.toArray(Operand[]::new));
        Integer operandCount = FUNCTIONS.get(name);
        if (operandCount == null) {
            problems.report(UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
            return;
        }
        if (operandCount != arguments.size()) {
            problems.report(OPERAND_COUNT, "Incorrect number of operands for operator or function; operator or function: "
                    + name + ", number of operands: " + arguments.size());
            return;
        }
        if (arguments.size() == 2) {
            checkDistinct(name, arguments.get(0), arguments.get(1));
        }
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!(arguments.get(0) instanceof Operand.PathOperand)) {
                    problems.report(FUNCTION_OPERAND,
                            "Operator or function requires a document path; operator or function: " + name);
                }
            }
            case "attribute_type" -> checkTypeName(arguments.get(1));
            case "begins_with" -> arguments.forEach(argument -> {
                String type = argument.knownType();
                if (type != null && !type.equals("S") && !type.equals("B")) {
                    problems.report(FUNCTION_OPERAND, wrongOperandType(name, type));
                }
            });
            case "size" -> {
                String type = arguments.get(0).knownType();
                if ("N".equals(type) || "BOOL".equals(type) || "NULL".equals(type)) {
                    problems.report(FUNCTION_OPERAND, wrongOperandType(name, type));
                }
            }
            default -> {
                // contains takes any operands
            }
        }
    }

    /** attribute_type's second operand is a string value naming a type. */
    private void checkTypeName(Operand operand) {
        if (operand instanceof Operand.PathOperand) {
            problems.report(FUNCTION_OPERAND, wrongOperandType("attribute_type", "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}"));
            return;
        }
        String type = operand.knownType();
        if (type == null) {
            return;
        }
        if (!type.equals("S")) {
            problems.report(FUNCTION_OPERAND, wrongOperandType("attribute_type", type));
            return;
        }
        String typeName = AttributeValues.content(((Operand.ValueOperand) operand).value()).asText();
        if (!AttributeValues.TYPES.contains(typeName)) {
            problems.report(FUNCTION_OPERAND, "Invalid attribute type name found; type: " + typeName
                    + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        }
    }

    /** Only size() gives a value; the other functions are conditions and cannot be compared. */
    private void checkNotMisused(Operand... operands) {
        for (Operand operand : operands) {
            if (operand instanceof Operand.FunctionCall call && !call.name().equals("size")) {
                problems.report(MISUSED_FUNCTION, misused(call.name()));
            }
        }
    }

    private static String misused(String function) {
        return "The function is not allowed to be used this way in an expression; function: " + function;
    }

    private static String wrongOperandType(String function, String type) {
        return "Incorrect operand type for operator or function; operator or function: " + function
                + ", operand type: " + type;
    }

    /** Comparing a path with itself is refused, {@code a = a}; comparing a value with itself is not. */
    private void checkDistinct(String operator, Operand first, Operand second) {
        if (first instanceof Operand.PathOperand a && second instanceof Operand.PathOperand b && a.path().equals(b.path())) {
            problems.report(NOT_DISTINCT, "The first operand must be distinct from the remaining operands for this "
                    + "operator or function; operator: " + operator + ", first operand: " + a.path().describe());
        }
    }

    /** BETWEEN's bounds, when both are values, must have one type and be in order. */
    private void checkBounds(Operand low, Operand high) {
        if (!(low instanceof Operand.ValueOperand l) || !(high instanceof Operand.ValueOperand h)
                || l.value() == null || h.value() == null) {
            return;
        }
        String bounds = "lower bound operand: AttributeValue: " + describe(l.value())
                + ", upper bound operand: AttributeValue: " + describe(h.value());
        if (!AttributeValues.type(l.value()).equals(AttributeValues.type(h.value()))) {
            problems.report(FUNCTION_OPERAND, "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        } else if (AttributeValues.comparable(l.value(), h.value()) && AttributeValues.compare(l.value(), h.value()) > 0) {
            problems.report(FUNCTION_OPERAND,
                    "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
        }
    }

    /** A value as AWS prints it in errors, {@code {N:5}}. */
    static String describe(JsonNode value) {
        JsonNode content = AttributeValues.content(value);
        return "{" + AttributeValues.type(value) + ":" + (content.isValueNode() ? content.asText() : content.toString()) + "}";
    }
}
