package io.kinesisworkbook.lib.view;

import java.awt.Color;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Values over time, one line per named series: events per second, iterator age, lag.
 *
 * <p>Time is either wall-clock ({@link Instant}s, shown in UTC, the zone Kinesis timestamps use) or
 * seconds since the start of an experiment. One chart uses one kind of time: the two would not share
 * an axis.
 *
 * <p>{@link #limit(String, double)} draws a dashed line across the whole chart at a value that matters,
 * such as a shard's 1,000 records a second, so the eye compares each line with it.
 */
public final class TimeSeriesChart extends ChartView<TimeSeriesChart> {

    /** Limits are dashed, in colours the series palette does not use: dark grey, dark red, dark green. */
    private static final Color[] LIMIT_COLORS = {new Color(80, 80, 80), new Color(170, 30, 30), new Color(30, 110, 50)};

    private final Map<String, List<?>> timesBySeries = new LinkedHashMap<>();
    private final Map<String, List<? extends Number>> valuesBySeries = new LinkedHashMap<>();
    private final Map<String, Double> limits = new LinkedHashMap<>();
    private boolean wallClock;

    TimeSeriesChart(String title) {
        super(title);
    }

    /** Adds a series at wall-clock times. */
    public TimeSeriesChart series(String name, List<Instant> times, List<? extends Number> values) {
        List<Date> dates = times.stream().map(Date::from).toList();
        return add(name, dates, values, true);
    }

    /** Adds a series whose x values are seconds, for instance since the producer started. */
    public TimeSeriesChart series(String name, double[] seconds, double[] values) {
        List<Double> xs = Arrays.stream(seconds).boxed().toList();
        List<Double> ys = Arrays.stream(values).boxed().toList();
        return add(name, xs, ys, false);
    }

    /** Adds a series from a map of time to value, such as counts per second; the map need not be sorted. */
    public TimeSeriesChart series(String name, Map<Instant, ? extends Number> valueByTime) {
        TreeMap<Instant, ? extends Number> sorted = new TreeMap<>(valueByTime);
        return series(name, new ArrayList<>(sorted.keySet()), new ArrayList<>(sorted.values()));
    }

    /**
     * Draws a dashed horizontal line named {@code name} at {@code value} across the time the series
     * cover: a limit, a target, a price. It is drawn after the series and listed in the legend.
     */
    public TimeSeriesChart limit(String name, double value) {
        limits.put(name, value);
        return this;
    }

    @Override
    public List<String> seriesNames() {
        List<String> names = new ArrayList<>(timesBySeries.keySet());
        names.addAll(limits.keySet());
        return List.copyOf(names);
    }

    @Override
    public XYChart toXChart() {
        if (timesBySeries.isEmpty()) {
            throw new IllegalStateException("Chart '" + title() + "' has no data yet: add a series before showing it");
        }
        XYChart chart = styled(new XYChart(width(), height()));
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        chart.getStyler().setDatePattern("HH:mm:ss");
        chart.getStyler().setTimezone(TimeZone.getTimeZone("UTC"));
        if (chart.getXAxisTitle().isEmpty()) {
            chart.setXAxisTitle(wallClock ? "time (UTC)" : "seconds");
        }
        timesBySeries.forEach((name, xs) -> chart.addSeries(name, xs, valuesBySeries.get(name)).setMarker(SeriesMarkers.NONE));
        addLimits(chart);
        DoubleStream ys = allValues();
        readableNumbers(chart.getStyler(), ys, true, wallClock ? null : allTimes().mapToDouble(t -> ((Number) t).doubleValue()));
        if (allValues().allMatch(value -> value >= 0)) {
            chart.getStyler().setYAxisMin(0.0);   // rates, counts and delays start at zero; a cut axis exaggerates
        }
        return chart;
    }

    /** Each limit is a two-point series from the earliest to the latest time of any series. */
    private void addLimits(XYChart chart) {
        if (limits.isEmpty()) {
            return;
        }
        List<?> span = List.of(allTimes().min(TimeSeriesChart::compareTimes).orElseThrow(),
                allTimes().max(TimeSeriesChart::compareTimes).orElseThrow());
        int index = 0;
        for (Map.Entry<String, Double> limit : limits.entrySet()) {
            XYSeries line = chart.addSeries(limit.getKey(), span, List.of(limit.getValue(), limit.getValue()));
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(SeriesLines.DASH_DASH);
            line.setLineColor(LIMIT_COLORS[index++ % LIMIT_COLORS.length]);
        }
    }

    private DoubleStream allValues() {
        return DoubleStream.concat(valuesBySeries.values().stream().flatMap(List::stream).mapToDouble(Number::doubleValue),
                limits.values().stream().mapToDouble(Double::doubleValue));
    }

    private Stream<Object> allTimes() {
        return timesBySeries.values().stream().flatMap(List::stream).map(time -> (Object) time);
    }

    private static int compareTimes(Object a, Object b) {
        if (a instanceof Date first && b instanceof Date second) {
            return first.compareTo(second);
        }
        return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }

    private TimeSeriesChart add(String name, List<?> xs, List<? extends Number> ys, boolean isWallClock) {
        if (xs.size() != ys.size()) {
            throw new IllegalArgumentException("Series '" + name + "' has " + xs.size() + " times but " + ys.size() + " values");
        }
        if (!timesBySeries.isEmpty() && wallClock != isWallClock) {
            throw new IllegalArgumentException("Chart '" + title() + "' already uses "
                    + (wallClock ? "Instants" : "seconds") + " for time; series '" + name + "' must too");
        }
        wallClock = isWallClock;
        timesBySeries.put(name, xs);
        valuesBySeries.put(name, ys);
        return this;
    }
}
