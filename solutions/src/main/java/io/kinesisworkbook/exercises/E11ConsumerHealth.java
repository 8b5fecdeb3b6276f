package io.kinesisworkbook.exercises;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * Exercise 11 (notebook 11-monitoring): read a stream's metrics as GetMetricData answers them,
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
        List<Instant> times = iteratorAge.timestamps();
        List<Double> ages = iteratorAge.values();
        if (ages.isEmpty()) {
            return false;
        }
        int newest = 0;
        int oldest = 0;
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i).isAfter(times.get(newest))) {
                newest = i;
            }
            if (times.get(i).isBefore(times.get(oldest))) {
                oldest = i;
            }
        }
        return ages.get(newest) <= maxAge.toMillis() && ages.get(newest) <= ages.get(oldest);
    }

    /**
     * How to scale a consumer whose every worker spends {@code workPerRecord} on a record, from the
     * stream's {@code IncomingRecords} (Sum per period of {@code periodSeconds}): enough workers for
     * the busiest period's rate (records a second = that period's sum / periodSeconds; workers =
     * ceil(rate x seconds of work per record), at least one), and since a worker reads at least one
     * shard, at least as many shards as workers (never fewer than the {@code shards} it has).
     */
    public static Plan plan(MetricDataResult incomingRecords, int periodSeconds, Duration workPerRecord, int shards) {
        double busiest = incomingRecords.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double perSecond = busiest / periodSeconds;
        int workers = Math.max(1, (int) Math.ceil(perSecond * workPerRecord.toNanos() / 1e9 - 1e-9));
        return new Plan(workers, Math.max(shards, workers));
    }

    /**
     * The alarm that says {@code stream}'s consumers fall behind: on AWS/Kinesis's
     * {@code GetRecords.IteratorAgeMilliseconds} for the stream (dimension StreamName), its
     * Maximum over one-minute periods greater than {@code maxAge} (in milliseconds) in 3 of the
     * last 5 periods; missing data counts as breaching (no reads at all is a consumer that stopped).
     * Name it {@code stream + "-iterator-age"}.
     */
    public static PutMetricAlarmRequest iteratorAgeAlarm(String stream, Duration maxAge) {
        return PutMetricAlarmRequest.builder()
                .alarmName(stream + "-iterator-age")
                .namespace("AWS/Kinesis")
                .metricName("GetRecords.IteratorAgeMilliseconds")
                .dimensions(Dimension.builder().name("StreamName").value(stream).build())
                .statistic(Statistic.MAXIMUM)
                .period(60)
                .evaluationPeriods(5)
                .datapointsToAlarm(3)
                .threshold((double) maxAge.toMillis())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData("breaching")
                .build();
    }
}
