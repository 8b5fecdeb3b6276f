package io.kinesisworkbook.emulator.metrics;

import io.kinesisworkbook.emulator.EmulatorClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's metrics store, which CloudWatch serves: every published metric at one-second
 * resolution (the finest CloudWatch has, so a demo sees a graph move within seconds), kept for
 * {@link #DEFAULT_RETENTION} (AWS keeps one-second data as long), from which any period and any
 * statistic is computed when asked.
 *
 * <p>Each second keeps count, sum, minimum and maximum, and, where its values differ, their
 * distribution in a {@link ValueSketch}, so percentiles are answered within 1% without keeping
 * every value. A series is kept as minutes ({@link MinuteBlock}) that are packed into bytes once
 * past, which bounds memory by series and retention, not by traffic. Old minutes are dropped as time
 * moves on, checked on writes and reads against the emulator's clock; no thread runs for it.
 *
 * <p>As on CloudWatch, data under different units are different data: a series keeps one timeline
 * per unit.
 */
public final class InMemoryMetrics implements MetricsSink {

    /** How long one-second data is kept: three hours, like CloudWatch's high-resolution data. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(3);
    /** How long a series stays listed after its last data point: two weeks, as ListMetrics does. */
    static final Duration LISTED_FOR = Duration.ofDays(14);

    /** One time series: a metric under one set of dimensions. */
    public record SeriesKey(String namespace, String metricName, Map<String, String> dimensions) {
        public SeriesKey {
            dimensions = Map.copyOf(dimensions);
        }
    }

    /**
     * Statistics of one period under one unit.
     *
     * @param distribution the period's values, when asked for and known (see {@link #percentile})
     */
    public record Statistics(long startMillis, double sum, double sampleCount, double minimum, double maximum,
                             String unit, Distribution distribution) {
        public double average() {
            return sampleCount == 0 ? 0 : sum / sampleCount;
        }

        /** The pNN of the period, or NaN when its values are not known (statistic sets). */
        public double percentile(double percent) {
            return distribution == null ? Double.NaN : distribution.percentile(percent, minimum, maximum);
        }
    }

    /** The values of a period, as far as they are known. */
    public static final class Distribution {
        private final ValueSketch sketch = new ValueSketch();

        public double percentile(double percent, double minimum, double maximum) {
            return sketch.percentile(percent, minimum, maximum);
        }

        /** {@code [sum, count]} of the values ranked between two percentiles. */
        public double[] between(double lowPercent, double highPercent) {
            return sketch.between(lowPercent, highPercent);
        }
    }

    private final EmulatorClock clock;
    private final long retentionMillis;
    private final Map<SeriesKey, Series> series = new ConcurrentHashMap<>();
    private final AtomicLong lastSweepMinute = new AtomicLong();

    public InMemoryMetrics() {
        this(EmulatorClock.system(), DEFAULT_RETENTION);
    }

    public InMemoryMetrics(EmulatorClock clock, Duration retention) {
        this.clock = clock;
        this.retentionMillis = retention.toMillis();
    }

    public Duration retention() {
        return Duration.ofMillis(retentionMillis);
    }

    @Override
    public void publish(String namespace, String metricName, Map<String, String> dimensions, double value,
                        String unit, long timestampMillis) {
        putValue(new SeriesKey(namespace, metricName, dimensions), unit, timestampMillis, value, 1);
    }

    /** {@code count} samples of {@code value} at one time (a single value has count 1). */
    public void putValue(SeriesKey key, String unit, long timestampMillis, double value, double count) {
        if (isExpired(timestampMillis)) {
            return;
        }
        Series found = series(key);
        found.timeline(unit).add(secondOf(timestampMillis), value, count);
        touch(found, timestampMillis);
    }

    /** A statistic set (PutMetricData's {@code StatisticValues}): percentiles of it are known only if its values are all equal. */
    public void putStatistics(SeriesKey key, String unit, long timestampMillis, double count, double sum,
                              double minimum, double maximum) {
        if (isExpired(timestampMillis)) {
            return;
        }
        Series found = series(key);
        found.timeline(unit).addStatistics(secondOf(timestampMillis), count, sum, minimum, maximum);
        touch(found, timestampMillis);
    }

    /**
     * Statistics per period of {@code periodSeconds}, periods counted from {@code fromMillis}
     * (inclusive) to {@code toMillis} (exclusive), for the series' data under {@code unit}, or
     * under every unit when {@code unit} is null (each period then mixes them).
     */
    public List<Statistics> statistics(SeriesKey key, String unit, long fromMillis, long toMillis, int periodSeconds,
                                       boolean withDistribution) {
        List<Statistics> periods = new ArrayList<>();
        Series found = series.get(key);
        if (found == null) {
            return periods;
        }
        long from = Math.max(fromMillis, clock.millis() - retentionMillis);
        if (unit != null) {
            PeriodFolder folder = new PeriodFolder(fromMillis, periodSeconds * 1000L, unit, withDistribution, periods);
            found.visit(unit, from, toMillis, folder);
            folder.finish();
            return periods;
        }
        // every unit: each folded alone, then periods of the same start added up
        Map<Long, Statistics> byStart = new java.util.TreeMap<>();
        for (String each : found.timelines.keySet()) {
            for (Statistics period : statistics(key, each, fromMillis, toMillis, periodSeconds, false)) {
                byStart.merge(period.startMillis(), period, (a, b) -> new Statistics(a.startMillis(), a.sum() + b.sum(),
                        a.sampleCount() + b.sampleCount(), Math.min(a.minimum(), b.minimum()),
                        Math.max(a.maximum(), b.maximum()), null, null));
            }
        }
        periods.addAll(byStart.values());
        return periods;
    }

    /** Statistics of every unit together, per period starting at a multiple of the period: handy in tests. */
    public List<Statistics> statistics(SeriesKey key, long fromMillis, long toMillis, int periodSeconds) {
        long period = periodSeconds * 1000L;
        return statistics(key, null, fromMillis - Math.floorMod(fromMillis, period), toMillis, periodSeconds, false);
    }

    /** The units a series has data under, in alphabetical order. */
    public Set<String> units(SeriesKey key) {
        Series found = series.get(key);
        return found == null ? Set.of() : new TreeSet<>(found.timelines.keySet());
    }

    /** Every series listed (data within the last two weeks), with when it last got data. */
    public Map<SeriesKey, Long> listed() {
        sweep();
        Map<SeriesKey, Long> listed = new java.util.HashMap<>();
        series.forEach((key, found) -> listed.put(key, found.lastDataMillis));
        return listed;
    }

    /** The sum of a series over the retained time: handy in tests. */
    public double total(String namespace, String metricName, Map<String, String> dimensions) {
        double[] total = {0};
        Series found = series.get(new SeriesKey(namespace, metricName, dimensions));
        if (found != null) {
            for (String unit : found.timelines.keySet()) {
                found.visit(unit, 0, Long.MAX_VALUE / 2, (second, count, sum, min, max, sketch, known) -> total[0] += sum);
            }
        }
        return total[0];
    }

    /** Roughly how many bytes the stored data takes (without the keys): for the memory benchmark. */
    public long footprintBytes() {
        long bytes = 0;
        for (Series found : series.values()) {
            for (Timeline timeline : found.timelines.values()) {
                bytes += timeline.footprintBytes();
            }
        }
        return bytes;
    }

    public int seriesCount() {
        return series.size();
    }

    private Series series(SeriesKey key) {
        return series.computeIfAbsent(key, k -> new Series());
    }

    private void touch(Series found, long timestampMillis) {
        if (timestampMillis > found.lastDataMillis) {
            found.lastDataMillis = timestampMillis;
        }
        long minute = clock.millis() / 60_000L;
        long last = lastSweepMinute.get();
        if (minute != last && lastSweepMinute.compareAndSet(last, minute)) {
            sweep();
        }
    }

    /** Drops minutes past retention, and series not written for two weeks; once a minute, from a writer. */
    private void sweep() {
        long now = clock.millis();
        long oldest = now - retentionMillis;
        series.entrySet().removeIf(entry -> {
            Series found = entry.getValue();
            found.timelines.values().forEach(timeline -> timeline.trimBefore(oldest));
            return found.lastDataMillis < now - LISTED_FOR.toMillis();
        });
    }

    private boolean isExpired(long timestampMillis) {
        return timestampMillis < clock.millis() - retentionMillis;
    }

    private static long secondOf(long millis) {
        return millis - Math.floorMod(millis, 1000L);
    }

    /** A series: a timeline per unit, and when its newest data point is from. */
    private static final class Series {
        final Map<String, Timeline> timelines = new ConcurrentHashMap<>(2);
        volatile long lastDataMillis = Long.MIN_VALUE;

        Timeline timeline(String unit) {
            return timelines.computeIfAbsent(unit == null ? "None" : unit, u -> new Timeline());
        }

        void visit(String unit, long fromMillis, long toMillis, SlotVisitor visitor) {
            Timeline timeline = timelines.get(unit);
            if (timeline != null) {
                timeline.visit(fromMillis, toMillis, visitor);
            }
        }
    }

    /** Folds seconds, in time order, into periods counted from a start. */
    private static final class PeriodFolder implements SlotVisitor {
        private final long startMillis;
        private final long periodMillis;
        private final String unit;
        private final boolean withDistribution;
        private final List<Statistics> out;
        private long currentStart = Long.MIN_VALUE;
        private double count;
        private double sum;
        private double minimum;
        private double maximum;
        private Distribution distribution;
        private boolean distributionKnown;

        PeriodFolder(long startMillis, long periodMillis, String unit, boolean withDistribution, List<Statistics> out) {
            this.startMillis = startMillis;
            this.periodMillis = periodMillis;
            this.unit = unit;
            this.withDistribution = withDistribution;
            this.out = out;
        }

        @Override
        public void second(long secondMillis, double secondCount, double secondSum, double secondMinimum,
                           double secondMaximum, ValueSketch sketch, boolean known) {
            if (secondMillis < startMillis) {
                return;
            }
            long start = startMillis + Math.floorDiv(secondMillis - startMillis, periodMillis) * periodMillis;
            if (start != currentStart) {
                finish();
                currentStart = start;
                count = 0;
                sum = 0;
                minimum = Double.POSITIVE_INFINITY;
                maximum = Double.NEGATIVE_INFINITY;
                distribution = withDistribution ? new Distribution() : null;
                distributionKnown = true;
            }
            count += secondCount;
            sum += secondSum;
            minimum = Math.min(minimum, secondMinimum);
            maximum = Math.max(maximum, secondMaximum);
            if (distribution != null) {
                if (sketch != null) {
                    distribution.sketch.addAll(sketch);
                } else if (known || secondMinimum == secondMaximum) {
                    distribution.sketch.add(secondMinimum, secondCount);
                } else {
                    distributionKnown = false;
                }
            }
        }

        void finish() {
            if (currentStart != Long.MIN_VALUE && count > 0) {
                out.add(new Statistics(currentStart, sum, count, minimum, maximum, unit,
                        distributionKnown ? distribution : null));
            }
            currentStart = Long.MIN_VALUE;
        }
    }
}
