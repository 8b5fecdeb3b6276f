package io.kinesisworkbook.lib.metrics;

import io.kinesisworkbook.lib.backend.Backend;
import java.time.Duration;

/**
 * The period a stream's metrics are read at, chosen per backend.
 *
 * <p>AWS publishes AWS/Kinesis stream metrics once a minute, so a period under 60 seconds shows
 * nothing more there (and some minutes are still missing for a few minutes after they end). The
 * embedded emulator publishes them every second, so a demo sees a graph move within seconds.
 * LocalStack and Floci publish none at all; they get AWS's minute, for what it is worth.
 *
 * <p>Alarms are evaluated at least every 10 seconds (CloudWatch's shortest alarm period, for
 * high-resolution metrics), and once a minute on AWS's minute metrics.
 *
 * @param seconds the period, in seconds
 */
public record MetricPeriod(int seconds) {

    public static final MetricPeriod ONE_SECOND = new MetricPeriod(1);
    public static final MetricPeriod ONE_MINUTE = new MetricPeriod(60);

    public MetricPeriod {
        if (seconds < 1) {
            throw new IllegalArgumentException("A period is at least one second, got " + seconds);
        }
    }

    /** 1 second on the embedded emulator, 1 minute elsewhere. */
    public static MetricPeriod forBackend(Backend backend) {
        return backend == Backend.EMBEDDED ? ONE_SECOND : ONE_MINUTE;
    }

    /** The period of an alarm on this data: 10 seconds for per-second data, else the period itself. */
    public int alarmSeconds() {
        return seconds < 10 ? 10 : seconds;
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    /** Whether a backend publishes AWS/Kinesis stream metrics at all: AWS and the embedded emulator do. */
    public static boolean publishedBy(Backend backend) {
        return backend == Backend.EMBEDDED || backend == Backend.AWS;
    }

    /** "1 s", "1 min", "5 min". */
    @Override
    public String toString() {
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
