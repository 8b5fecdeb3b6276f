package io.kinesisworkbook.emulator.dynamodb.partiql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PartiQL statement into tokens: words (keywords and bare identifiers), double-quoted
 * identifiers, single-quoted strings ({@code ''} stands for one quote), numbers, {@code ?} parameters
 * and symbols. {@code --} comments run to the end of the line.
 */
final class PartiQlLexer {

    enum Kind { WORD, QUOTED, STRING, NUMBER, PARAMETER, SYMBOL, END }

    record Token(Kind kind, String text) {
        boolean is(String symbolOrKeyword) {
            return (kind == Kind.SYMBOL || kind == Kind.WORD) && text.equalsIgnoreCase(symbolOrKeyword);
        }
    }

    private static final List<String> TWO_CHARACTER_SYMBOLS = List.of("<>", "!=", "<=", ">=", "<<", ">>");

    private PartiQlLexer() {
    }

    static List<Token> tokenize(String statement) {
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        while (at < statement.length()) {
            char c = statement.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (statement.startsWith("--", at)) {
                while (at < statement.length() && statement.charAt(at) != '\n') {
                    at++;
                }
            } else if (c == '\'' || c == '"') {
                at = quoted(statement, at, c, tokens);
            } else if (Character.isDigit(c) || (c == '.' && at + 1 < statement.length()
                    && Character.isDigit(statement.charAt(at + 1)))) {
                int end = numberEnd(statement, at);
                tokens.add(new Token(Kind.NUMBER, statement.substring(at, end)));
                at = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = at + 1;
                while (end < statement.length() && (Character.isLetterOrDigit(statement.charAt(end))
                        || statement.charAt(end) == '_' || statement.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, statement.substring(at, end)));
                at = end;
            } else if (c == '?') {
                tokens.add(new Token(Kind.PARAMETER, "?"));
                at++;
            } else {
                String symbol = symbolAt(statement, at);
                tokens.add(new Token(Kind.SYMBOL, symbol));
                at += symbol.length();
            }
        }
        tokens.add(new Token(Kind.END, "<EOF>"));
        return tokens;
    }

    private static String symbolAt(String statement, int at) {
        for (String symbol : TWO_CHARACTER_SYMBOLS) {
            if (statement.startsWith(symbol, at)) {
                return symbol;
            }
        }
        return String.valueOf(statement.charAt(at));
    }

    /** A string or quoted identifier; the quote character doubled stands for itself. */
    private static int quoted(String statement, int start, char quote, List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        int at = start + 1;
        while (true) {
            if (at >= statement.length()) {
                throw PartiQlErrors.malformed("Unterminated " + (quote == '\'' ? "string literal" : "quoted identifier"));
            }
            char c = statement.charAt(at);
            if (c == quote) {
                if (at + 1 < statement.length() && statement.charAt(at + 1) == quote) {
                    text.append(quote);
                    at += 2;
                    continue;
                }
                tokens.add(new Token(quote == '\'' ? Kind.STRING : Kind.QUOTED, text.toString()));
                return at + 1;
            }
            text.append(c);
            at++;
        }
    }

    private static int numberEnd(String statement, int start) {
        int at = start;
        while (at < statement.length() && (Character.isDigit(statement.charAt(at)) || statement.charAt(at) == '.')) {
            at++;
        }
        if (at < statement.length() && (statement.charAt(at) == 'e' || statement.charAt(at) == 'E')) {
            int exponent = at + 1;
            if (exponent < statement.length() && (statement.charAt(exponent) == '+' || statement.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < statement.length() && Character.isDigit(statement.charAt(exponent))) {
                at = exponent;
                while (at < statement.length() && Character.isDigit(statement.charAt(at))) {
                    at++;
                }
            }
        }
        return at;
    }
}
