package io.kinesisworkbook.exercises;

import java.time.Duration;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/**
 * Your exercise. Read the Javadoc of each method, replace the TODO, and run {@code ./workbook grade}.
 *
 * <p>Exercise 11 (notebook 11-monitoring): read a stream's metrics as GetMetricData answers them,
 * decide whether its consumer keeps up, how far to scale it, and which alarm watches it.
 */
public final class E11ConsumerHealth {

    /** How many workers and shards a consumer should run with. */
    public record Plan(int workers, int shards) {
    }

    private E11ConsumerHealth() {
    }

    /**
     * Whether a consumer keeps up, from its {@code GetRecords.IteratorAgeMilliseconds} (Maximum per
     * period) as one {@link MetricDataResult} holds it: timestamps and values side by side, newest
     * first by default (GetMetricData's ScanBy), but do not count on the order. It keeps up when its
     * newest age is at most {@code maxAge} and no higher than its oldest age in the result (the age
     * is not growing). No data at all: nobody reads, so it does not keep up.
     */
    public static boolean keepsUp(MetricDataResult iteratorAge, Duration maxAge) {
        // TODO: find the newest and the oldest datapoint by timestamp; compare the newest with maxAge and with the oldest.
        throw new UnsupportedOperationException("TODO: exercise E11, keepsUp");
    }

    /**
     * How to scale a consumer whose every worker spends {@code workPerRecord} on a record, from the
     * stream's {@code IncomingRecords} (Sum per period of {@code periodSeconds}): enough workers for
     * the busiest period's rate (records a second = that period's sum / periodSeconds; workers =
     * ceil(rate x seconds of work per record), at least one), and since a worker reads at least one
     * shard, at least as many shards as workers (never fewer than the {@code shards} it has).
     */
    public static Plan plan(MetricDataResult incomingRecords, int periodSeconds, Duration workPerRecord, int shards) {
        // TODO: the busiest period's sum / periodSeconds is records a second; times the work per record in seconds, rounded up.
        throw new UnsupportedOperationException("TODO: exercise E11, plan");
    }

    /**
     * The alarm that says {@code stream}'s consumers fall behind: on AWS/Kinesis's
     * {@code GetRecords.IteratorAgeMilliseconds} for the stream (dimension StreamName), its
     * Maximum over one-minute periods greater than {@code maxAge} (in milliseconds) in 3 of the
     * last 5 periods; missing data counts as breaching (no reads at all is a consumer that stopped).
     * Name it {@code stream + "-iterator-age"}.
     */
    public static PutMetricAlarmRequest iteratorAgeAlarm(String stream, Duration maxAge) {
        // TODO: PutMetricAlarmRequest.builder() with the namespace, metric, dimension, statistic, period, threshold...
        throw new UnsupportedOperationException("TODO: exercise E11, iteratorAgeAlarm");
    }
}
