package io.kinesisworkbook.lib.athena;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.Row;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Athena's result rows, where every value is text ({@code VarCharValue}, absent for NULL), turned
 * into typed Tablesaw columns by each column's Athena type: {@code bigint} to longs, {@code integer}
 * (and {@code smallint}, {@code tinyint}) to ints, {@code double}, {@code real}, {@code float} and
 * {@code decimal} to doubles, {@code boolean}, {@code date}, {@code timestamp} (a local date-time, as
 * Athena prints it: {@code 2026-11-26 10:15:30.000}), {@code timestamp with time zone} to instants;
 * anything else (varchar, arrays, maps, rows, json) stays text.
 */
final class ResultColumns {

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private ResultColumns() {
    }

    static Table table(String name, List<ColumnInfo> columns, List<Row> rows) {
        List<Column<?>> typed = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            typed.add(column(columns.get(i), valuesAt(rows, i)));
        }
        return Table.create(name, typed);
    }

    private static List<String> valuesAt(List<Row> rows, int index) {
        List<String> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Datum> data = row.data();
            values.add(index < data.size() ? data.get(index).varCharValue() : null);
        }
        return values;
    }

    private static Column<?> column(ColumnInfo info, List<String> values) {
        String name = info.name();
        String type = info.type().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "bigint" -> fill(LongColumn.create(name), values, Long::parseLong);
            case "integer", "int", "smallint", "tinyint" -> fill(IntColumn.create(name), values, Integer::parseInt);
            case "double", "real", "float", "decimal" -> fill(DoubleColumn.create(name), values, Double::parseDouble);
            case "boolean" -> fill(BooleanColumn.create(name), values, Boolean::parseBoolean);
            case "date" -> fill(DateColumn.create(name), values, LocalDate::parse);
            case "timestamp" -> fill(DateTimeColumn.create(name), values, v -> LocalDateTime.parse(v, TIMESTAMP));
            case "timestamp with time zone" -> fill(InstantColumn.create(name), values, ResultColumns::instant);
            default -> fill(StringColumn.create(name), values, v -> v);
        };
    }

    /** {@code 2026-11-26 10:15:30.000 UTC}: a local time, a space, a zone. */
    private static Instant instant(String value) {
        int space = value.lastIndexOf(' ');
        return LocalDateTime.parse(value.substring(0, space), TIMESTAMP).atZone(ZoneId.of(value.substring(space + 1))).toInstant();
    }

    private static <T, C extends Column<T>> C fill(C column, List<String> values, Function<String, T> parse) {
        for (String value : values) {
            if (value == null) {
                column.appendMissing();
            } else {
                column.append(parse.apply(value));
            }
        }
        return column;
    }
}
