package io.kinesisworkbook.emulator.cloudwatch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import java.util.List;
import java.util.TreeMap;

/** A metric alarm as DescribeAlarms shows it (the {@code MetricAlarm} shape). */
final class AlarmShapes {

    private AlarmShapes() {
    }

    static ObjectNode alarm(AwsRequest request, MetricAlarm alarm) {
        MetricAlarm.Configuration c = alarm.configuration;
        ObjectNode node = request.newObject();
        node.put("AlarmName", c.name());
        node.put("AlarmArn", c.arn());
        if (c.description() != null) {
            node.put("AlarmDescription", c.description());
        }
        node.set("AlarmConfigurationUpdatedTimestamp", Members.timestamp(request.protocol(), c.updatedMillis()));
        node.put("ActionsEnabled", c.actionsEnabled());
        strings(node.putArray("OKActions"), c.okActions());
        strings(node.putArray("AlarmActions"), c.alarmActions());
        strings(node.putArray("InsufficientDataActions"), c.insufficientDataActions());
        node.put("StateValue", alarm.state.name());
        node.put("StateReason", alarm.stateReason);
        if (alarm.stateReasonData != null) {
            node.put("StateReasonData", alarm.stateReasonData);
        }
        node.set("StateUpdatedTimestamp", Members.timestamp(request.protocol(), alarm.stateUpdatedMillis));
        if (!c.isMetricMath()) {
            node.put("MetricName", c.metric().metricName());
            node.put("Namespace", c.metric().namespace());
            if (c.statistic().isSimple()) {
                node.put("Statistic", c.statistic().name());
            } else {
                node.put("ExtendedStatistic", c.statistic().name());
            }
            dimensions(node.putArray("Dimensions"), c.metric().dimensions());
            node.put("Period", c.period());
            if (c.unit() != null) {
                node.put("Unit", c.unit());
            }
        } else {
            node.putArray("Dimensions");
            ArrayNode metrics = node.putArray("Metrics");
            c.metrics().forEach(query -> metrics.add(query(request, query)));
        }
        node.put("EvaluationPeriods", c.evaluationPeriods());
        if (c.datapointsToAlarm() != null) {
            node.put("DatapointsToAlarm", c.datapointsToAlarm());
        }
        node.put("Threshold", c.threshold());
        node.put("ComparisonOperator", c.comparisonOperator());
        if (c.treatMissingData() != null) {
            node.put("TreatMissingData", c.treatMissingData());
        }
        if (c.evaluateLowSampleCountPercentile() != null) {
            node.put("EvaluateLowSampleCountPercentile", c.evaluateLowSampleCountPercentile());
        }
        node.set("StateTransitionedTimestamp", Members.timestamp(request.protocol(), alarm.stateTransitionedMillis));
        return node;
    }

    private static ObjectNode query(AwsRequest request, MetricQuery query) {
        ObjectNode node = request.newObject();
        node.put("Id", query.id());
        if (query.isMetricStat()) {
            ObjectNode stat = node.putObject("MetricStat");
            ObjectNode metric = stat.putObject("Metric");
            metric.put("Namespace", query.metric().namespace());
            metric.put("MetricName", query.metric().metricName());
            dimensions(metric.putArray("Dimensions"), query.metric().dimensions());
            stat.put("Period", query.period());
            stat.put("Stat", query.statistic().name());
            if (query.unit() != null) {
                stat.put("Unit", query.unit());
            }
        } else {
            node.put("Expression", query.expressionText());
            if (query.period() > 0) {
                node.put("Period", query.period());
            }
        }
        if (query.label() != null) {
            node.put("Label", query.label());
        }
        node.put("ReturnData", query.returnData());
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void dimensions(ArrayNode array, java.util.Map<String, String> dimensions) {
        new TreeMap<>(dimensions).forEach((name, value) -> array.addObject().put("Name", name).put("Value", value));
    }
}
