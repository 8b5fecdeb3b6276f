package io.kinesisworkbook.lib.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.ManualClock;
import io.kinesisworkbook.lib.LocalAws;
import io.kinesisworkbook.lib.streams.Streams;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The probe against an emulator whose clock stands still: its buckets never refill, so each shard
 * accepts exactly its one second's worth (1,000 records) and throttles the rest, whatever the speed of
 * the machine running the test.
 */
class WriteProbeTest {

    @Test
    void oneKeyGetsOneShardsWorthAndSpreadKeysGetMore() {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions().withClock(new ManualClock()))) {
            new Streams(aws.kinesis).create("probed", 4);
            WriteProbe probe = WriteProbe.on(aws.kinesis, "probed").restFirst(Duration.ZERO).window(Duration.ofMillis(100));

            WriteProbe.Result hot = probe.run(Duration.ofMillis(400), n -> "the-one-busy-user");
            WriteProbe.Result spread = WriteProbe.on(aws.kinesis, "probed").restFirst(Duration.ZERO)
                    .run(Duration.ofSeconds(1), n -> "user-" + n);

            assertThat(hot.accepted()).as("one shard's bucket, and not a record more").isEqualTo(1_000);
            assertThat(hot.throttled()).isPositive();
            assertThat((hot.accepted() + hot.throttled()) % 500).as("whole calls of 500 records").isZero();
            assertThat(spread.accepted()).as("the other three shards' buckets, at most")
                    .isGreaterThan(hot.accepted()).isLessThanOrEqualTo(3_000);
            assertThat(hot.windowStarts()).startsWith(0.0).isSorted();
            assertThat(hot.acceptedPerSecondByWindow()).hasSameSizeAs(hot.windowStarts());
            assertThat(hot.acceptedPerSecond()).isEqualTo(hot.accepted() / hot.seconds());
            assertThat(hot.acceptedByShard()).as("one key, one shard").hasSize(1).containsValue(1_000L);
            assertThat(spread.acceptedByShard()).as("the hot key's shard has nothing left").hasSize(3);
            assertThat(hot.acceptedPerSecondFrom(0)).isEqualTo(hot.acceptedPerSecond());
            assertThat(hot.acceptedPerSecondFrom(10)).as("no window starts that late").isZero();
        }
    }
}
