package io.kinesisworkbook.lib.metrics;

import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.view.ChartGrid;
import io.kinesisworkbook.lib.view.LiveHtml;
import io.kinesisworkbook.lib.view.TimeSeriesChart;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A stream's Monitoring tab in a cell: the talk's five graphs, read through CloudWatch and redrawn in
 * place every couple of seconds while a producer and a consumer run in the background.
 *
 * <pre>{@code
 * Dashboard dashboard = aws.metrics("clicks").dashboard().status(() -> consumers.toString());
 * dashboard.showFor(Duration.ofSeconds(10));
 * dashboard.showUntil("the alarm to fire", Duration.ofMinutes(2), () -> alarm.isInAlarm());
 * }</pre>
 *
 * <p>It stops after the duration, when the condition holds, or when the cell is interrupted (Jupyter's
 * stop button), leaving the last picture in the output. Each refresh is one GetMetricData call and five
 * small PNGs; the benchmark ({@code MonitoringBenchmark}) measures what that costs a core.
 */
public final class Dashboard {

    static final int CHART_WIDTH = 416;
    static final int CHART_HEIGHT = 200;
    static final int COLUMNS = 3;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StreamMetrics metrics;
    private Duration window = Duration.ofMinutes(1);
    private Duration refresh = Duration.ofSeconds(2);
    private Supplier<String> status;
    private IteratorAgeAlarm alarm;
    private String noData;
    private int refreshes;

    Dashboard(StreamMetrics metrics) {
        this.metrics = metrics;
    }

    /** How much time the graphs show, ending now (default one minute). */
    public Dashboard window(Duration newWindow) {
        this.window = newWindow;
        return this;
    }

    /** How often the graphs are read and redrawn (default every two seconds). */
    public Dashboard refreshEvery(Duration interval) {
        if (interval.toMillis() < 100) {
            throw new IllegalArgumentException("Refresh at most ten times a second, not every " + interval.toMillis() + " ms");
        }
        this.refresh = interval;
        return this;
    }

    /** A sixth panel with text from the notebook: workers, rates, what just changed. */
    public Dashboard status(Supplier<String> text) {
        this.status = text;
        return this;
    }

    /** Draws the alarm's threshold on the iterator age graph and its state in the status panel. */
    public Dashboard alarm(IteratorAgeAlarm ageAlarm) {
        this.alarm = ageAlarm;
        return this;
    }

    /** What an empty graph says (by default "no data", or why the backend has none). */
    public Dashboard whenEmpty(String explanation) {
        this.noData = explanation;
        return this;
    }

    /** Shows the graphs for {@code duration} (or until the cell is interrupted). */
    public void showFor(Duration duration) {
        run(duration, () -> false);
    }

    /**
     * Shows the graphs until {@code condition} holds, and returns how long that took; fails, saying
     * what it waited for, when {@code timeout} passes first.
     */
    public Duration showUntil(String what, Duration timeout, BooleanSupplier condition) {
        long start = System.nanoTime();
        if (!run(timeout, condition)) {
            throw new WorkbookException("Gave up waiting for " + what + " after " + timeout.toSeconds() + " s.");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** How many times the graphs were drawn. */
    public int refreshes() {
        return refreshes;
    }

    /** Redraws until the condition holds (true) or the time is up (false); an interrupt stops it quietly. */
    private boolean run(Duration limit, BooleanSupplier condition) {
        long start = System.nanoTime();
        try (LiveHtml live = LiveHtml.show(ChartGrid.note(metrics.stream(), "Reading CloudWatch...", CHART_WIDTH,
                CHART_HEIGHT), "Dashboard of " + metrics.stream())) {
            while (true) {
                long drawn = System.nanoTime();
                live.update(html(), text());
                if (condition.getAsBoolean()) {
                    return true;
                }
                if (System.nanoTime() - start >= limit.toNanos()) {
                    return false;
                }
                long wait = refresh.toNanos() - (System.nanoTime() - drawn);
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.out.println("Dashboard stopped.");
            return false;
        }
    }

    /** One refresh: the five graphs read in one GetMetricData call, drawn as a grid with the status panel. */
    String html() {
        Map<StreamMetric, MetricSeries> graphs = metrics.last(window);
        List<String> cells = new ArrayList<>();
        for (MetricSeries series : graphs.values()) {
            cells.add(series.isEmpty()
                    ? ChartGrid.note(series.metric().title(metrics.period()),
                            noData != null ? noData : metrics.whyEmpty(window), CHART_WIDTH, CHART_HEIGHT)
                    : ChartGrid.chart(chart(series)));
        }
        cells.add(ChartGrid.note("At " + LocalTime.now(ZoneOffset.UTC).format(CLOCK) + " UTC", statusText(),
                CHART_WIDTH, CHART_HEIGHT));
        refreshes++;
        return ChartGrid.html(COLUMNS, cells);
    }

    private TimeSeriesChart chart(MetricSeries series) {
        TimeSeriesChart chart = series.chart().size(CHART_WIDTH, CHART_HEIGHT);
        if (alarm != null && series.metric() == StreamMetric.ITERATOR_AGE) {
            chart.limit("alarm threshold", alarm.threshold().toMillis()).legendInside();
        }
        return chart;
    }

    private String statusText() {
        StringBuilder text = new StringBuilder(metrics.stream() + ", " + metrics.period() + " periods");
        if (alarm != null) {
            text.append("\nAlarm ").append(alarm.name()).append(": ").append(alarm.state());
        }
        if (status != null) {
            text.append("\n").append(status.get());
        }
        return text.toString();
    }

    /** The terminal's line: the newest iterator age and incoming records. */
    private String text() {
        return String.format(Locale.ROOT, "%s: dashboard refreshed %d times", metrics.stream(), refreshes);
    }
}
