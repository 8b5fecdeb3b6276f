package io.kinesisworkbook.lib.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Values over time, one line per named series: events per second, iterator age, lag.
 *
 * <p>Time is either wall-clock ({@link Instant}s, shown in UTC, the zone Kinesis timestamps use) or
 * seconds since the start of an experiment. One chart uses one kind of time: the two would not share
 * an axis.
 */
public final class TimeSeriesChart extends ChartView<TimeSeriesChart> {

    private final Map<String, List<?>> timesBySeries = new LinkedHashMap<>();
    private final Map<String, List<? extends Number>> valuesBySeries = new LinkedHashMap<>();
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

    @Override
    public List<String> seriesNames() {
        return List.copyOf(timesBySeries.keySet());
    }

    @Override
    public XYChart toXChart() {
        requireSeries();
        XYChart chart = styled(new XYChart(width(), height()));
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        chart.getStyler().setDatePattern("HH:mm:ss");
        chart.getStyler().setTimezone(TimeZone.getTimeZone("UTC"));
        if (chart.getXAxisTitle().isEmpty()) {
            chart.setXAxisTitle(wallClock ? "time (UTC)" : "seconds");
        }
        timesBySeries.forEach((name, xs) -> chart.addSeries(name, xs, valuesBySeries.get(name)).setMarker(SeriesMarkers.NONE));
        return chart;
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
