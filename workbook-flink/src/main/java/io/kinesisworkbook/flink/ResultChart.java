package io.kinesisworkbook.flink;

import io.kinesisworkbook.lib.view.BarChart;
import io.kinesisworkbook.lib.view.ChartView;
import io.kinesisworkbook.lib.view.Charts;
import io.kinesisworkbook.lib.view.TimeSeriesChart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Charts drawn from a query's result, for {@link Query#chart}: a value over time (one line per key
 * with {@link TimeSeries#by}) or a value per key as bars.
 *
 * <pre>{@code
 * .chart(ResultChart.timeSeries("views per 10 s window", "window_start", "views").by("page"))
 * .chart(ResultChart.bars("orders per customer", "customerId", "orders"))
 * }</pre>
 */
public final class ResultChart {

    /**
     * A live result's chart is lower than the workbook's usual 800x400: the query's code, its
     * newest rows and the chart share one 1280x720 slide.
     */
    static final int HEIGHT = 260;

    private ResultChart() {
    }

    /** {@code value} over {@code time} (a window bound or an event time column). */
    public static TimeSeries timeSeries(String title, String time, String value) {
        return new TimeSeries(title, time, value, null, value);
    }

    /** {@code value} per {@code key}, one bar each, in the order the keys first appear. */
    public static Function<SqlResult, ChartView<?>> bars(String title, String key, String value) {
        return result -> {
            Map<String, Number> values = new LinkedHashMap<>();
            for (ResultRow row : result.rows()) {
                values.merge(row.string(key), (Number) row.get(value), (a, b) -> b);
            }
            BarChart chart = Charts.bars(title).series(value, values);
            return chart.xAxis(key).yAxis(value).size(ChartView.DEFAULT_WIDTH, HEIGHT);
        };
    }

    /** A time series chart of a result, one line per key when {@link #by} names a key column. */
    public record TimeSeries(String title, String time, String value, String key, String yAxis)
            implements Function<SqlResult, ChartView<?>> {

        /** One line per value of {@code keyColumn}. */
        public TimeSeries by(String keyColumn) {
            return new TimeSeries(title, time, value, keyColumn, yAxis);
        }

        /** The y axis title ({@code value}'s column name by default). */
        public TimeSeries yAxis(String axisTitle) {
            return new TimeSeries(title, time, value, key, axisTitle);
        }

        @Override
        public ChartView<?> apply(SqlResult result) {
            Map<String, TreeMap<Instant, Number>> lines = new TreeMap<>();
            for (ResultRow row : result.rows()) {
                String line = key == null ? value : String.valueOf(row.get(key));
                lines.computeIfAbsent(line, l -> new TreeMap<>()).put(row.instant(time), (Number) row.get(value));
            }
            TimeSeriesChart chart = Charts.timeSeries(title).xAxis(time + " (UTC)").yAxis(yAxis);
            lines.forEach((line, points) -> chart.series(line, new ArrayList<>(points.keySet()), List.copyOf(points.values())));
            return chart.size(ChartView.DEFAULT_WIDTH, HEIGHT);
        }
    }
}
