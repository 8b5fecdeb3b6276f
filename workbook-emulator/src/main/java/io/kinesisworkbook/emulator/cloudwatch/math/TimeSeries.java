package io.kinesisworkbook.emulator.cloudwatch.math;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Values at timestamps, oldest first: one line of a graph, the unit metric math works on. A
 * timestamp without a value is simply absent (CloudWatch's missing data point).
 */
public record TimeSeries(long[] timestamps, double[] values) {

    public static final TimeSeries EMPTY = new TimeSeries(new long[0], new double[0]);

    public int size() {
        return timestamps.length;
    }

    TimeSeries map(DoubleUnaryOperator operation) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = operation.applyAsDouble(values[i]);
        }
        return new TimeSeries(timestamps, result).withoutNaN();
    }

    /** Applies an operation at the timestamps both series have; the others have no result. */
    TimeSeries combine(TimeSeries other, DoubleBinaryOperator operation) {
        long[] times = new long[Math.min(size(), other.size())];
        double[] result = new double[times.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < size() && j < other.size()) {
            if (timestamps[i] < other.timestamps[j]) {
                i++;
            } else if (timestamps[i] > other.timestamps[j]) {
                j++;
            } else {
                times[n] = timestamps[i];
                result[n++] = operation.applyAsDouble(values[i++], other.values[j++]);
            }
        }
        return new TimeSeries(Arrays.copyOf(times, n), Arrays.copyOf(result, n)).withoutNaN();
    }

    /** Division by zero and other undefined results are no data, as in CloudWatch. */
    TimeSeries withoutNaN() {
        int n = 0;
        for (double value : values) {
            if (Double.isFinite(value)) {
                n++;
            }
        }
        if (n == values.length) {
            return this;
        }
        long[] times = new long[n];
        double[] kept = new double[n];
        int k = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                times[k] = timestamps[i];
                kept[k++] = values[i];
            }
        }
        return new TimeSeries(times, kept);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeSeries series && Arrays.equals(timestamps, series.timestamps)
                && Arrays.equals(values, series.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(timestamps) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TimeSeries" + Arrays.toString(values);
    }
}
