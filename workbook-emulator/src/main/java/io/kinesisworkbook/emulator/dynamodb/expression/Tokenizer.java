package io.kinesisworkbook.emulator.dynamodb.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens. It never fails: a character no grammar uses becomes a symbol
 * token of its own, so that the parser reports it as AWS does, {@code Syntax error; token: "!"}.
 */
final class Tokenizer {

    private static final List<String> TWO_CHARACTER_SYMBOLS = List.of("<>", "<=", ">=");

    private Tokenizer() {
    }

    /** The tokens of the text, ending with an END token. */
    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
                continue;
            }
            int end;
            Token.Kind kind;
            if (isWordStart(c)) {
                kind = Token.Kind.WORD;
                end = wordEnd(text, at + 1);
            } else if (isDigit(c)) {
                kind = Token.Kind.NUMBER;
                end = at + 1;
                while (end < text.length() && isDigit(text.charAt(end))) {
                    end++;
                }
            } else if ((c == '#' || c == ':') && at + 1 < text.length() && isWordPart(text.charAt(at + 1))) {
                // A placeholder needs at least one character after its # or :; a lone # or : is a symbol.
                kind = c == '#' ? Token.Kind.NAME_PLACEHOLDER : Token.Kind.VALUE_PLACEHOLDER;
                end = wordEnd(text, at + 1);
            } else {
                kind = Token.Kind.SYMBOL;
                end = at + symbolLength(text, at);
            }
            tokens.add(new Token(kind, text.substring(at, end), at, end));
            at = end;
        }
        tokens.add(new Token(Token.Kind.END, "<EOF>", text.length(), text.length()));
        return tokens;
    }

    private static int symbolLength(String text, int at) {
        for (String symbol : TWO_CHARACTER_SYMBOLS) {
            if (text.startsWith(symbol, at)) {
                return 2;
            }
        }
        return Character.charCount(text.codePointAt(at));
    }

    private static int wordEnd(String text, int at) {
        while (at < text.length() && isWordPart(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
