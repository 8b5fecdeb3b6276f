package io.kinesisworkbook.lib.metrics;

import io.kinesisworkbook.lib.view.Charts;
import io.kinesisworkbook.lib.view.TimeSeriesChart;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One metric of one stream as GetMetricData answered it: a value per period that has data, oldest
 * first. A period without data has no value at all (CloudWatch does not answer zero for it).
 *
 * @param metric the metric and the statistic read
 * @param stream the stream's name
 * @param period the period each value covers
 * @param times  the start of each period that has data
 * @param values the statistic over each of those periods
 */
public record MetricSeries(StreamMetric metric, String stream, MetricPeriod period, List<Instant> times,
                           List<Double> values) {

    public MetricSeries {
        if (times.size() != values.size()) {
            throw new IllegalArgumentException(times.size() + " times but " + values.size() + " values");
        }
        times = List.copyOf(times);
        values = List.copyOf(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The largest value, or 0 without data (a count or an age that nobody measured). */
    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** The sum of the values: for a Sum statistic, the total over the whole range. */
    public double total() {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The newest value, if any. */
    public OptionalDouble latest() {
        return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.get(values.size() - 1));
    }

    /** The largest value among periods that start at or after {@code since}, or 0 without data there. */
    public double maxSince(Instant since) {
        double max = 0;
        for (int i = 0; i < times.size(); i++) {
            if (!times.get(i).isBefore(since)) {
                max = Math.max(max, values.get(i));
            }
        }
        return max;
    }

    /** The graph as the console draws it: titled with the statistic and the period. Needs data. */
    public TimeSeriesChart chart() {
        if (isEmpty()) {
            throw new IllegalStateException("No " + metric.metricName() + " data for " + stream + " in this range");
        }
        // The series is named by its statistic: a legend (when a limit line joins it) stays short.
        return Charts.timeSeries(metric.title(period)).series(metric.statistic(), times, values).yAxis(metric.unit());
    }
}
