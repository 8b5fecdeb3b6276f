package io.kinesisworkbook.flink;

import io.kinesisworkbook.lib.view.ChartView;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A continuous query, ready to run: {@code sql.query("SELECT ...")}, then how long it runs and
 * how it is shown, then {@link #show()} (live in the cell) or {@link #collect()} (quietly).
 *
 * <pre>{@code
 * SqlResult views = sql.query("SELECT window_start, COUNT(*) AS views FROM TABLE(TUMBLE(...)) GROUP BY ...")
 *         .title("page views per 10 s")
 *         .chart(ResultChart.timeSeries("page views per 10 s", "window_start", "views"))
 *         .until(Until.rows(6).orAfter(Duration.ofSeconds(90)))
 *         .show();
 * }</pre>
 */
public final class Query {

    static final Duration DEFAULT_REFRESH = Duration.ofMillis(500);

    private final StreamingSql session;
    private final String sql;
    private String title = "query";
    private Until until = Until.after(Until.DEFAULT_LIMIT);
    private Duration refresh = DEFAULT_REFRESH;
    private Function<SqlResult, ChartView<?>> chart;
    /** Rows the live table shows: fewer beside a chart, so that the query, its table and chart fit one slide. */
    static final int SHOWN_ROWS = 10;
    static final int SHOWN_ROWS_WITH_CHART = 2;
    private Integer shownRows;
    private Runnable onFirstRow;

    Query(StreamingSql session, String sql) {
        this.session = session;
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /** Names the result table and the Flink job. */
    public Query title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    public Query until(Until until) {
        this.until = Objects.requireNonNull(until, "until");
        return this;
    }

    /** A chart drawn from the result each time it changes, beside the table (see {@link ResultChart}). */
    public Query chart(Function<SqlResult, ChartView<?>> chart) {
        this.chart = chart;
        return this;
    }

    /**
     * Runs {@code action} once, as soon as the result has its first row, while the query keeps
     * running: to feed a query known to be live. For a window over event time, a first row means the
     * watermark has passed a window's end, so records sent now with an older event time are late.
     * The action runs on the cell's thread; if it throws, the query stops and the cell shows the error.
     */
    public Query onFirstRow(Runnable action) {
        this.onFirstRow = Objects.requireNonNull(action, "action");
        return this;
    }

    /** How often the live view redraws (every half second by default). */
    public Query refreshEvery(Duration interval) {
        this.refresh = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /** How many rows the live table shows: the newest ones (10 by default, 2 above a chart). */
    public Query showing(int rows) {
        this.shownRows = rows;
        return this;
    }

    /** Runs the query with its live result (a table, and the chart if there is one) updated in place in the cell. */
    public SqlResult show() {
        int rows = shownRows != null ? shownRows : chart == null ? SHOWN_ROWS : SHOWN_ROWS_WITH_CHART;
        try (LiveResultView view = new LiveResultView(title, chart, rows)) {
            SqlResult result = session.run(this, view::update);
            view.finish(result);
            return result;
        }
    }

    /** Runs the query without showing anything and returns its result. */
    public SqlResult collect() {
        return session.run(this, result -> { });
    }

    String sql() {
        return sql;
    }

    String title() {
        return title;
    }

    Until until() {
        return until;
    }

    Duration refresh() {
        return refresh;
    }

    Runnable onFirstRow() {
        return onFirstRow;
    }
}
