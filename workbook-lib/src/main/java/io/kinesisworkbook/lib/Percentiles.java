package io.kinesisworkbook.lib;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles by the nearest-rank method, the one exercise E01 asks for: sort the values and take
 * the one at rank ceil(p / 100 x n), counting from 1. The median is the 50th percentile, always one
 * of the values measured (never an average of two), so a chart can say "half waited at most this".
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percentile}th percentile (0 < p <= 100) of {@code values}; they are not changed. */
    public static double nearestRank(Collection<? extends Number> values, double percentile) {
        return nearestRank(values.stream().mapToDouble(Number::doubleValue).toArray(), percentile);
    }

    /** The same for an array, which is not changed. */
    public static double nearestRank(double[] values, double percentile) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values: there is no percentile of nothing");
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("a percentile is above 0 and at most 100, not " + percentile);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }
}
