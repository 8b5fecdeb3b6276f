package io.kinesisworkbook.emulator.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps every published metric as one-second statistics (sum, count, minimum, maximum), the finest
 * resolution CloudWatch has, so any period can be summed from them later.
 */
public final class InMemoryMetrics implements MetricsSink {

    /** One time series: a metric under one set of dimensions. */
    public record SeriesKey(String namespace, String metricName, Map<String, String> dimensions) {
    }

    /** Statistics of one period. */
    public record Statistics(long startMillis, double sum, long sampleCount, double minimum, double maximum, String unit) {
        public double average() {
            return sampleCount == 0 ? 0 : sum / sampleCount;
        }

        Statistics plus(double value) {
            return new Statistics(startMillis, sum + value, sampleCount + 1, Math.min(minimum, value),
                    Math.max(maximum, value), unit);
        }

        Statistics plus(Statistics other) {
            return new Statistics(startMillis, sum + other.sum, sampleCount + other.sampleCount,
                    Math.min(minimum, other.minimum), Math.max(maximum, other.maximum), unit);
        }
    }

    private final Map<SeriesKey, ConcurrentSkipListMap<Long, Statistics>> series = new ConcurrentHashMap<>();

    @Override
    public void publish(String namespace, String metricName, Map<String, String> dimensions, double value,
                        String unit, long timestampMillis) {
        SeriesKey key = new SeriesKey(namespace, metricName, Map.copyOf(dimensions));
        long second = timestampMillis - Math.floorMod(timestampMillis, 1000L);
        series.computeIfAbsent(key, k -> new ConcurrentSkipListMap<>())
                .merge(second, new Statistics(second, value, 1, value, value, unit),
                        (old, added) -> old.plus(added.sum()));
    }

    /** Statistics per period of {@code periodSeconds} between {@code fromMillis} (inclusive) and {@code toMillis}. */
    public List<Statistics> statistics(SeriesKey key, long fromMillis, long toMillis, int periodSeconds) {
        var seconds = series.get(key);
        List<Statistics> periods = new ArrayList<>();
        if (seconds == null) {
            return periods;
        }
        long period = periodSeconds * 1000L;
        Statistics current = null;
        for (Statistics second : seconds.subMap(fromMillis, toMillis).values()) {
            long start = second.startMillis() - Math.floorMod(second.startMillis(), period);
            if (current != null && current.startMillis() != start) {
                periods.add(current);
                current = null;
            }
            current = current == null
                    ? new Statistics(start, second.sum(), second.sampleCount(), second.minimum(), second.maximum(), second.unit())
                    : current.plus(second);
        }
        if (current != null) {
            periods.add(current);
        }
        return periods;
    }

    /** The sum of a series over all time: handy in tests. */
    public double total(String namespace, String metricName, Map<String, String> dimensions) {
        var seconds = series.get(new SeriesKey(namespace, metricName, Map.copyOf(dimensions)));
        return seconds == null ? 0 : seconds.values().stream().mapToDouble(Statistics::sum).sum();
    }
}
