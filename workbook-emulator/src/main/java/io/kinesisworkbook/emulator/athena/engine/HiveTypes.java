package io.kinesisworkbook.emulator.athena.engine;

import io.kinesisworkbook.emulator.athena.QueryFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hive's column types, as tables declare them in the catalog ({@code string}, {@code bigint},
 * {@code array<struct<a:int,b:string>>}, {@code map<string,int>}, {@code decimal(10,2)}), spelled
 * as DuckDB's types. A small recursive-descent parser over the type's text.
 */
final class HiveTypes {

    private final String text;
    private int next;

    private HiveTypes(String text) {
        this.text = text;
    }

    /** DuckDB's spelling of a Hive type; Athena's HIVE_INVALID_METADATA for one it does not know. */
    static String toDuckDb(String hiveType, String column) {
        if (hiveType == null || hiveType.isBlank()) {
            throw QueryFailure.of("HIVE_INVALID_METADATA", "Column '" + column + "' has no type");
        }
        HiveTypes parser = new HiveTypes(hiveType.replaceAll("\\s+", "").toLowerCase(Locale.ROOT));
        try {
            String type = parser.type();
            if (parser.next != parser.text.length()) {
                throw new IllegalArgumentException();
            }
            return type;
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw QueryFailure.of("HIVE_INVALID_METADATA",
                    "Error: type expected at the position " + parser.next + " of '" + hiveType + "' but '"
                            + parser.rest() + "' is found. (column '" + column + "')");
        }
    }

    private String type() {
        String name = word();
        return switch (name) {
            case "string", "varchar", "char" -> skipLength("VARCHAR");
            case "tinyint" -> "TINYINT";
            case "smallint" -> "SMALLINT";
            case "int", "integer" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "float", "real" -> "FLOAT";
            case "double" -> "DOUBLE";
            case "boolean" -> "BOOLEAN";
            case "date" -> "DATE";
            case "timestamp" -> "TIMESTAMP";
            case "binary" -> "BLOB";
            case "decimal" -> decimal();
            case "array" -> {
                expect('<');
                String element = type();
                expect('>');
                yield element + "[]";
            }
            case "map" -> {
                expect('<');
                String key = type();
                expect(',');
                String value = type();
                expect('>');
                yield "MAP(" + key + ", " + value + ")";
            }
            case "struct" -> struct();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private String struct() {
        expect('<');
        List<String> fields = new ArrayList<>();
        do {
            String field = word();
            expect(':');
            fields.add(quote(field) + " " + type());
        } while (accept(','));
        expect('>');
        return "STRUCT(" + String.join(", ", fields) + ")";
    }

    private String decimal() {
        if (!accept('(')) {
            return "DECIMAL(10,0)";
        }
        String precision = word();
        String scale = accept(',') ? word() : "0";
        expect(')');
        return "DECIMAL(" + Integer.parseInt(precision) + "," + Integer.parseInt(scale) + ")";
    }

    private String skipLength(String type) {
        if (accept('(')) {
            word();
            expect(')');
        }
        return type;
    }

    private String word() {
        int start = next;
        while (next < text.length() && (Character.isLetterOrDigit(text.charAt(next)) || text.charAt(next) == '_'
                || text.charAt(next) == '$' || text.charAt(next) == '`')) {
            next++;
        }
        if (start == next) {
            throw new IllegalArgumentException("a name");
        }
        return text.substring(start, next).replace("`", "");
    }

    private boolean accept(char c) {
        if (next < text.length() && text.charAt(next) == c) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw new IllegalArgumentException(String.valueOf(c));
        }
    }

    private String rest() {
        return next >= text.length() ? "" : text.substring(next, next + 1);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
