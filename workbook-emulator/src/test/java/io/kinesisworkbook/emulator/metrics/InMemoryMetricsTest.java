package io.kinesisworkbook.emulator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kinesisworkbook.emulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics store CloudWatch is served from: per-second statistics summed into any period. */
class InMemoryMetricsTest {

    static final Map<String, String> STREAM = Map.of("StreamName", "clicks");
    static final InMemoryMetrics.SeriesKey INCOMING =
            new InMemoryMetrics.SeriesKey("AWS/Kinesis", "IncomingRecords", STREAM);
    static final long MINUTE = 1_700_000_040_000L; // a whole minute

    final ManualClock clock = new ManualClock(Instant.ofEpochMilli(MINUTE + 120_000));
    final InMemoryMetrics metrics = new InMemoryMetrics(clock, InMemoryMetrics.DEFAULT_RETENTION);

    @Test
    void periodsSumTheirSecondsWithSampleCountsAndExtremes() {
        metrics.publish("AWS/Kinesis", "IncomingRecords", STREAM, 500, "Count", MINUTE + 1_200);
        metrics.publish("AWS/Kinesis", "IncomingRecords", STREAM, 100, "Count", MINUTE + 1_900);
        metrics.publish("AWS/Kinesis", "IncomingRecords", STREAM, 300, "Count", MINUTE + 59_000);
        metrics.publish("AWS/Kinesis", "IncomingRecords", STREAM, 50, "Count", MINUTE + 61_000);
        metrics.publish("AWS/Kinesis", "IncomingRecords", Map.of("StreamName", "other"), 9, "Count", MINUTE + 1_000);

        List<InMemoryMetrics.Statistics> perMinute = metrics.statistics(INCOMING, MINUTE, MINUTE + 120_000, 60);
        assertThat(perMinute).hasSize(2);
        assertThat(perMinute.get(0).startMillis()).isEqualTo(MINUTE);
        assertThat(perMinute.get(0).sum()).isEqualTo(900);
        assertThat(perMinute.get(0).sampleCount()).isEqualTo(3);
        assertThat(perMinute.get(0).minimum()).isEqualTo(100);
        assertThat(perMinute.get(0).maximum()).isEqualTo(500);
        assertThat(perMinute.get(0).average()).isEqualTo(300);
        assertThat(perMinute.get(1).sum()).isEqualTo(50);

        List<InMemoryMetrics.Statistics> perSecond = metrics.statistics(INCOMING, MINUTE, MINUTE + 2_000, 1);
        assertThat(perSecond).extracting(InMemoryMetrics.Statistics::sum).containsExactly(600.0);
        assertThat(metrics.total("AWS/Kinesis", "IncomingRecords", STREAM)).isEqualTo(950);
        assertThat(metrics.statistics(new InMemoryMetrics.SeriesKey("AWS/Kinesis", "Nothing", STREAM), 0, Long.MAX_VALUE, 60))
                .isEmpty();
    }

    @Test
    void sealedMinutesAnswerExactlyAsOpenOnes() {
        double[] values = {1, 2.5, 0.001, 1234.567, -7, 1e20, Math.PI, 0};
        for (int second = 0; second < 60; second++) {
            for (int i = 0; i <= second % 4; i++) {
                metrics.putValue(INCOMING, "Count", MINUTE + second * 1000L + i, values[(second + i) % values.length], 1);
            }
        }
        List<InMemoryMetrics.Statistics> open = metrics.statistics(INCOMING, "Count", MINUTE, MINUTE + 60_000, 1, true);
        // data two minutes later seals the first minute into bytes
        metrics.putValue(INCOMING, "Count", MINUTE + 121_000, 1, 1);
        List<InMemoryMetrics.Statistics> sealed = metrics.statistics(INCOMING, "Count", MINUTE, MINUTE + 60_000, 1, true);

        assertThat(sealed).hasSize(60);
        for (int i = 0; i < 60; i++) {
            assertThat(sealed.get(i)).usingRecursiveComparison().ignoringFields("distribution").isEqualTo(open.get(i));
            assertThat(sealed.get(i).percentile(50)).isEqualTo(open.get(i).percentile(50));
        }
    }

    @Test
    void percentilesComeWithinOnePercentOfTheTrueValue() {
        for (int i = 1; i <= 1000; i++) {
            metrics.putValue(INCOMING, "Milliseconds", MINUTE + (i % 60) * 1000L, i, 1);
        }
        InMemoryMetrics.Statistics minute = metrics.statistics(INCOMING, "Milliseconds", MINUTE, MINUTE + 60_000, 60, true).get(0);
        assertThat(minute.percentile(50)).isCloseTo(500, within(5.0));
        assertThat(minute.percentile(90)).isCloseTo(900, within(9.0));
        assertThat(minute.percentile(99)).isCloseTo(990, within(9.9));
        assertThat(minute.percentile(100)).isEqualTo(1000);
    }

    @Test
    void statisticSetsHaveNoPercentilesUnlessTheirValuesAreEqual() {
        metrics.putStatistics(INCOMING, "Count", MINUTE, 10, 55, 1, 10);
        assertThat(metrics.statistics(INCOMING, "Count", MINUTE, MINUTE + 60_000, 60, true).get(0).percentile(50)).isNaN();

        metrics.putStatistics(INCOMING, "Count", MINUTE + 60_000, 4, 20, 5, 5);
        InMemoryMetrics.Statistics equal = metrics.statistics(INCOMING, "Count", MINUTE + 60_000, MINUTE + 120_000, 60, true).get(0);
        assertThat(equal.percentile(90)).isEqualTo(5);
        assertThat(equal.sampleCount()).isEqualTo(4);
    }

    @Test
    void unitsAreKeptApartAndDataOlderThanTheRetentionIsDropped() {
        metrics.putValue(INCOMING, "Seconds", MINUTE, 1, 1);
        metrics.putValue(INCOMING, "Count", MINUTE, 5, 1);
        assertThat(metrics.units(INCOMING)).containsExactly("Count", "Seconds");
        assertThat(metrics.statistics(INCOMING, "Seconds", MINUTE, MINUTE + 60_000, 60, false))
                .extracting(InMemoryMetrics.Statistics::sum).containsExactly(1.0);

        clock.advance(InMemoryMetrics.DEFAULT_RETENTION.plus(Duration.ofMinutes(2)));
        assertThat(metrics.statistics(INCOMING, "Seconds", MINUTE, MINUTE + 60_000, 60, false)).isEmpty();
        metrics.putValue(INCOMING, "Count", MINUTE, 5, 1); // too old to keep
        metrics.putValue(INCOMING, "Count", clock.millis(), 1, 1);
        assertThat(metrics.total("AWS/Kinesis", "IncomingRecords", STREAM)).isEqualTo(1);
    }
}
