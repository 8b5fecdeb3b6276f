package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.exercises.E11ConsumerHealth.Plan;
import io.kinesisworkbook.graders.E11ConsumerHealthGrader.ConsumerHealth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** E11's grader fails on answers that ignore the timestamps, the busiest period or what the alarm watches. */
class E11ConsumerHealthTrivialAnswersTest {

    @Test
    void alwaysFineAndNothingToScale() {
        mustFail(E11ConsumerHealthGrader.class, ConsumerHealth.class, "always keeps up; one worker on today's shards; "
                + "an alarm with a name only", health((ages, max) -> true, (in, period, work, shards) -> new Plan(1, shards),
                        (stream, max) -> PutMetricAlarmRequest.builder().alarmName(stream + "-iterator-age").build()));
    }

    @Test
    void theLastValueIsTheNewestAndTheAverageRateWillDo() {
        mustFail(E11ConsumerHealthGrader.class, ConsumerHealth.class, "the last value taken as the newest; workers for "
                + "the average period; the Average age over five minutes", health(
                        (ages, max) -> {
                            List<Double> values = ages.values();
                            return !values.isEmpty() && values.get(values.size() - 1) <= max.toMillis()
                                    && values.get(values.size() - 1) <= values.get(0);
                        },
                        (in, period, work, shards) -> {
                            double average = in.values().stream().mapToDouble(Double::doubleValue).average().orElse(0) / period;
                            int workers = Math.max(1, (int) Math.ceil(average * work.toMillis() / 1000.0));
                            return new Plan(workers, Math.max(shards, workers));
                        },
                        (stream, max) -> PutMetricAlarmRequest.builder().alarmName(stream + "-iterator-age")
                                .namespace("AWS/Kinesis").metricName("GetRecords.IteratorAgeMilliseconds")
                                .statistic(Statistic.AVERAGE).period(300).evaluationPeriods(1)
                                .threshold((double) max.toMillis()).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                                .build()));
    }

    private interface KeepsUp {
        boolean of(MetricDataResult iteratorAge, Duration maxAge);
    }

    private interface Planner {
        Plan of(MetricDataResult incomingRecords, int periodSeconds, Duration workPerRecord, int shards);
    }

    private interface Alarm {
        PutMetricAlarmRequest of(String stream, Duration maxAge);
    }

    private static ConsumerHealth health(KeepsUp keepsUp, Planner planner, Alarm alarm) {
        return new ConsumerHealth() {
            @Override
            public boolean keepsUp(MetricDataResult iteratorAge, Duration maxAge) {
                return keepsUp.of(iteratorAge, maxAge);
            }

            @Override
            public Plan plan(MetricDataResult incomingRecords, int periodSeconds, Duration workPerRecord, int shards) {
                return planner.of(incomingRecords, periodSeconds, workPerRecord, shards);
            }

            @Override
            public PutMetricAlarmRequest iteratorAgeAlarm(String stream, Duration maxAge) {
                return alarm.of(stream, maxAge);
            }
        };
    }
}
