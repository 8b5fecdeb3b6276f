package io.kinesisworkbook.lib.consumer;

/**
 * How long records took from PutRecord to their consumers, in one run of {@link PutToReadLatency}.
 *
 * @param consumers    how many consumers read the shard
 * @param deliveries   records received, all consumers together
 * @param medianMillis half the records reached their consumer within this many milliseconds
 * @param p90Millis    nine in ten within this many
 */
public record ConsumerLatency(int consumers, int deliveries, double medianMillis, double p90Millis) {
}
