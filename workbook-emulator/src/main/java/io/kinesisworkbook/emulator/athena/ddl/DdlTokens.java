package io.kinesisworkbook.emulator.athena.ddl;

import io.kinesisworkbook.emulator.athena.QueryFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of a Hive DDL statement, each with its offset for error positions: words, identifiers
 * in backticks or double quotes, string literals (single or double quotes, backslash escapes as
 * Hive reads them), numbers and symbols. Comments ({@code --} and {@code /* *}{@code /}) are skipped.
 */
final class DdlTokens {

    enum Kind { WORD, IDENTIFIER, STRING, NUMBER, SYMBOL, END }

    record Token(Kind kind, String text, int offset) {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
        }
    }

    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private int next;

    DdlTokens(String sql) {
        this.sql = sql;
        tokenize();
    }

    String sql() {
        return sql;
    }

    Token peek() {
        return tokens.get(next);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    boolean accept(String word) {
        if (peek().is(word)) {
            next++;
            return true;
        }
        return false;
    }

    void expect(String word) {
        if (!accept(word)) {
            throw mismatched("'" + word.toUpperCase(Locale.ROOT) + "'");
        }
    }

    /** A name: a word or a quoted identifier, in lower case as Athena keeps names. */
    String name() {
        Token token = peek();
        if (token.kind() != Kind.WORD && token.kind() != Kind.IDENTIFIER) {
            throw mismatched("<identifier>");
        }
        next++;
        return token.text().toLowerCase(Locale.ROOT);
    }

    String string() {
        Token token = peek();
        if (token.kind() != Kind.STRING) {
            throw mismatched("<string>");
        }
        next++;
        return token.text();
    }

    boolean atEnd() {
        accept(";");
        return peek().kind() == Kind.END;
    }

    /** Trino's words for an unexpected token: {@code line 1:8: mismatched input 'x'. Expecting: 'TABLE'}. */
    QueryFailure mismatched(String expecting) {
        Token token = peek();
        String input = token.kind() == Kind.END ? "<EOF>" : token.text();
        return QueryFailure.syntax(QueryFailure.at(sql, token.offset()) + ": mismatched input '" + input
                + "'. Expecting: " + expecting);
    }

    private void tokenize() {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else if (c == '\'') {
                i = quoted(i, c, Kind.STRING);
            } else if (c == '`' || c == '"') {
                i = quoted(i, c, Kind.IDENTIFIER);
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end), i));
                i = end;
            } else if (Character.isDigit(c) || c == '-' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(i, end), i));
                i = end;
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            }
        }
        tokens.add(new Token(Kind.END, "", sql.length()));
    }

    private int quoted(int start, char quote, Kind kind) {
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && kind == Kind.STRING && i + 1 < sql.length()) {
                text.append(sql.charAt(i + 1));
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                text.append(quote);
                i += 2;
            } else if (c == quote) {
                tokens.add(new Token(kind, text.toString(), start));
                return i + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        throw QueryFailure.syntax(QueryFailure.at(sql, start) + ": unterminated quoted text");
    }
}
