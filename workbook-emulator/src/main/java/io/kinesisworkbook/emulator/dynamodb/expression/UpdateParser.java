package io.kinesisworkbook.emulator.dynamodb.expression;

import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.DUPLICATE_SECTION;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.FUNCTION_OPERAND;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.PATH_CONFLICT;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.PATH_OVERLAP;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.RESERVED_WORD;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.UNDEFINED_NAME;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.UNDEFINED_VALUE;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.UNKNOWN_FUNCTION;
import static io.kinesisworkbook.emulator.dynamodb.expression.Problems.Kind.UPDATE_OPERAND_TYPE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses update expressions:
 *
 * <pre>
 * update   := section+ ; each of SET, REMOVE, ADD, DELETE at most once
 * section  := SET path '=' value (',' ...)* | REMOVE path (',' path)*
 *           | ADD path :value (',' ...)* | DELETE path :value (',' ...)*
 * value    := term (('+' | '-') term)?
 * term     := operand | '(' value ')'
 * operand  := path | :value | if_not_exists(path, operand) | list_append(operand, operand)
 * </pre>
 */
final class UpdateParser extends Parser {

    private static final Set<String> SECTIONS = Set.of("SET", "REMOVE", "ADD", "DELETE");
    private static final Map<String, Integer> FUNCTIONS = Map.of("if_not_exists", 2, "list_append", 2);
    private static final List<Problems.Kind> ORDER = List.of(RESERVED_WORD, UNKNOWN_FUNCTION, DUPLICATE_SECTION,
            UNDEFINED_NAME, UNDEFINED_VALUE, PATH_OVERLAP, PATH_CONFLICT, UPDATE_OPERAND_TYPE, FUNCTION_OPERAND);
    /** The names AWS gives the types of ADD's and DELETE's operands in its errors. */
    private static final Map<String, String> TYPE_NAMES = Map.of("S", "STRING", "N", "NUMBER", "B", "BINARY",
            "NULL", "NULL", "BOOL", "BOOLEAN", "L", "LIST", "M", "MAP");

    private final PathChecker paths = new PathChecker(problems);

    UpdateParser(String text, ExpressionContext context) {
        super(text, "UpdateExpression", context);
    }

    @Override
    boolean isKeyword(Token token) {
        return token.kind() == Token.Kind.WORD && SECTIONS.contains(token.text().toUpperCase(Locale.ROOT));
    }

    @Override
    Problems.Kind undefinedNameKind() {
        return UNDEFINED_NAME;
    }

    @Override
    Problems.Kind undefinedValueKind() {
        return UNDEFINED_VALUE;
    }

    UpdateExpression parse() {
        List<UpdateAction> actions = new ArrayList<>();
        Set<String> sections = new HashSet<>();
        do {
            if (!isKeyword(peek())) {
                throw syntaxError();
            }
            String section = next().text().toUpperCase(Locale.ROOT);
            if (!sections.add(section)) {
                problems.report(DUPLICATE_SECTION,
                        "The \"" + section + "\" section can only be used once in an update expression;");
            }
            actions.add(parseAction(section));
            while (atSymbol(",")) {
                next();
                actions.add(parseAction(section));
            }
        } while (!atEnd());
        problems.throwFirst(kind, ORDER);
        return new UpdateExpression(actions);
    }

    private UpdateAction parseAction(String section) {
        DocumentPath path = parsePath();
        paths.add(path);
        return switch (section) {
            case "SET" -> {
                expectSymbol("=");
                yield new UpdateAction.SetAction(path, parseValueExpression());
            }
            case "REMOVE" -> new UpdateAction.RemoveAction(path);
            case "ADD" -> new UpdateAction.AddAction(path, parseSetOperand("ADD", Set.of("N", "SS", "NS", "BS")));
            default -> new UpdateAction.DeleteAction(path, parseSetOperand("DELETE", Set.of("SS", "NS", "BS")));
        };
    }

    /** ADD's and DELETE's operand: a value, of a type the action takes. */
    private com.fasterxml.jackson.databind.JsonNode parseSetOperand(String action, Set<String> allowed) {
        Operand.ValueOperand operand = parseValue();
        String type = operand.knownType();
        if (type != null && !allowed.contains(type)) {
            problems.report(UPDATE_OPERAND_TYPE, "Incorrect operand type for operator or function; operator: "
                    + action + ", operand type: " + TYPE_NAMES.get(type));
        }
        return operand.value();
    }

    private Operand parseValueExpression() {
        Operand left = parseTerm();
        if (!atSymbol("+") && !atSymbol("-")) {
            return left;
        }
        // One + or - only: "a + b + c" and "(a + b) + c" are syntax errors in AWS's grammar.
        if (left instanceof Operand.Arithmetic) {
            throw syntaxError();
        }
        String operator = next().text();
        Operand right = parseTerm();
        if (right instanceof Operand.Arithmetic) {
            throw syntaxError();
        }
        for (Operand operand : List.of(left, right)) {
            if (operand instanceof Operand.ValueOperand && operand.knownType() != null && !operand.knownType().equals("N")) {
                problems.report(FUNCTION_OPERAND, wrongOperandType(operator, operand.knownType()));
            }
        }
        return new Operand.Arithmetic(operator, left, right);
    }

    private Operand parseTerm() {
        if (!atSymbol("(")) {
            return parseOperand();
        }
        next();
        Operand inner = parseValueExpression();
        expectSymbol(")");
        return inner;
    }

    private Operand parseArgument() {
        if (!atSymbol("(")) {
            return parseOperand();
        }
        next();
        Operand inner = parseArgument();
        expectSymbol(")");
        return inner;
    }

    @Override
    Operand parseFunction() {
        String name = next().text();
        expectSymbol("(");
        List<Operand> arguments = new ArrayList<>();
        arguments.add(parseArgument());
        while (atSymbol(",")) {
            next();
            arguments.add(parseArgument());
        }
        expectSymbol(")");
        Operand.FunctionCall call = new Operand.FunctionCall(name, arguments);
        checkFunction(call);
        return call;
    }

    private void checkFunction(Operand.FunctionCall call) {
        Integer operandCount = FUNCTIONS.get(call.name());
        if (operandCount == null) {
            problems.report(UNKNOWN_FUNCTION, "Invalid function name; function: " + call.name());
            return;
        }
        List<Operand> arguments = call.arguments();
        if (operandCount != arguments.size()) {
            problems.report(FUNCTION_OPERAND, "Incorrect number of operands for operator or function; "
                    + "operator or function: " + call.name() + ", number of operands: " + arguments.size());
            return;
        }
        if (call.name().equals("if_not_exists")) {
            if (!(arguments.get(0) instanceof Operand.PathOperand)) {
                problems.report(FUNCTION_OPERAND,
                        "Operator or function requires a document path; operator or function: if_not_exists");
            }
            return;
        }
        for (Operand argument : arguments) {
            if (argument instanceof Operand.ValueOperand && argument.knownType() != null && !argument.knownType().equals("L")) {
                problems.report(FUNCTION_OPERAND, wrongOperandType("list_append", argument.knownType()));
            }
        }
    }

    private static String wrongOperandType(String function, String type) {
        return "Incorrect operand type for operator or function; operator or function: " + function
                + ", operand type: " + type;
    }
}
