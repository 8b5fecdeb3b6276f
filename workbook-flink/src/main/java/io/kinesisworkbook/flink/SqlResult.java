package io.kinesisworkbook.flink;

import io.kinesisworkbook.lib.view.Tables;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * What a query had produced when it stopped (or at one moment while it runs): its rows, with the
 * updates and retractions of an updating query already applied, and why it stopped.
 *
 * @param title          the query's title, used to name the table
 * @param columns        the result's column names, in order
 * @param rows           the rows, in the order they arrived
 * @param changes        how many changes Flink sent (inserts, updates and deletes): more than the rows
 *                       when an updating query revised its answer
 * @param ran            how long the query ran
 * @param stoppedBecause why it stopped ({@code "12 rows"}, {@code "60.0 s"}, {@code "interrupted"},
 *                       {@code "finished"}), or {@code "running"} for a result taken while it runs
 */
public record SqlResult(String title, List<String> columns, List<ResultRow> rows, long changes, Duration ran,
                        String stoppedBecause) {

    public SqlResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public int size() {
        return rows.size();
    }

    /** The result as a Tablesaw table, for {@code Show.table(...)}. */
    public Table table() {
        List<Map<String, Object>> maps = rows.stream().map(ResultRow::asMap).toList();
        Table table = Tables.fromMaps(title, maps);
        return table.columnCount() == 0 && !columns.isEmpty() ? emptyTable() : table;
    }

    private Table emptyTable() {
        Table table = Table.create(title);
        columns.forEach(c -> table.addColumns(tech.tablesaw.api.StringColumn.create(c)));
        return table;
    }

    /**
     * The result as {@code "<value of keyColumns, joined by |>" -> count}, e.g.
     * {@code counts("clicks", "window_start", "device")} gives {@code "2026-...T10:00:05Z|mobile" -> 41}:
     * the keys {@link JavaWindows} uses, so the two compare with {@code equals}.
     */
    public java.util.Map<String, Long> counts(String countColumn, String... keyColumns) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        for (ResultRow row : rows) {
            java.util.List<String> key = new java.util.ArrayList<>();
            for (String column : keyColumns) {
                key.add(String.valueOf(row.get(column)));
            }
            counts.put(String.join("|", key), row.number(countColumn));
        }
        return counts;
    }

    @Override
    public String toString() {
        return String.format("%s: %,d rows (%,d changes) in %.1f s, stopped: %s", title, rows.size(), changes,
                ran.toMillis() / 1000.0, stoppedBecause);
    }
}
