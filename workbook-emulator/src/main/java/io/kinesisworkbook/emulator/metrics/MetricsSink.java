package io.kinesisworkbook.emulator.metrics;

import java.util.Map;

/**
 * Where services publish what AWS would meter (bytes and records in and out, latencies, throttles,
 * iterator age), in CloudWatch's terms: a namespace such as {@code AWS/Kinesis}, a metric name,
 * dimensions such as {@code StreamName}, a value and a unit.
 */
public interface MetricsSink {

    /** A sink that keeps nothing. */
    MetricsSink DISCARD = (namespace, metricName, dimensions, value, unit, timestampMillis) -> { };

    void publish(String namespace, String metricName, Map<String, String> dimensions, double value, String unit,
                 long timestampMillis);

    /**
     * Milliseconds since {@code startedNanos} ({@link System#nanoTime()}), to the microsecond: what
     * services publish as a latency or duration, and compact in the store.
     */
    static double millisSince(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1_000.0) / 1_000.0;
    }
}
