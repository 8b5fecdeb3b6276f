package io.kinesisworkbook.emulator.cloudwatch.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses CloudWatch metric math: numbers, query ids, strings, {@code + - * / ^}, comparisons
 * ({@code == != < <= > >=}), {@code AND}/{@code &&}, {@code OR}/{@code ||}, {@code NOT},
 * parentheses, function calls and {@code [a, b]} arrays. Recursive descent, lowest precedence first:
 * OR, AND, comparison, sum, product, power, unary.
 */
public final class ExpressionParser {

    private final String text;
    private int position;

    private ExpressionParser(String text) {
        this.text = text;
    }

    /** Parses an expression; throws {@link MathException} at the first thing it cannot read. */
    public static Expression parse(String text) {
        ExpressionParser parser = new ExpressionParser(text);
        Expression expression = parser.or();
        parser.skipSpaces();
        if (parser.position < text.length()) {
            throw parser.unexpected();
        }
        return expression;
    }

    private Expression or() {
        Expression left = and();
        while (keyword("OR") || symbol("||")) {
            left = new Expression.Binary("OR", left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = comparison();
        while (keyword("AND") || symbol("&&")) {
            left = new Expression.Binary("AND", left, comparison());
        }
        return left;
    }

    private Expression comparison() {
        Expression left = sum();
        for (String operator : List.of("==", "!=", "<=", ">=", "<", ">")) {
            if (symbol(operator)) {
                return new Expression.Binary(operator, left, sum());
            }
        }
        return left;
    }

    private Expression sum() {
        Expression left = product();
        while (true) {
            if (symbol("+")) {
                left = new Expression.Binary("+", left, product());
            } else if (symbol("-")) {
                left = new Expression.Binary("-", left, product());
            } else {
                return left;
            }
        }
    }

    private Expression product() {
        Expression left = power();
        while (true) {
            if (symbol("*")) {
                left = new Expression.Binary("*", left, power());
            } else if (symbol("/")) {
                left = new Expression.Binary("/", left, power());
            } else {
                return left;
            }
        }
    }

    private Expression power() {
        Expression base = unary();
        return symbol("^") ? new Expression.Binary("^", base, power()) : base;
    }

    private Expression unary() {
        if (symbol("-")) {
            return new Expression.Negation(unary());
        }
        if (keyword("NOT") || symbol("!")) {
            return new Expression.Not(unary());
        }
        return primary();
    }

    private Expression primary() {
        skipSpaces();
        if (position >= text.length()) {
            throw new MathException("Unexpected end of expression");
        }
        char c = text.charAt(position);
        if (c == '(') {
            position++;
            Expression inner = or();
            expect(")");
            return inner;
        }
        if (c == '[') {
            position++;
            List<Expression> elements = list("]");
            return new Expression.Array(elements);
        }
        if (c == '"' || c == '\'') {
            return new Expression.Text(string(c));
        }
        if (Character.isDigit(c) || c == '.') {
            return new Expression.Number(number());
        }
        if (Character.isLetter(c) || c == '_') {
            String name = identifier();
            if (symbol("(")) {
                return new Expression.Call(name.toUpperCase(Locale.ROOT), list(")"));
            }
            return new Expression.Reference(name);
        }
        throw unexpected();
    }

    private List<Expression> list(String close) {
        List<Expression> elements = new ArrayList<>();
        if (symbol(close)) {
            return elements;
        }
        do {
            elements.add(or());
        } while (symbol(","));
        expect(close);
        return elements;
    }

    private String identifier() {
        int start = position;
        while (position < text.length()
                && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
            position++;
        }
        return text.substring(start, position);
    }

    private double number() {
        int start = position;
        while (position < text.length() && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.'
                || text.charAt(position) == 'e' || text.charAt(position) == 'E'
                || (text.charAt(position) == '-' || text.charAt(position) == '+')
                && position > start && (text.charAt(position - 1) == 'e' || text.charAt(position - 1) == 'E'))) {
            position++;
        }
        try {
            return Double.parseDouble(text.substring(start, position));
        } catch (NumberFormatException e) {
            throw new MathException("Invalid number: " + text.substring(start, position));
        }
    }

    private String string(char quote) {
        int start = ++position;
        while (position < text.length() && text.charAt(position) != quote) {
            position++;
        }
        if (position >= text.length()) {
            throw new MathException("Unterminated string");
        }
        return text.substring(start, position++);
    }

    private boolean keyword(String word) {
        skipSpaces();
        int end = position + word.length();
        if (end <= text.length() && text.regionMatches(true, position, word, 0, word.length())
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_')) {
            position = end;
            return true;
        }
        return false;
    }

    private boolean symbol(String symbol) {
        skipSpaces();
        if (text.startsWith(symbol, position)) {
            position += symbol.length();
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!symbol(symbol)) {
            throw position >= text.length()
                    ? new MathException("Unexpected end of expression, expected '" + symbol + "'") : unexpected();
        }
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private MathException unexpected() {
        return new MathException("Unrecognized token '" + text.charAt(position) + "' at position " + (position + 1));
    }
}
