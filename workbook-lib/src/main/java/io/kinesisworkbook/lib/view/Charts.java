package io.kinesisworkbook.lib.view;

import java.util.Arrays;
import java.util.Collection;

/**
 * Where notebook charts start. Each method returns a chart to fill fluently, for example
 * <pre>{@code
 * Show.chart(Charts.timeSeries("Events per second")
 *         .series("batch", times, values)
 *         .series("stream", times2, values2)
 *         .yAxis("events/s"));
 * }</pre>
 * Every chart is 800x400 unless {@code size(..)} says otherwise, and has a legend only with two or more series.
 */
public final class Charts {

    private Charts() {
    }

    /** Values over time (Instants or seconds), one line per series. */
    public static TimeSeriesChart timeSeries(String title) {
        return new TimeSeriesChart(title);
    }

    /** Bars for categories, optionally grouped in several series. */
    public static BarChart bars(String title) {
        return new BarChart(title);
    }

    /** A plain x/y line chart. */
    public static LineChart line(String title) {
        return new LineChart(title);
    }

    /** Counts of values in {@code bins} equal-width bins. */
    public static HistogramChart histogram(String title, Collection<? extends Number> values, int bins) {
        return new HistogramChart(title, values, bins);
    }

    public static HistogramChart histogram(String title, double[] values, int bins) {
        return histogram(title, Arrays.stream(values).boxed().toList(), bins);
    }
}
