package io.kinesisworkbook.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** Alarms through the SDK, evaluated on the emulator's clock as it is moved. */
class CloudWatchAlarmsTest extends CloudWatchTestBase {

    private static final Dimension STREAM = Dimension.builder().name("StreamName").value("clicks").build();

    /** Puts one high-resolution value now, and moves the clock one second on. */
    private void putAge(String namespace, double value) {
        cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(MetricDatum.builder().metricName("Age")
                .dimensions(STREAM).value(value).storageResolution(1).timestamp(clock.now()).build()));
        clock.advance(Duration.ofSeconds(1));
    }

    private void putFor(String namespace, int seconds, double value) {
        for (int i = 0; i < seconds; i++) {
            putAge(namespace, value);
        }
    }

    private PutMetricAlarmRequest.Builder ageAlarm(String name, String namespace) {
        return PutMetricAlarmRequest.builder().alarmName(name).namespace(namespace).metricName("Age").dimensions(STREAM)
                .statistic(Statistic.MAXIMUM).period(10).evaluationPeriods(3).datapointsToAlarm(2).threshold(5000.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD);
    }

    private MetricAlarm alarm(String name) {
        return cloudWatch.describeAlarms(b -> b.alarmNames(name)).metricAlarms().get(0);
    }

    @Test
    void anAlarmGoesToAlarmWhenEnoughDatapointsBreachAndBackToOk() {
        String namespace = newNamespace();
        cloudWatch.putMetricAlarm(ageAlarm("age-high", namespace).build());
        MetricAlarm created = alarm("age-high");
        assertThat(created.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(created.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(created.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:age-high");

        putFor(namespace, 30, 1000);
        assertThat(alarm("age-high").stateValue()).isEqualTo(StateValue.OK);
        // OK as soon as two periods are in: no third can make two of three breach
        assertThat(alarm("age-high").stateReason()).matches("Threshold Crossed: 2 out of the last 2 datapoints "
                + "\\[1000\\.0 \\(\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d\\), 1000\\.0 .*\\] were not greater than the "
                + "threshold \\(5000\\.0\\) \\(minimum 2 datapoints for ALARM -> OK transition\\)\\.");

        putFor(namespace, 10, 9000);
        assertThat(alarm("age-high").stateValue()).as("one breaching period of the two needed").isEqualTo(StateValue.OK);
        putFor(namespace, 10, 9000);
        MetricAlarm alarmed = alarm("age-high");
        assertThat(alarmed.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarmed.stateReason()).startsWith("Threshold Crossed: 2 out of the last 3 datapoints [9000.0 (")
                .endsWith("] were greater than the threshold (5000.0) (minimum 2 datapoints for OK -> ALARM transition).");
        assertThat(alarmed.stateReasonData()).contains("\"recentDatapoints\"").contains("\"threshold\":5000.0");

        putFor(namespace, 30, 10);
        assertThat(alarm("age-high").stateValue()).isEqualTo(StateValue.OK);

        List<AlarmHistoryItem> history = cloudWatch.describeAlarmHistory(b -> b.alarmName("age-high")
                .historyItemType(HistoryItemType.STATE_UPDATE)).alarmHistoryItems();
        assertThat(history).extracting(AlarmHistoryItem::historySummary).containsExactly(
                "Alarm updated from ALARM to OK", "Alarm updated from OK to ALARM", "Alarm updated from INSUFFICIENT_DATA to OK");
        assertThat(history.get(0).historyData()).contains("\"oldState\"").contains("\"newState\"");
        assertThat(cloudWatch.describeAlarmHistory(b -> b.alarmName("age-high")
                .historyItemType(HistoryItemType.CONFIGURATION_UPDATE)).alarmHistoryItems())
                .extracting(AlarmHistoryItem::historySummary).containsExactly("Alarm \"age-high\" created");
    }

    @Test
    void missingDataIsTreatedAsTheAlarmSays() {
        String namespace = newNamespace();
        cloudWatch.putMetricAlarm(ageAlarm("missing-default", namespace).build());
        cloudWatch.putMetricAlarm(ageAlarm("missing-breaching", namespace).treatMissingData("breaching").build());
        cloudWatch.putMetricAlarm(ageAlarm("missing-ok", namespace).treatMissingData("notBreaching").build());
        cloudWatch.putMetricAlarm(ageAlarm("missing-ignored", namespace).treatMissingData("ignore").build());
        clock.advance(Duration.ofSeconds(60));
        assertThat(alarm("missing-default").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(alarm("missing-breaching").stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarm("missing-breaching").stateReason()).isEqualTo("Threshold Crossed: no datapoints were received "
                + "for 3 periods and 3 missing datapoints were treated as [Breaching].");
        assertThat(alarm("missing-ok").stateValue()).isEqualTo(StateValue.OK);
        assertThat(alarm("missing-ok").stateReason()).endsWith("treated as [NonBreaching].");
        assertThat(alarm("missing-ignored").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    }

    @Test
    void anAlarmOnMetricMathEvaluatesTheExpression() {
        String namespace = newNamespace();
        cloudWatch.putMetricAlarm(b -> b.alarmName("age-minutes").evaluationPeriods(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).metrics(
                        MetricDataQuery.builder().id("age").returnData(false).metricStat(s -> s.period(10).stat("Maximum")
                                .metric(m -> m.namespace(namespace).metricName("Age").dimensions(STREAM))).build(),
                        MetricDataQuery.builder().id("minutes").expression("age / 60000").label("Age in minutes").build()));
        putFor(namespace, 20, 30_000);
        assertThat(alarm("age-minutes").stateValue()).isEqualTo(StateValue.OK);
        putFor(namespace, 20, 120_000);
        MetricAlarm alarmed = alarm("age-minutes");
        assertThat(alarmed.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarmed.stateReason()).isEqualTo("Threshold Crossed: 1 datapoint [2.0 ("
                + alarmed.stateReason().substring(alarmed.stateReason().indexOf('(') + 1, alarmed.stateReason().indexOf(')'))
                + ")] was greater than or equal to the threshold (1.0).");
        assertThat(alarmed.metrics()).extracting(MetricDataQuery::id).containsExactly("age", "minutes");
        assertThat(cloudWatch.describeAlarmsForMetric(b -> b.namespace(namespace).metricName("Age").dimensions(STREAM))
                .metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("age-minutes");
    }

    @Test
    void setAlarmStateActionsTagsAndDeletion() {
        String namespace = newNamespace();
        cloudWatch.putMetricAlarm(ageAlarm("manual", namespace).tags(Tag.builder().key("team").value("streams").build()).build());
        cloudWatch.setAlarmState(b -> b.alarmName("manual").stateValue(StateValue.ALARM).stateReason("testing alarm"));
        assertThat(alarm("manual").stateReason()).isEqualTo("testing alarm");
        assertThat(cloudWatch.describeAlarms(b -> b.stateValue(StateValue.ALARM).alarmNamePrefix("man")).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("manual");

        cloudWatch.disableAlarmActions(b -> b.alarmNames("manual"));
        assertThat(alarm("manual").actionsEnabled()).isFalse();
        cloudWatch.enableAlarmActions(b -> b.alarmNames("manual"));
        assertThat(alarm("manual").actionsEnabled()).isTrue();

        String arn = alarm("manual").alarmArn();
        cloudWatch.tagResource(b -> b.resourceARN(arn).tags(Tag.builder().key("owner").value("me").build()));
        cloudWatch.untagResource(b -> b.resourceARN(arn).tagKeys("team"));
        assertThat(cloudWatch.listTagsForResource(b -> b.resourceARN(arn)).tags())
                .containsExactly(Tag.builder().key("owner").value("me").build());

        // CloudWatch answers ResourceNotFound, a code the SDK has no class for (its class is for ResourceNotFoundException)
        assertThatThrownBy(() -> cloudWatch.setAlarmState(b -> b.alarmName("nope").stateValue(StateValue.OK).stateReason("x")))
                .isInstanceOf(CloudWatchException.class)
                .satisfies(e -> assertThat(((CloudWatchException) e).statusCode()).isEqualTo(404))
                .satisfies(e -> assertThat(((CloudWatchException) e).awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound"));
        assertThatThrownBy(() -> cloudWatch.setAlarmState(b -> b.alarmName("manual").stateValue("INVALID").stateReason("x")))
                .hasMessageContaining("1 validation error detected: Value 'INVALID' at 'stateValue' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]")
                .satisfies(e -> assertThat(((CloudWatchException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> cloudWatch.listTagsForResource(b -> b.resourceARN(arn + "x")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cloudWatch.putMetricAlarm(ageAlarm("bad", namespace).treatMissingData("sometimes").build()))
                .hasMessageContaining("The value sometimes is not supported for TreatMissingData parameter. Supported "
                        + "values are [breaching, notBreaching, ignore, missing].");
        assertThatThrownBy(() -> cloudWatch.deleteAlarms(b -> b.alarmNames("manual", "nope")))
                .satisfies(e -> assertThat(((CloudWatchException) e).statusCode()).isEqualTo(404));
        assertThat(alarm("manual").alarmName()).as("none deleted when one is missing").isEqualTo("manual");
        cloudWatch.deleteAlarms(b -> b.alarmNames("manual"));
        assertThat(cloudWatch.describeAlarms(b -> b.alarmNames("manual")).metricAlarms()).isEmpty();
    }

    @Test
    void describeAlarmsPages() {
        String namespace = newNamespace();
        for (int i = 0; i < 7; i++) {
            cloudWatch.putMetricAlarm(ageAlarm("paged-" + i, namespace).build());
        }
        assertThat(cloudWatch.describeAlarmsPaginator(b -> b.alarmNamePrefix("paged-").maxRecords(3)).metricAlarms()
                .stream().map(MetricAlarm::alarmName).toList()).hasSize(7).startsWith("paged-0", "paged-1");
        Instant now = clock.now();
        assertThat(now).isAfterOrEqualTo(START);
    }
}
