package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.exercises.E11ConsumerHealth;
import io.kinesisworkbook.exercises.E11ConsumerHealth.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** Feeds E11 metric data as GetMetricData answers it, and puts its alarm to the emulator's CloudWatch. */
class E11ConsumerHealthGrader {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    /** The exercise's methods, so that a trivial-answers test can stand in for the learner's class. */
    interface ConsumerHealth {
        boolean keepsUp(MetricDataResult iteratorAge, Duration maxAge);

        Plan plan(MetricDataResult incomingRecords, int periodSeconds, Duration workPerRecord, int shards);

        PutMetricAlarmRequest iteratorAgeAlarm(String stream, Duration maxAge);
    }

    static ConsumerHealth answer() {
        return TrivialAnswers.answer(ConsumerHealth.class, new ConsumerHealth() {
            @Override
            public boolean keepsUp(MetricDataResult iteratorAge, Duration maxAge) {
                return E11ConsumerHealth.keepsUp(iteratorAge, maxAge);
            }

            @Override
            public Plan plan(MetricDataResult incomingRecords, int periodSeconds, Duration workPerRecord, int shards) {
                return E11ConsumerHealth.plan(incomingRecords, periodSeconds, workPerRecord, shards);
            }

            @Override
            public PutMetricAlarmRequest iteratorAgeAlarm(String stream, Duration maxAge) {
                return E11ConsumerHealth.iteratorAgeAlarm(stream, maxAge);
            }
        });
    }

    @Test
    void aConsumerKeepsUpWhenItsAgeIsLowAndNotGrowing() {
        Duration maxAge = Duration.ofSeconds(10);
        check(true, keepsUp(maxAge, false, 200, 0, 400, 100), "keeps up: ages 200, 0, 400, 100 ms", "low and not growing");
        check(true, keepsUp(maxAge, false, 30_000, 20_000, 9_000, 2_000), "keeps up again: ages falling from 30 s to 2 s",
                "the newest age counts, and it is below maxAge and below the oldest");
        check(false, keepsUp(maxAge, false, 0, 1_000, 2_000, 3_000), "falls behind: ages 0, 1, 2, 3 s",
                "under maxAge, but growing: newest above oldest");
        check(false, keepsUp(maxAge, false, 50_000, 40_000, 30_000), "too far behind: ages 50, 40, 30 s", "the newest is above maxAge");
    }

    @Test
    void theOrderOfTheAnswerDoesNotDecide() {
        Duration maxAge = Duration.ofSeconds(10);
        check(false, keepsUp(maxAge, true, 0, 1_000, 2_000, 3_000),
                "falls behind: ages 0, 1, 2, 3 s, answered newest first (GetMetricData's default)",
                "find the newest and oldest by timestamp, not by position");
        check(true, keepsUp(maxAge, true, 30_000, 20_000, 9_000, 2_000), "keeps up: falling ages answered newest first",
                "find the newest and oldest by timestamp, not by position");
        check(false, attempt(() -> answer().keepsUp(series(false), maxAge), "no data: false"),
                "no iterator age at all", "nobody reads: it does not keep up");
    }

    @Test
    void workersForTheBusiestPeriodAndAShardForEachWorker() {
        MetricDataResult perMinute = series(false, 6_000, 9_000, 7_200);      // busiest: 150 records a second
        check(new Plan(3, 4), attempt(() -> answer().plan(perMinute, 60, Duration.ofMillis(20), 4), "ceil(rate x work)"),
                "plan for 150 records/s at 20 ms a record on 4 shards", "150 x 0.020 = 3 workers; 4 shards are enough");
        check(new Plan(8, 8), attempt(() -> answer().plan(perMinute, 60, Duration.ofMillis(50), 4), "a shard per worker"),
                "plan for 150 records/s at 50 ms a record on 4 shards", "150 x 0.050 = 7.5: 8 workers need 8 shards");
        MetricDataResult perSecond = series(false, 40, 100, 90);
        check(new Plan(1, 2), attempt(() -> answer().plan(perSecond, 1, Duration.ofMillis(10), 2), "at least one worker"),
                "plan for 100 records/s at 10 ms a record on 2 shards", "100 x 0.010 = 1 worker");
        check(new Plan(1, 1), attempt(() -> answer().plan(series(false), 60, Duration.ofMillis(10), 1), "at least one"),
                "plan without traffic", "at least one worker");
    }

    @Test
    void theAlarmWatchesTheMaximumAgeOfTheStreamAndCloudWatchTakesIt() {
        PutMetricAlarmRequest request = attempt(() -> answer().iteratorAgeAlarm("orders", Duration.ofMinutes(2)),
                "PutMetricAlarmRequest.builder()...");
        check("orders-iterator-age", request.alarmName(), "alarm name", "stream + \"-iterator-age\"");
        check("AWS/Kinesis", request.namespace(), "namespace", "Kinesis stream metrics live in AWS/Kinesis");
        check("GetRecords.IteratorAgeMilliseconds", request.metricName(), "metric", "the iterator age of GetRecords");
        check(List.of(Dimension.builder().name("StreamName").value("orders").build()), request.dimensions(), "dimensions",
                "one dimension: StreamName");
        check(Statistic.MAXIMUM, request.statistic(), "statistic", "the slowest reader matters: Maximum");
        check(120_000.0, request.threshold(), "threshold", "milliseconds");
        check(ComparisonOperator.GREATER_THAN_THRESHOLD, request.comparisonOperator(), "comparison", "greater than the threshold");
        check(List.of(60, 5, 3), java.util.Arrays.asList(request.period(), request.evaluationPeriods(), request.datapointsToAlarm()),
                "period, evaluation periods, datapoints to alarm", "3 of the last 5 one-minute periods");
        check("breaching", request.treatMissingData(), "missing data", "no reads at all: breaching");

        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults());
             CloudWatchClient cloudWatch = CloudWatchClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("grader", "grader"))).build()) {
            cloudWatch.putMetricAlarm(request);
            List<MetricAlarm> alarms = cloudWatch.describeAlarmsForMetric(b -> b.namespace("AWS/Kinesis")
                    .metricName("GetRecords.IteratorAgeMilliseconds")
                    .dimensions(Dimension.builder().name("StreamName").value("orders").build())).metricAlarms();
            check(1, alarms.size(), "alarms CloudWatch finds for the stream's iterator age", "the metric and dimension as above");
        }
    }

    private static boolean keepsUp(Duration maxAge, boolean newestFirst, double... agesOldestFirst) {
        return attempt(() -> answer().keepsUp(series(newestFirst, agesOldestFirst), maxAge),
                "the newest datapoint by timestamp: at most maxAge, and not above the oldest");
    }

    /** A result as GetMetricData answers it: a datapoint a minute from T0, oldest first or newest first. */
    private static MetricDataResult series(boolean newestFirst, double... valuesOldestFirst) {
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < valuesOldestFirst.length; i++) {
            times.add(T0.plusSeconds(60L * i));
            values.add(valuesOldestFirst[i]);
        }
        if (newestFirst) {
            java.util.Collections.reverse(times);
            java.util.Collections.reverse(values);
        }
        return MetricDataResult.builder().id("m0").label("GetRecords.IteratorAgeMilliseconds").timestamps(times).values(values)
                .statusCode("Complete").build();
    }
}
