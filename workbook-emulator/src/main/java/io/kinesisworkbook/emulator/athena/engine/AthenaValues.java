package io.kinesisworkbook.emulator.athena.engine;

import io.kinesisworkbook.emulator.athena.engine.ResultTable.ResultColumn;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * DuckDB's result types and values as Athena (Trino) names and prints them: {@code varchar} for
 * VARCHAR, {@code bigint} for BIGINT and for DuckDB's 128-bit sums, timestamps with milliseconds
 * ({@code 2024-01-01 10:00:00.000}), arrays {@code [a, b]}, maps and rows {@code {k=v}}.
 */
final class AthenaValues {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private AthenaValues() {
    }

    static ResultColumn column(String name, String duckDbType) {
        String type = duckDbType.toUpperCase(Locale.ROOT);
        if (type.endsWith("[]") || type.matches(".*\\[\\d+]$")) {
            return new ResultColumn(name, "array", 0, 0);
        }
        if (type.startsWith("DECIMAL")) {
            String[] ps = type.replaceAll("[^0-9,]", "").split(",");
            return new ResultColumn(name, "decimal", Integer.parseInt(ps[0]), ps.length > 1 ? Integer.parseInt(ps[1]) : 0);
        }
        if (type.startsWith("STRUCT")) {
            return new ResultColumn(name, "row", 0, 0);
        }
        if (type.startsWith("MAP")) {
            return new ResultColumn(name, "map", 0, 0);
        }
        return switch (type) {
            case "VARCHAR" -> new ResultColumn(name, "varchar", 2147483647, 0);
            case "BIGINT", "HUGEINT", "UBIGINT", "UHUGEINT" -> new ResultColumn(name, "bigint", 19, 0);
            case "INTEGER", "UINTEGER" -> new ResultColumn(name, "integer", 10, 0);
            case "SMALLINT", "USMALLINT" -> new ResultColumn(name, "smallint", 5, 0);
            case "TINYINT", "UTINYINT" -> new ResultColumn(name, "tinyint", 3, 0);
            case "DOUBLE" -> new ResultColumn(name, "double", 17, 0);
            case "FLOAT" -> new ResultColumn(name, "real", 17, 0);
            case "BOOLEAN" -> new ResultColumn(name, "boolean", 0, 0);
            case "DATE" -> new ResultColumn(name, "date", 0, 0);
            case "TIMESTAMP", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMP_S" -> new ResultColumn(name, "timestamp", 3, 0);
            case "TIMESTAMP WITH TIME ZONE" -> new ResultColumn(name, "timestamp with time zone", 3, 0);
            case "TIME" -> new ResultColumn(name, "time", 3, 0);
            case "INTERVAL" -> new ResultColumn(name, "interval day to second", 0, 0);
            case "JSON" -> new ResultColumn(name, "json", 0, 0);
            case "BLOB" -> new ResultColumn(name, "varbinary", 2147483647, 0);
            case "UUID" -> new ResultColumn(name, "uuid", 0, 0);
            case "\"NULL\"", "NULL" -> new ResultColumn(name, "unknown", 0, 0);
            default -> new ResultColumn(name, type.toLowerCase(Locale.ROOT), 0, 0);
        };
    }

    /** One value of the current row as Athena prints it, or null for SQL NULL. */
    static String text(ResultSet rows, int index, String athenaType) throws SQLException {
        if (athenaType.equals("json")) {
            return rows.getString(index);
        }
        Object value = rows.getObject(index);
        return value == null ? null : format(value);
    }

    private static String format(Object value) throws SQLException {
        if (value instanceof Timestamp timestamp) {
            return TIMESTAMP.format(timestamp.toLocalDateTime());
        }
        if (value instanceof LocalDateTime local) {
            return TIMESTAMP.format(local);
        }
        if (value instanceof OffsetDateTime offset) {
            return TIMESTAMP.format(offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + " UTC";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Array array) {
            StringJoiner joined = new StringJoiner(", ", "[", "]");
            for (Object element : (Object[]) array.getArray()) {
                joined.add(element == null ? "null" : format(element));
            }
            return joined.toString();
        }
        if (value instanceof Struct struct) {
            return formatMap(structFields(struct));
        }
        if (value instanceof Map<?, ?> map) {
            return formatMap(map);
        }
        if (value instanceof byte[] bytes) {
            StringJoiner hex = new StringJoiner(" ");
            for (byte b : bytes) {
                hex.add(String.format("%02x", b));
            }
            return hex.toString();
        }
        return value.toString();
    }

    private static Map<?, ?> structFields(Struct struct) throws SQLException {
        if (struct instanceof org.duckdb.DuckDBStruct duck) {
            return duck.getMap();
        }
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        Object[] values = struct.getAttributes();
        for (int i = 0; i < values.length; i++) {
            fields.put(String.valueOf(i), values[i]);
        }
        return fields;
    }

    private static String formatMap(Map<?, ?> map) throws SQLException {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            entries.add(entry.getKey() + "=" + (entry.getValue() == null ? "null" : format(entry.getValue())));
        }
        return "{" + String.join(", ", entries) + "}";
    }
}
