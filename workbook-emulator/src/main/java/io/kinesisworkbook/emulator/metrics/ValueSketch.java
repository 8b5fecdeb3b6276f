package io.kinesisworkbook.emulator.metrics;

import java.util.Arrays;

/**
 * The distribution of many values in little memory, so that percentiles (p50, p99, ...) can be
 * answered without keeping every value: a histogram over logarithmic buckets, each 2% wide, so any
 * percentile is within 1% of the true value (the "DDSketch" idea). A second with a thousand
 * GetRecords latencies spread over 1 to 100 ms needs about 230 buckets at most, usually a few dozen.
 *
 * <p>Keys grow with the value, so walking them in order walks the values in order: 0 for zero
 * (and values closer to it than 10^-12), positive keys for positive values, their negatives for
 * negative values. Counts are doubles because CloudWatch's {@code Counts} are.
 */
public final class ValueSketch {

    /** Each bucket spans a factor of GAMMA: (1 + 1%) / (1 - 1%). */
    static final double GAMMA = 1.01 / 0.99;
    private static final double LOG_GAMMA = Math.log(GAMMA);
    private static final double SMALLEST = 1e-12;
    /** Bucket index of SMALLEST, so that keys of positive values start at 1. */
    private static final int BIAS = 1 - (int) Math.ceil(Math.log(SMALLEST) / LOG_GAMMA);

    private int[] keys = new int[4];
    private double[] counts = new double[4];
    private int size;

    public static int keyOf(double value) {
        double magnitude = Math.abs(value);
        if (magnitude < SMALLEST) {
            return 0;
        }
        int key = (int) Math.ceil(Math.log(magnitude) / LOG_GAMMA) + BIAS;
        return value > 0 ? key : -key;
    }

    /** The value a bucket stands for: the middle of its range, within 1% of every value in it. */
    public static double valueOf(int key) {
        if (key == 0) {
            return 0;
        }
        int index = Math.abs(key) - BIAS;
        double value = 2 * Math.pow(GAMMA, index) / (GAMMA + 1);
        return key > 0 ? value : -value;
    }

    public void add(double value, double count) {
        addToKey(keyOf(value), count);
    }

    public void addAll(ValueSketch other) {
        for (int i = 0; i < other.size; i++) {
            addToKey(other.keys[i], other.counts[i]);
        }
    }

    void addToKey(int key, double count) {
        int at = Arrays.binarySearch(keys, 0, size, key);
        if (at >= 0) {
            counts[at] += count;
            return;
        }
        int insert = -at - 1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        System.arraycopy(keys, insert, keys, insert + 1, size - insert);
        System.arraycopy(counts, insert, counts, insert + 1, size - insert);
        keys[insert] = key;
        counts[insert] = count;
        size++;
    }

    public int size() {
        return size;
    }

    int key(int index) {
        return keys[index];
    }

    double count(int index) {
        return counts[index];
    }

    public double totalCount() {
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += counts[i];
        }
        return total;
    }

    /**
     * The value below which {@code percent} percent of the values lie (CloudWatch's pNN), clamped
     * to the exact minimum and maximum; NaN when the sketch is empty.
     */
    public double percentile(double percent, double minimum, double maximum) {
        double total = totalCount();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = Math.max(percent / 100.0 * total, Math.ulp(total));
        double seen = 0;
        for (int i = 0; i < size; i++) {
            seen += counts[i];
            if (seen >= rank - 1e-9) {
                return Math.min(maximum, Math.max(minimum, valueOf(keys[i])));
            }
        }
        return maximum;
    }

    /**
     * Sum and count of the values whose rank lies between two percentiles (for trimmed means,
     * TM/TC/TS): {@code [sum, count]}, values taken at their buckets' middles.
     */
    public double[] between(double lowPercent, double highPercent) {
        double total = totalCount();
        double low = lowPercent / 100.0 * total;
        double high = highPercent / 100.0 * total;
        double seen = 0;
        double sum = 0;
        double count = 0;
        for (int i = 0; i < size; i++) {
            double from = Math.max(seen, low);
            double to = Math.min(seen + counts[i], high);
            if (to > from) {
                count += to - from;
                sum += (to - from) * valueOf(keys[i]);
            }
            seen += counts[i];
        }
        return new double[] {sum, count};
    }
}
