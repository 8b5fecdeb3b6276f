package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.graders.E01LatencyGrader.Latency;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** E01's grader fails on answers that do not compute a nearest-rank percentile. */
class E01LatencyTrivialAnswersTest {

    @Test
    void zero() {
        mustFail(E01LatencyGrader.class, Latency.class, "returns zero", latency(millis -> 0L, (millis, p) -> 0L));
    }

    @Test
    void theMiddleOfTheUnsortedList() {
        mustFail(E01LatencyGrader.class, Latency.class, "takes the middle element without sorting",
                latency(millis -> millis.get(millis.size() / 2), (millis, p) -> millis.get((int) (p / 100 * (millis.size() - 1)))));
    }

    @Test
    void theUpperMiddleOfTheSortedList() {
        mustFail(E01LatencyGrader.class, Latency.class, "sorted[n / 2], not the nearest rank",
                latency(millis -> sorted(millis).get(millis.size() / 2),
                        (millis, p) -> sorted(millis).get(Math.min(millis.size() - 1, (int) (p / 100 * millis.size())))));
    }

    private static List<Long> sorted(List<Long> millis) {
        List<Long> copy = new ArrayList<>(millis);
        Collections.sort(copy);
        return copy;
    }

    private interface Median {
        long of(List<Long> millis);
    }

    private interface Percentile {
        long of(List<Long> millis, double p);
    }

    private static Latency latency(Median median, Percentile percentile) {
        return new Latency() {
            @Override
            public long median(List<Long> millis) {
                return median.of(millis);
            }

            @Override
            public long percentile(List<Long> millis, double p) {
                return percentile.of(millis, p);
            }
        };
    }
}
