package io.kinesisworkbook.emulator.athena.engine;

import io.kinesisworkbook.emulator.athena.QueryFailure;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's errors, said as Athena (Trino) says them: a query that names a missing column fails
 * with {@code COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved}, never with DuckDB's words,
 * its hints or the emulator's temporary file names.
 */
final class DuckDbErrors {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern FUNCTION_CALL = Pattern.compile("'(?:trino\\.)?([A-Za-z_0-9]+)\\(([^)]*)\\)'");

    private DuckDbErrors() {
    }

    /**
     * @param message DuckDB's message
     * @param sql     the query as the client wrote it, where positions are found
     * @param files   the cached files by the S3 paths they hold, to name objects as S3 names them
     */
    static QueryFailure map(String message, String sql, Map<String, String> files) {
        String first = firstLine(message);
        for (Map.Entry<String, String> file : files.entrySet()) {
            first = first.replace(file.getKey(), file.getValue());
        }
        String kind = first.contains(":") ? first.substring(0, first.indexOf(':')) : "";
        String detail = first.substring(first.indexOf(':') + 1).strip();
        if (detail.contains("Referenced column") || detail.contains("does not have a column named")) {
            String column = quoted(detail);
            return QueryFailure.of("COLUMN_NOT_FOUND", at(sql, column) + ": Column '" + column + "' cannot be resolved");
        }
        if (detail.contains("must appear in the GROUP BY clause")) {
            String column = quoted(detail);
            return QueryFailure.of("EXPRESSION_NOT_AGGREGATE", at(sql, column) + ": '" + column
                    + "' must be an aggregate expression or appear in GROUP BY clause");
        }
        Matcher call = FUNCTION_CALL.matcher(detail);
        if (detail.startsWith("No function matches") && call.find()) {
            return QueryFailure.of("FUNCTION_NOT_FOUND", at(sql, call.group(1)) + ": Unexpected parameters ("
                    + call.group(2).toLowerCase(Locale.ROOT) + ") for function " + call.group(1));
        }
        if (detail.startsWith("Cannot compare") || detail.startsWith("Cannot mix")) {
            return QueryFailure.of("TYPE_MISMATCH", detail.toLowerCase(Locale.ROOT));
        }
        if (detail.startsWith("Division by zero")) {
            return QueryFailure.of("DIVISION_BY_ZERO", "Division by zero");
        }
        if (kind.startsWith("Conversion Error") || kind.startsWith("Invalid Input Error")) {
            if (files.values().stream().anyMatch(first::contains)) {
                return QueryFailure.data("HIVE_BAD_DATA", detail);
            }
            return QueryFailure.of("INVALID_CAST_ARGUMENT", detail);
        }
        if (kind.startsWith("Out of Range Error")) {
            return QueryFailure.of("NUMERIC_VALUE_OUT_OF_RANGE", detail);
        }
        if (kind.startsWith("INTERRUPT")) {
            return QueryFailure.of("USER_CANCELED", "Query was canceled");
        }
        return QueryFailure.of("GENERIC_USER_ERROR", detail);
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }

    private static String quoted(String detail) {
        Matcher matcher = QUOTED.matcher(detail);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** Where the query first names an identifier, as {@code line L:C} (the start when it does not). */
    private static String at(String sql, String identifier) {
        Matcher matcher = Pattern.compile("(?<![A-Za-z0-9_])\"?" + Pattern.quote(identifier) + "\"?(?![A-Za-z0-9_])",
                Pattern.CASE_INSENSITIVE).matcher(sql);
        return QueryFailure.at(sql, matcher.find() ? matcher.start() : 0);
    }
}
