package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E01Latency;
import java.util.List;
import org.junit.jupiter.api.Test;

class E01LatencyGrader {

    static final List<Long> LATENCIES = List.of(900L, 15L, 120L, 4_800L, 60L, 30L, 2_500L, 75L, 5L, 210L);

    /** E01's methods; the grader calls the learner's {@link E01Latency} through them. */
    interface Latency {
        long median(List<Long> millis);

        long percentile(List<Long> millis, double percentile);
    }

    static Latency answer() {
        return TrivialAnswers.answer(Latency.class, new Latency() {
            @Override
            public long median(List<Long> millis) {
                return E01Latency.median(millis);
            }

            @Override
            public long percentile(List<Long> millis, double percentile) {
                return E01Latency.percentile(millis, percentile);
            }
        });
    }

    @Test
    void medianOfUnsortedLatencies() {
        long median = attempt(() -> answer().median(LATENCIES), "sort a copy first; nearest rank: ceil(0.5 x 10) = 5th value");
        check(75L, median, "median of " + LATENCIES, "sorted: 5, 15, 30, 60, 75, ...; the 5th is 75");
        long odd = attempt(() -> answer().median(List.of(40L, 10L, 30L)), "nearest rank: ceil(0.5 x 3) = 2nd value");
        check(30L, odd, "median of [40, 10, 30]", "sorted: 10, 30, 40; the 2nd is 30");
    }

    @Test
    void percentilesByNearestRank() {
        check(4_800L, attempt(() -> answer().percentile(LATENCIES, 99), "rank = ceil(p / 100 x n)"),
                "99th percentile", "ceil(0.99 x 10) = 10: the largest value");
        check(5L, attempt(() -> answer().percentile(LATENCIES, 1), "rank = ceil(p / 100 x n)"),
                "1st percentile", "ceil(0.01 x 10) = 1: the smallest value");
        check(900L, attempt(() -> answer().percentile(LATENCIES, 80), "rank = ceil(p / 100 x n)"),
                "80th percentile", "ceil(0.8 x 10) = 8: sorted, the 8th value is 900");
        check(List.of(900L, 15L, 120L, 4_800L, 60L, 30L, 2_500L, 75L, 5L, 210L), LATENCIES,
                "the input list after the call", "sort a copy, not the caller's list");
    }

    @Test
    void noLatenciesIsAnError() {
        boolean refused;
        try {
            answer().median(List.of());
            refused = false;
        } catch (IllegalArgumentException expected) {
            refused = true;
        } catch (RuntimeException other) {
            refused = false;
        }
        check(refused, "median of an empty list throws IllegalArgumentException", "there is no median of nothing");
    }
}
