package io.kinesisworkbook.lib.view;

import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A table and a chart that keep changing while a cell runs, redrawn in place: a continuous query's
 * result, a counter that keeps counting.
 * <pre>{@code
 * try (LiveView view = LiveView.start("waiting for the first window...")) {
 *     while (...) {
 *         view.update("12.5 s, 48 rows", table, chart);   // replaces the previous table and chart
 *     }
 * }
 * }</pre>
 * In Jupyter the status line and the table are one HTML output and the chart one PNG output, each
 * replaced through {@code update_display_data}, so the cell keeps one table and one chart however
 * often they change. In a terminal, which cannot redraw a table, the status line is rewritten in
 * place and the table and chart are printed once, when the view closes.
 */
public final class LiveView implements AutoCloseable {

    private final Display display;
    private final int maxRows;
    private final Display.LiveOutput text;
    private Display.LiveChart picture;
    private String status;
    private Table table;
    private ChartView<?> chart;
    private boolean closed;

    LiveView(Display display, String status, int maxRows) {
        this.display = display;
        this.maxRows = maxRows;
        this.status = Objects.requireNonNull(status, "status");
        this.text = display.live(statusHtml(status), status);
    }

    /** A live view on the current display (Jupyter or terminal, as for {@link Show}), showing {@code status} until the first update. */
    public static LiveView start(String status) {
        return start(status, Tables.DEFAULT_MAX_ROWS);
    }

    /** The same, showing at most {@code maxRows} rows of the table. */
    public static LiveView start(String status, int maxRows) {
        return new LiveView(Show.current(), status, maxRows);
    }

    /**
     * Replaces what is shown. {@code table} and {@code chart} may be null (nothing to show yet); a
     * chart appears, below the table, from the first update that has one.
     */
    public synchronized void update(String status, Table table, ChartView<?> chart) {
        if (closed) {
            return;
        }
        this.status = Objects.requireNonNull(status, "status");
        this.table = table;
        this.chart = chart;
        text.update(html(), status);
        if (chart != null) {
            if (picture == null) {
                picture = display.liveChart(chart);
            } else {
                picture.update(chart);
            }
        }
    }

    /** Draws the last state for good: in a terminal, the table and the chart's note are printed now. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        String plain = table == null ? status : status + "\n" + Tables.text(table, maxRows);
        text.finish(html(), plain);
        if (chart != null) {
            if (picture == null) {
                picture = display.liveChart(chart);
            }
            picture.finish(chart);
        }
    }

    private String html() {
        return table == null ? statusHtml(status) : statusHtml(status) + Tables.html(table, maxRows);
    }

    private static String statusHtml(String status) {
        return "<div style=\"font-family:monospace;margin-bottom:4px\">" + Html.escape(status) + "</div>";
    }
}
