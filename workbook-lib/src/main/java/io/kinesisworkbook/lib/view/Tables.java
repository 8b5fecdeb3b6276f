package io.kinesisworkbook.lib.view;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tables for notebooks: Tablesaw tables as HTML (for Jupyter) or text (for terminals), and quick ways to
 * make a table from the rows an experiment produced.
 *
 * <p>Both renderings show at most {@link #DEFAULT_MAX_ROWS} rows unless told otherwise, then say how many
 * rows were left out.
 */
public final class Tables {

    public static final int DEFAULT_MAX_ROWS = 20;

    private Tables() {
    }

    public static String html(Table table) {
        return html(table, DEFAULT_MAX_ROWS);
    }

    public static String html(Table table, int maxRows) {
        return new HtmlTableWriter(maxRows).write(table);
    }

    /** The table as Tablesaw prints it, cut to {@code maxRows} rows with a note of what was left out. */
    public static String text(Table table) {
        return text(table, DEFAULT_MAX_ROWS);
    }

    public static String text(Table table, int maxRows) {
        if (table.rowCount() <= maxRows) {
            return table.printAll();
        }
        int hidden = table.rowCount() - maxRows;
        return table.first(maxRows).printAll() + String.format("%n… %,d more rows", hidden);
    }

    /**
     * A table with one row per record and one column per record component, e.g. from
     * {@code record Put(String shardId, long sequence, Instant at)}.
     */
    public static Table fromRecords(String name, List<? extends Record> records) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Record record : records) {
            rows.add(componentsOf(record));
        }
        return fromMaps(name, rows);
    }

    /**
     * A table with one row per map; columns are the keys, in the order first seen. Column types follow
     * the values: whole numbers become long columns, other numbers double columns, booleans and
     * Instants keep their type, anything else is shown as text. A missing key or a null is a missing cell.
     */
    public static Table fromMaps(String name, List<? extends Map<String, ?>> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(row -> names.addAll(row.keySet()));
        Table table = Table.create(name);
        for (String column : names) {
            table.addColumns(column(column, rows.stream().map(row -> (Object) row.get(column)).toList()));
        }
        return table;
    }

    private static Column<?> column(String name, List<Object> cells) {
        CellKind kind = CellKind.of(cells);
        Column<?> column = kind.newColumn.apply(name);
        for (Object cell : cells) {
            if (cell == null) {
                column.appendMissing();
            } else {
                column.appendObj(kind.normalize.apply(cell));
            }
        }
        return column;
    }

    private static Map<String, Object> componentsOf(Record record) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                // Records declared in a notebook cell live in JShell's hidden wrapper classes, which are not public.
                component.getAccessor().setAccessible(true);
                row.put(component.getName(), component.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component.getName() + " of " + record, e);
            }
        }
        return row;
    }

    /** What one column holds, decided from all its non-null cells. */
    private enum CellKind {
        WHOLE(LongColumn::create, cell -> ((Number) cell).longValue()),
        DECIMAL(DoubleColumn::create, cell -> ((Number) cell).doubleValue()),
        BOOLEAN(BooleanColumn::create, cell -> cell),
        INSTANT(InstantColumn::create, cell -> cell),
        TEXT(StringColumn::create, String::valueOf);

        final Function<String, Column<?>> newColumn;
        final Function<Object, Object> normalize;

        CellKind(Function<String, Column<?>> newColumn, Function<Object, Object> normalize) {
            this.newColumn = newColumn;
            this.normalize = normalize;
        }

        static CellKind of(List<Object> cells) {
            List<Object> present = cells.stream().filter(cell -> cell != null).toList();
            if (present.isEmpty()) {
                return TEXT;
            } else if (present.stream().allMatch(CellKind::isWholeNumber)) {
                return WHOLE;
            } else if (present.stream().allMatch(cell -> cell instanceof Number)) {
                return DECIMAL;
            } else if (present.stream().allMatch(cell -> cell instanceof Boolean)) {
                return BOOLEAN;
            } else if (present.stream().allMatch(cell -> cell instanceof Instant)) {
                return INSTANT;
            }
            return TEXT;
        }

        private static boolean isWholeNumber(Object cell) {
            return cell instanceof Long || cell instanceof Integer || cell instanceof Short || cell instanceof Byte;
        }
    }
}
