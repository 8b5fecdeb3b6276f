package io.kinesisworkbook.emulator.cloudwatch;

import io.kinesisworkbook.emulator.metrics.InMemoryMetrics.SeriesKey;
import java.util.List;
import java.util.Map;

/**
 * A metric alarm: what PutMetricAlarm configured (a metric and statistic, or metric math in
 * {@code metrics}), and its state, which {@link AlarmEvaluator} moves on the emulator's clock.
 * Guarded by the {@link AlarmRegistry}'s lock.
 */
final class MetricAlarm {

    enum State { OK, ALARM, INSUFFICIENT_DATA }

    /** What PutMetricAlarm says; replaced whole when the alarm is put again. */
    record Configuration(String name, String arn, String region, String description, boolean actionsEnabled,
                         List<String> okActions, List<String> alarmActions, List<String> insufficientDataActions,
                         SeriesKey metric, Statistic statistic, int period, String unit, int evaluationPeriods,
                         Integer datapointsToAlarm, double threshold, String comparisonOperator, String treatMissingData,
                         String evaluateLowSampleCountPercentile, List<MetricQuery> metrics, long updatedMillis) {

        boolean isMetricMath() {
            return metrics != null;
        }

        int datapointsNeeded() {
            return datapointsToAlarm == null ? evaluationPeriods : datapointsToAlarm;
        }

        /** The period evaluated: the alarm's, or for metric math the period of the query that returns data. */
        int evaluatedPeriod() {
            if (!isMetricMath()) {
                return period;
            }
            MetricQuery returned = returnedQuery();
            if (returned.period() > 0) {
                return returned.period();
            }
            return metrics.stream().filter(MetricQuery::isMetricStat).mapToInt(MetricQuery::period).min().orElse(60);
        }

        MetricQuery returnedQuery() {
            return metrics.stream().filter(MetricQuery::returnData).findFirst().orElseThrow();
        }

        Configuration withActionsEnabled(boolean enabled, long now) {
            return new Configuration(name, arn, region, description, enabled, okActions, alarmActions,
                    insufficientDataActions, metric, statistic, period, unit, evaluationPeriods, datapointsToAlarm,
                    threshold, comparisonOperator, treatMissingData, evaluateLowSampleCountPercentile, metrics, now);
        }
    }

    Configuration configuration;
    State state = State.INSUFFICIENT_DATA;
    String stateReason = "Unchecked: Initial alarm creation";
    String stateReasonData;
    long stateUpdatedMillis;
    long stateTransitionedMillis;
    /** The next time the alarm is evaluated: evaluations happen at whole multiples of its interval. */
    long nextEvaluationMillis;
    Map<String, String> tags = new java.util.LinkedHashMap<>();

    MetricAlarm(Configuration configuration, long now) {
        this.configuration = configuration;
        this.stateUpdatedMillis = now;
        this.stateTransitionedMillis = now;
        this.nextEvaluationMillis = nextEvaluationAfter(now);
    }

    /**
     * How often CloudWatch evaluates an alarm: every minute, or every period for the
     * high-resolution periods (10, 20 and 30 seconds).
     */
    long evaluationIntervalMillis() {
        int period = configuration.evaluatedPeriod();
        return (period < 60 ? period : 60) * 1000L;
    }

    long nextEvaluationAfter(long millis) {
        long interval = evaluationIntervalMillis();
        return millis - Math.floorMod(millis, interval) + interval;
    }
}
