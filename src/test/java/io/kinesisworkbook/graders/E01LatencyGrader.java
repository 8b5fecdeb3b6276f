package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E01Latency;
import java.util.List;
import org.junit.jupiter.api.Test;

class E01LatencyGrader {

    static final List<Long> LATENCIES = List.of(900L, 15L, 120L, 4_800L, 60L, 30L, 2_500L, 75L, 5L, 210L);

    @Test
    void medianOfUnsortedLatencies() {
        long median = attempt(() -> E01Latency.median(LATENCIES), "sort a copy first; nearest rank: ceil(0.5 x 10) = 5th value");
        check(75L, median, "median of " + LATENCIES, "sorted: 5, 15, 30, 60, 75, ...; the 5th is 75");
    }

    @Test
    void percentilesByNearestRank() {
        check(4_800L, attempt(() -> E01Latency.percentile(LATENCIES, 99), "rank = ceil(p / 100 x n)"),
                "99th percentile", "ceil(0.99 x 10) = 10: the largest value");
        check(5L, attempt(() -> E01Latency.percentile(LATENCIES, 1), "rank = ceil(p / 100 x n)"),
                "1st percentile", "ceil(0.01 x 10) = 1: the smallest value");
        check(List.of(900L, 15L, 120L, 4_800L, 60L, 30L, 2_500L, 75L, 5L, 210L), LATENCIES,
                "the input list after the call", "sort a copy, not the caller's list");
    }

    @Test
    void noLatenciesIsAnError() {
        boolean refused;
        try {
            E01Latency.median(List.of());
            refused = false;
        } catch (IllegalArgumentException expected) {
            refused = true;
        } catch (UnsupportedOperationException todo) {
            refused = false;
        }
        check(refused, "median of an empty list throws IllegalArgumentException", "there is no median of nothing");
    }
}
