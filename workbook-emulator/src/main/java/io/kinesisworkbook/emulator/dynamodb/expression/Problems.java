package io.kinesisworkbook.emulator.dynamodb.expression;

import io.kinesisworkbook.emulator.dynamodb.DynamoDbErrors;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The errors found in an expression that parsed. AWS does not report the first error in the text
 * but the first of a fixed order of kinds (an undefined placeholder before a wrong operand count,
 * a reserved word before either...), so the parsers note the first error of each kind and report
 * the winner once the whole expression is read.
 */
final class Problems {

    enum Kind {
        REDUNDANT_PARENTHESES,
        UNKNOWN_FUNCTION,
        MISUSED_FUNCTION,
        RESERVED_WORD,
        DUPLICATE_SECTION,
        UNDEFINED_PLACEHOLDER,
        UNDEFINED_NAME,
        UNDEFINED_VALUE,
        PATH_OVERLAP,
        PATH_CONFLICT,
        OPERAND_COUNT,
        NOT_DISTINCT,
        UPDATE_OPERAND_TYPE,
        FUNCTION_OPERAND
    }

    private final Map<Kind, String> first = new EnumMap<>(Kind.class);

    void report(Kind kind, String message) {
        first.putIfAbsent(kind, message);
    }

    /** Throws {@code Invalid <expressionKind>: <message>} for the first kind, in order, that was reported. */
    void throwFirst(String expressionKind, List<Kind> order) {
        for (Kind kind : order) {
            String message = first.get(kind);
            if (message != null) {
                throw DynamoDbErrors.invalidExpression(expressionKind, message);
            }
        }
        if (!first.isEmpty()) {
            throw new IllegalStateException("problem kinds missing from the order: " + first.keySet());
        }
    }
}
