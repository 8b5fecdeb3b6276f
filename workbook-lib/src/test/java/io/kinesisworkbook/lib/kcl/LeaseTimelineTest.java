package io.kinesisworkbook.lib.kcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.view.TimeSeriesChart;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The lease timeline over a lease table that a test changes by hand. */
class LeaseTimelineTest {

    private final AtomicReference<List<LeaseRow>> table = new AtomicReference<>(List.of(
            lease("shardId-0", "worker-1", "100"), lease("shardId-1", "worker-1", "200"),
            lease("shardId-2", "worker-1", "SHARD_END"), lease("shardId-3", "", "TRIM_HORIZON")));

    @Test
    void countsTheLeasesEachWorkerHoldsOnShardsStillBeingRead() {
        try (LeaseTimeline timeline = LeaseTimeline.start(table::get, Duration.ofMillis(10))) {
            assertThat(timeline.heldBy("worker-1")).as("SHARD_END and ownerless leases do not count").isEqualTo(2);
            assertThat(timeline.heldBy("worker-2")).isZero();

            timeline.mark("worker-2 starts");
            table.set(List.of(lease("shardId-0", "worker-1", "100"), lease("shardId-1", "worker-2", "200"),
                    lease("shardId-3", "worker-2", "TRIM_HORIZON")));
            timeline.awaitHeld("worker-2", 2, Duration.ofSeconds(10));
            assertThat(timeline.heldBy("worker-1")).isEqualTo(1);
            assertThat(timeline.workers()).containsExactlyInAnyOrder("worker-1", "worker-2");

            TimeSeriesChart chart = timeline.chart("leases");
            assertThat(chart.seriesNames()).containsExactly("worker-1", "worker-2", "worker-2 starts");
            assertThat(chart.png()).isNotEmpty();
        }
    }

    @Test
    void givesUpSayingWhatItWaitedFor() {
        try (LeaseTimeline timeline = LeaseTimeline.start(table::get, Duration.ofMillis(10))) {
            assertThatThrownBy(() -> timeline.awaitHeld("worker-9", 1, Duration.ofMillis(200)))
                    .isInstanceOf(WorkbookException.class).hasMessageContaining("worker-9 to hold 1 leases");
        }
    }

    @Test
    void aFailingLeaseTableStopsTheWaitWithItsError() {
        AtomicReference<Boolean> fail = new AtomicReference<>(false);
        try (LeaseTimeline timeline = LeaseTimeline.start(() -> {
            if (fail.get()) {
                throw new IllegalStateException("table gone");
            }
            return table.get();
        }, Duration.ofMillis(10))) {
            fail.set(true);
            assertThatThrownBy(() -> timeline.awaitHeld("worker-2", 2, Duration.ofSeconds(10)))
                    .hasMessageContaining("table gone");
        }
    }

    static LeaseRow lease(String shard, String owner, String checkpoint) {
        return new LeaseRow(shard, owner, checkpoint, 1, "", "", "", 0);
    }
}
