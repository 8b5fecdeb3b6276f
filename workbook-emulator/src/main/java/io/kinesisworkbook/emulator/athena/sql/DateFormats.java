package io.kinesisworkbook.emulator.athena.sql;

import io.kinesisworkbook.emulator.athena.QueryFailure;

/**
 * Trino's date format strings as DuckDB's {@code strftime}/{@code strptime} ones: the MySQL-style
 * specifiers of {@code date_parse} and {@code date_format} ({@code %Y-%m-%d %H:%i:%s}), and the
 * Java (Joda) patterns of {@code parse_datetime} and {@code format_datetime} ({@code yyyy-MM-dd HH:mm:ss}).
 */
final class DateFormats {

    private DateFormats() {
    }

    /** A MySQL-style format; {@code parsing} drops the no-padding flags strptime does not take. */
    static String fromMySql(String format, boolean parsing) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c == '%' ? "%%" : String.valueOf(c));
                continue;
            }
            char spec = format.charAt(++i);
            String converted = switch (spec) {
                case 'a', 'b', 'd', 'H', 'I', 'j', 'm', 'p', 'S', 'Y', 'y', 'f' -> "%" + spec;
                case 'c' -> "%-m";
                case 'e', 'D' -> "%-d";
                case 'h' -> "%I";
                case 'i' -> "%M";
                case 'k' -> "%-H";
                case 'l' -> "%-I";
                case 'M' -> "%B";
                case 's' -> "%S";
                case 'T' -> "%H:%M:%S";
                case 'r' -> "%I:%M:%S %p";
                case 'W' -> "%A";
                case 'v' -> "%V";
                case '%' -> "%%";
                default -> throw QueryFailure.of("INVALID_FUNCTION_ARGUMENT",
                        "The embedded emulator does not translate the date format specifier %" + spec);
            };
            out.append(parsing ? converted.replace("%-", "%") : converted);
        }
        return out.toString();
    }

    /** A Java (Joda) date pattern: letters repeated, text in single quotes. */
    static String fromJava(String pattern, boolean parsing) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0) {
                    throw QueryFailure.of("INVALID_FUNCTION_ARGUMENT", "Unterminated quote in date pattern '" + pattern + "'");
                }
                out.append(end == i + 1 ? "'" : pattern.substring(i + 1, end).replace("%", "%%"));
                i = end + 1;
                continue;
            }
            if (!Character.isLetter(c)) {
                out.append(c == '%' ? "%%" : String.valueOf(c));
                i++;
                continue;
            }
            int run = i;
            while (run < pattern.length() && pattern.charAt(run) == c) {
                run++;
            }
            String converted = letter(c, run - i, pattern);
            out.append(parsing ? converted.replace("%-", "%") : converted);
            i = run;
        }
        return out.toString();
    }

    private static String letter(char c, int count, String pattern) {
        return switch (c) {
            case 'y', 'Y', 'u' -> count == 2 ? "%y" : "%Y";
            case 'M' -> count >= 4 ? "%B" : count == 3 ? "%b" : count == 2 ? "%m" : "%-m";
            case 'd' -> count == 2 ? "%d" : "%-d";
            case 'D' -> "%j";
            case 'H' -> count == 2 ? "%H" : "%-H";
            case 'h' -> count == 2 ? "%I" : "%-I";
            case 'm' -> count == 2 ? "%M" : "%-M";
            case 's' -> count == 2 ? "%S" : "%-S";
            case 'S' -> count <= 3 ? "%g" : "%f";
            case 'a' -> "%p";
            case 'E' -> count >= 4 ? "%A" : "%a";
            case 'Z', 'X', 'x' -> "%z";
            case 'z' -> "%Z";
            default -> throw QueryFailure.of("INVALID_FUNCTION_ARGUMENT",
                    "The embedded emulator does not translate the letter '" + c + "' of the date pattern '" + pattern + "'");
        };
    }
}
