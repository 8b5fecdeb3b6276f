package io.kinesisworkbook.exercises;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Exercise 01 (notebook 01-why-streaming): summarising event-to-insight latencies. */
public final class E01Latency {

    private E01Latency() {
    }

    /**
     * The {@code percentile}th percentile (0 < p <= 100) of {@code millis} by the nearest-rank method:
     * sort, and take the value at rank ceil(p / 100 x n), counting from 1. Throws
     * IllegalArgumentException for an empty list.
     */
    public static long percentile(List<Long> millis, double percentile) {
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("no latencies");
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    /** The median: the 50th percentile. */
    public static long median(List<Long> millis) {
        return percentile(millis, 50);
    }
}
