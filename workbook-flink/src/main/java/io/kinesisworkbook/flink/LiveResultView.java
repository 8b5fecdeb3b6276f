package io.kinesisworkbook.flink;

import io.kinesisworkbook.lib.view.ChartView;
import io.kinesisworkbook.lib.view.LiveView;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * A query's result as it changes, in the cell: a status line (how long it has run, how many rows
 * and changes), the newest rows as a table, and the chart drawn from the whole result.
 */
final class LiveResultView implements AutoCloseable {

    private final String title;
    private final Function<SqlResult, ChartView<?>> chart;
    private final int shownRows;
    private final LiveView view;

    LiveResultView(String title, Function<SqlResult, ChartView<?>> chart, int shownRows) {
        this.title = title;
        this.chart = chart;
        this.shownRows = shownRows;
        this.view = LiveView.start(title + ": starting...", shownRows);
        // Tablesaw scans its class path once, when a table is first made: do that now, before the
        // query runs, rather than in the middle of a redraw that an interrupt can cut short.
        Table.create(title);
    }

    void update(SqlResult result) {
        view.update(status(result), newest(result), drawn(result));
    }

    void finish(SqlResult result) {
        update(result);
    }

    @Override
    public void close() {
        view.close();
    }

    private String status(SqlResult result) {
        String state = result.stoppedBecause().equals("running") ? "running" : "stopped after " + result.stoppedBecause();
        return String.format("%s: %s, %.1f s, %,d rows, %,d changes", title, state, result.ran().toMillis() / 1000.0,
                result.size(), result.changes());
    }

    /** The last rows: in a continuous query the newest are the ones that just changed. */
    private Table newest(SqlResult result) {
        Table table = result.table();
        int rows = table.rowCount();
        return rows <= shownRows ? table : table.inRange(rows - shownRows, rows);
    }

    private ChartView<?> drawn(SqlResult result) {
        return chart == null || result.size() == 0 ? null : chart.apply(result);
    }
}
