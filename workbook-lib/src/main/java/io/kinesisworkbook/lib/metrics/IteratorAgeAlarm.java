package io.kinesisworkbook.lib.metrics;

import io.kinesisworkbook.lib.Wait;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The alarm every stream with consumers deserves: the oldest record a GetRecords call returned
 * ({@code GetRecords.IteratorAgeMilliseconds}, Maximum) above a threshold means some consumer falls
 * behind its producers, and, past the retention period, loses data.
 *
 * <pre>{@code
 * IteratorAgeAlarm alarm = aws.metrics("clicks").iteratorAgeAlarm("clicks-consumers-behind")
 *         .above(Duration.ofSeconds(3)).create();
 * alarm.waitFor(StateValue.ALARM, Duration.ofMinutes(2));
 * Show.table(alarm.history());
 * }</pre>
 *
 * <p>It is evaluated every {@link MetricPeriod#alarmSeconds()} seconds (10 on the embedded emulator's
 * per-second data, 60 on AWS) on the Maximum of that period. Missing data (no consumer called
 * GetRecords at all) is treated as missing, CloudWatch's default: the alarm keeps its state.
 */
public final class IteratorAgeAlarm {

    /** Characters a line of {@link #summary()} holds at most: what a code block on a slide shows. */
    static final int WRAP = 90;

    private final CloudWatchClient cloudWatch;
    private final String name;
    private final Duration threshold;

    private IteratorAgeAlarm(CloudWatchClient cloudWatch, String name, Duration threshold) {
        this.cloudWatch = cloudWatch;
        this.name = name;
        this.threshold = threshold;
    }

    public String name() {
        return name;
    }

    public Duration threshold() {
        return threshold;
    }

    /** OK, ALARM or INSUFFICIENT_DATA, as CloudWatch evaluates it now. */
    public StateValue state() {
        return describe().stateValue();
    }

    public boolean isInAlarm() {
        return state() == StateValue.ALARM;
    }

    public boolean isOk() {
        return state() == StateValue.OK;
    }

    /** Why the alarm is in its state, in CloudWatch's words ("Threshold Crossed: 1 datapoint [...]"). */
    public String reason() {
        return describe().stateReason();
    }

    /**
     * The state and CloudWatch's reason, wrapped at {@value #WRAP} characters so that it reads on a
     * slide: "consumers-behind: ALARM" and "Threshold Crossed: 1 out of the last 1 datapoints [...]".
     */
    public String summary() {
        MetricAlarm alarm = describe();
        return name + ": " + alarm.stateValue() + "\n" + wrap(alarm.stateReason());
    }

    /** Waits, asking once a second, until the alarm is in {@code state}; returns how long that took. */
    public Duration waitFor(StateValue state, Duration timeout) {
        return Wait.until("alarm " + name + " to be " + state, timeout, Duration.ofSeconds(1), () -> state() == state);
    }

    /** The alarm's state changes, oldest first: when, the summary ("Alarm updated from OK to ALARM"), and why. */
    public Table history() {
        List<AlarmHistoryItem> items = cloudWatch.describeAlarmHistory(b -> b.alarmName(name)
                .historyItemType(HistoryItemType.STATE_UPDATE)).alarmHistoryItems().stream()
                .sorted(Comparator.comparing(AlarmHistoryItem::timestamp)).toList();
        DateTimeColumn time = DateTimeColumn.create("time (UTC)");
        StringColumn summary = StringColumn.create("change");
        for (AlarmHistoryItem item : items) {
            time.append(LocalDateTime.ofInstant(item.timestamp(), ZoneOffset.UTC));
            summary.append(item.historySummary());
        }
        return Table.create("History of " + name, time, summary);
    }

    /** The states the alarm went through, oldest first, after its first: [OK, ALARM, OK]. */
    public List<String> states() {
        return history().stringColumn("change").asList().stream()
                .map(change -> change.substring(change.lastIndexOf(' ') + 1)).toList();
    }

    public void delete() {
        cloudWatch.deleteAlarms(b -> b.alarmNames(name));
    }

    /** Breaks {@code text} into lines of at most {@value #WRAP} characters, between words. */
    static String wrap(String text) {
        StringBuilder wrapped = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > WRAP) {
                wrapped.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                wrapped.append(' ');
                lineLength++;
            }
            wrapped.append(word);
            lineLength += word.length();
        }
        return wrapped.toString();
    }

    private MetricAlarm describe() {
        List<MetricAlarm> alarms = cloudWatch.describeAlarms(b -> b.alarmNames(name)).metricAlarms();
        if (alarms.isEmpty()) {
            throw new IllegalStateException("Alarm " + name + " does not exist (deleted?)");
        }
        return alarms.get(0);
    }

    /** What the alarm watches and when it fires. */
    public static final class Builder {
        private final CloudWatchClient cloudWatch;
        private final String stream;
        private final MetricPeriod period;
        private final String name;
        private Duration threshold = Duration.ofMinutes(1);
        private int evaluationPeriods = 1;

        Builder(CloudWatchClient cloudWatch, String stream, MetricPeriod period, String name) {
            this.cloudWatch = cloudWatch;
            this.stream = stream;
            this.period = period;
            this.name = name;
        }

        /** Fires when the iterator age is above this (default one minute). */
        public Builder above(Duration age) {
            this.threshold = age;
            return this;
        }

        /** How many periods in a row must breach (default one). */
        public Builder forPeriods(int periods) {
            if (periods < 1) {
                throw new IllegalArgumentException("An alarm evaluates at least one period, not " + periods);
            }
            this.evaluationPeriods = periods;
            return this;
        }

        /** Puts the alarm (or updates it, if one of this name exists). */
        public IteratorAgeAlarm create() {
            cloudWatch.putMetricAlarm(b -> b.alarmName(name)
                    .alarmDescription("Consumers of " + stream + " are more than " + threshold.toMillis() + " ms behind")
                    .namespace(StreamMetric.NAMESPACE).metricName(StreamMetric.ITERATOR_AGE.metricName())
                    .dimensions(Dimension.builder().name("StreamName").value(stream).build())
                    .statistic(Statistic.MAXIMUM).period(period.alarmSeconds())
                    .evaluationPeriods(evaluationPeriods).datapointsToAlarm(evaluationPeriods)
                    .threshold((double) threshold.toMillis())
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .treatMissingData("missing"));
            return new IteratorAgeAlarm(cloudWatch, name, threshold);
        }
    }
}
