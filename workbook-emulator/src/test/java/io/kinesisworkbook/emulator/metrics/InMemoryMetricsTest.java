package io.kinesisworkbook.emulator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics store CloudWatch will be served from: per-second statistics summed into any period. */
class InMemoryMetricsTest {

    static final Map<String, String> STREAM = Map.of("StreamName", "clicks");
    static final InMemoryMetrics.SeriesKey INCOMING =
            new InMemoryMetrics.SeriesKey("AWS/Kinesis", "IncomingRecords", STREAM);

    @Test
    void periodsSumTheirSecondsWithSampleCountsAndExtremes() {
        InMemoryMetrics metrics = new InMemoryMetrics();
        long minute = 1_700_000_040_000L; // a whole minute
        metrics.publish("AWS/Kinesis", "IncomingRecords", STREAM, 500, "Count", minute + 1_200);
        metrics.publish("AWS/Kinesis", "IncomingRecords", STREAM, 100, "Count", minute + 1_900);
        metrics.publish("AWS/Kinesis", "IncomingRecords", STREAM, 300, "Count", minute + 59_000);
        metrics.publish("AWS/Kinesis", "IncomingRecords", STREAM, 50, "Count", minute + 61_000);
        metrics.publish("AWS/Kinesis", "IncomingRecords", Map.of("StreamName", "other"), 9, "Count", minute + 1_000);

        List<InMemoryMetrics.Statistics> perMinute = metrics.statistics(INCOMING, minute, minute + 120_000, 60);
        assertThat(perMinute).hasSize(2);
        assertThat(perMinute.get(0).startMillis()).isEqualTo(minute);
        assertThat(perMinute.get(0).sum()).isEqualTo(900);
        assertThat(perMinute.get(0).sampleCount()).isEqualTo(3);
        assertThat(perMinute.get(0).minimum()).isEqualTo(100);
        assertThat(perMinute.get(0).maximum()).isEqualTo(500);
        assertThat(perMinute.get(0).average()).isEqualTo(300);
        assertThat(perMinute.get(1).sum()).isEqualTo(50);

        List<InMemoryMetrics.Statistics> perSecond = metrics.statistics(INCOMING, minute, minute + 2_000, 1);
        assertThat(perSecond).extracting(InMemoryMetrics.Statistics::sum).containsExactly(600.0);
        assertThat(metrics.total("AWS/Kinesis", "IncomingRecords", STREAM)).isEqualTo(950);
        assertThat(metrics.statistics(new InMemoryMetrics.SeriesKey("AWS/Kinesis", "Nothing", STREAM), 0, Long.MAX_VALUE, 60))
                .isEmpty();
    }
}
