package io.kinesisworkbook.exercises;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Your exercise. Read the Javadoc of each method, replace the TODO, and run {@code ./workbook grade}.
 *
 * <p>Exercise 01 (notebook 01-why-streaming): summarising event-to-insight latencies. */
public final class E01Latency {

    private E01Latency() {
    }

    /**
     * The {@code percentile}th percentile (0 < p <= 100) of {@code millis} by the nearest-rank method:
     * sort, and take the value at rank ceil(p / 100 x n), counting from 1. Throws
     * IllegalArgumentException for an empty list.
     */
    public static long percentile(List<Long> millis, double percentile) {
        // TODO: sort a copy, rank = ceil(p / 100 * n), return the value at that rank (1-based); empty list -> IllegalArgumentException.
        throw new UnsupportedOperationException("TODO: exercise E01, percentile");
    }

    /** The median: the 50th percentile. */
    public static long median(List<Long> millis) {
        // TODO: the 50th percentile.
        throw new UnsupportedOperationException("TODO: exercise E01, median");
    }
}
