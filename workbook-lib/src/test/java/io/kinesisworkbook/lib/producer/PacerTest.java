package io.kinesisworkbook.lib.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void makesExactlyRateTimesDurationEventsNoneBeforeItsTime() {
        List<Long> startedNanos = new ArrayList<>();
        long start = System.nanoTime();

        int made = Pacer.perSecond(100).run(Duration.ofMillis(300), n -> startedNanos.add(System.nanoTime() - start));

        assertThat(made).isEqualTo(30);
        assertThat(startedNanos).hasSize(30);
        for (int n = 0; n < startedNanos.size(); n++) {
            assertThat(startedNanos.get(n)).as("event %d waits for its due time", n).isGreaterThanOrEqualTo(n * 10_000_000L);
        }
    }

    @Test
    void aLateActionIsCaughtUpInsteadOfDroppingOrDelayingTheRest() {
        List<Integer> seen = new ArrayList<>();
        long start = System.nanoTime();

        int made = Pacer.perSecond(200).run(Duration.ofMillis(250), n -> {
            seen.add(n);
            if (n == 0) {
                sleep(100);    // twenty events late
            }
        });

        assertThat(made).isEqualTo(50);
        assertThat(seen).hasSize(50).isSorted();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the delay is absorbed, not added").isLessThan(Duration.ofMillis(340 + 500));
    }

    @Test
    void inTheBackgroundTheFutureCarriesTheCountOrTheFailure() throws Exception {
        CompletableFuture<Integer> counted = Pacer.perSecond(50).runInBackground(Duration.ofMillis(100), n -> { });
        CompletableFuture<Integer> failed = Pacer.perSecond(50).runInBackground(Duration.ofMillis(100), n -> {
            throw new IllegalStateException("producer broke");
        });

        assertThat(counted.get(5, TimeUnit.SECONDS)).isEqualTo(5);
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("producer broke");
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> Pacer.perSecond(0)).hasMessageContaining("positive rate");
        assertThat(Pacer.perSecond(100).eventsIn(Duration.ofSeconds(15))).isEqualTo(1_500);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
