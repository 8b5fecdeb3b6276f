package io.kinesisworkbook.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics.SeriesKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The alarm operations: PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric,
 * DescribeAlarmHistory, SetAlarmState, EnableAlarmActions, DisableAlarmActions, DeleteAlarms.
 * Each first brings the alarms up to date on the clock ({@link AlarmEvaluator#catchUp}).
 */
final class AlarmOperations {

    static final List<String> OPERATORS = List.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold");
    static final List<String> ANOMALY_OPERATORS = List.of("LessThanLowerOrGreaterThanUpperThreshold",
            "LessThanLowerThreshold", "GreaterThanUpperThreshold");
    static final List<String> TREAT_MISSING = List.of("breaching", "notBreaching", "ignore", "missing");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudWatchContext context;
    private final AlarmEvaluator evaluator;

    AlarmOperations(CloudWatchContext context) {
        this.context = context;
        this.evaluator = new AlarmEvaluator(context.metrics, context.alarms);
    }

    JsonNode putMetricAlarm(AwsRequest request) {
        Members members = request.members();
        MetricAlarm.Configuration configuration = configuration(members, request.region());
        Map<String, String> tags = TagOperations.tags(members, "Tags");
        long now = context.now();
        synchronized (context.alarms) {
            Map<String, MetricAlarm> alarms = alarms(request.region(), now);
            MetricAlarm existing = alarms.get(configuration.name());
            if (existing == null) {
                MetricAlarm alarm = new MetricAlarm(configuration, now);
                alarm.tags.putAll(tags);
                alarms.put(configuration.name(), alarm);
                configurationHistory(configuration, "Create", "created", now);
            } else {
                existing.configuration = configuration;
                existing.nextEvaluationMillis = existing.nextEvaluationAfter(now);
                configurationHistory(configuration, "Update", "updated", now);
            }
        }
        return request.newObject();
    }

    private MetricAlarm.Configuration configuration(Members members, String region) {
        String name = members.string("AlarmName");
        if (name == null) {
            throw CloudWatchErrors.missingParameter("AlarmName");
        }
        MetricNames.length(name, "AlarmName", 1, 255);
        String description = members.string("AlarmDescription");
        if (description != null && description.length() > 1024) {
            throw CloudWatchErrors.validation(description, "alarmDescription", "Member must have length less than or equal to 1024");
        }
        Integer evaluationPeriods = members.integer("EvaluationPeriods");
        if (evaluationPeriods == null) {
            throw CloudWatchErrors.missingParameter("EvaluationPeriods");
        }
        if (evaluationPeriods < 1) {
            throw CloudWatchErrors.validation(evaluationPeriods, "evaluationPeriods",
                    "Member must have value greater than or equal to 1");
        }
        Integer datapointsToAlarm = members.integer("DatapointsToAlarm");
        if (datapointsToAlarm != null && (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods)) {
            throw CloudWatchErrors.validation("DatapointsToAlarm must be between 1 and EvaluationPeriods ("
                    + evaluationPeriods + "), not " + datapointsToAlarm + ".");
        }
        String operator = members.string("ComparisonOperator");
        if (operator == null) {
            throw CloudWatchErrors.missingParameter("ComparisonOperator");
        }
        if (ANOMALY_OPERATORS.contains(operator) || members.has("ThresholdMetricId")) {
            throw CloudWatchErrors.invalidParameterValue("Anomaly detection alarms (ThresholdMetricId, " + operator
                    + ") are not supported by this emulator.");
        }
        if (!OPERATORS.contains(operator)) {
            throw CloudWatchErrors.validation(operator, "comparisonOperator", "Member must satisfy enum value set: "
                    + "[GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold, "
                    + "LessThanLowerOrGreaterThanUpperThreshold, LessThanLowerThreshold, GreaterThanUpperThreshold]");
        }
        Double threshold = members.number("Threshold");
        if (threshold == null) {
            throw CloudWatchErrors.missingParameter("Threshold");
        }
        String treatMissing = members.string("TreatMissingData");
        if (treatMissing != null && !TREAT_MISSING.contains(treatMissing)) {
            throw CloudWatchErrors.validation("The value " + treatMissing + " is not supported for TreatMissingData "
                    + "parameter. Supported values are [breaching, notBreaching, ignore, missing].");
        }
        String lowSample = members.string("EvaluateLowSampleCountPercentile");
        if (lowSample != null && !lowSample.equals("evaluate") && !lowSample.equals("ignore")) {
            throw CloudWatchErrors.validation("Option " + lowSample + " is not supported. Supported options for "
                    + "parameter EvaluateLowSampleCountPercentile are evaluate and ignore.");
        }
        List<String> ok = actions(members, "OKActions");
        List<String> alarm = actions(members, "AlarmActions");
        List<String> insufficient = actions(members, "InsufficientDataActions");
        boolean actionsEnabled = !Boolean.FALSE.equals(members.bool("ActionsEnabled"));
        String arn = "arn:aws:cloudwatch:" + region + ":" + context.accountId + ":alarm:" + name;
        long now = context.now();
        if (members.has("Metrics")) {
            for (String single : List.of("MetricName", "Namespace", "Statistic", "ExtendedStatistic", "Period", "Dimensions", "Unit")) {
                if (members.has(single)) {
                    throw CloudWatchErrors.mutuallyExclusive(single, "Metrics");
                }
            }
            List<MetricQuery> metrics = MetricQuery.readAll(members, "Metrics");
            if (metrics.stream().filter(MetricQuery::returnData).count() != 1) {
                throw CloudWatchErrors.validation("Exactly one element of the Metrics list must have ReturnData set "
                        + "to true.");
            }
            return new MetricAlarm.Configuration(name, arn, region, description, actionsEnabled, ok, alarm, insufficient,
                    null, null, 0, null, evaluationPeriods, datapointsToAlarm, threshold, operator, treatMissing,
                    lowSample, metrics, now);
        }
        SeriesKey metric = MetricNames.metric(members, "");
        Integer period = members.integer("Period");
        if (period == null) {
            throw CloudWatchErrors.missingParameter("Period");
        }
        if (period < 1) {
            throw CloudWatchErrors.validation(period, "period", "Member must have value greater than or equal to 1");
        }
        if (period != 10 && period != 20 && period != 30 && period % 60 != 0) {
            throw CloudWatchErrors.validation("Period must be 10, 20, 30 or a multiple of 60");
        }
        if ((long) period * evaluationPeriods > 7 * 86_400L) {
            throw CloudWatchErrors.validation("The evaluation period multiplied by the number of periods must not "
                    + "exceed 7 days (604800 seconds).");
        }
        Statistic statistic = statistic(members);
        String unit = MetricNames.unit(members, "Unit");
        return new MetricAlarm.Configuration(name, arn, region, description, actionsEnabled, ok, alarm, insufficient,
                metric, statistic, period, unit, evaluationPeriods,
                datapointsToAlarm, threshold, operator, treatMissing, lowSample, null, now);
    }

    private static Statistic statistic(Members members) {
        String simple = members.string("Statistic");
        String extended = members.string("ExtendedStatistic");
        if (simple != null && extended != null) {
            throw CloudWatchErrors.mutuallyExclusive("Statistic", "ExtendedStatistic");
        }
        if (simple == null && extended == null) {
            throw CloudWatchErrors.missingParameter("Statistic");
        }
        if (simple != null) {
            if (!Statistic.SIMPLE.contains(simple)) {
                throw CloudWatchErrors.validation(simple, "statistic",
                        "Member must satisfy enum value set: [Maximum, SampleCount, Sum, Minimum, Average]");
            }
            return Statistic.parse(simple);
        }
        Statistic statistic = Statistic.parse(extended);
        if (statistic == null || statistic.isSimple()) {
            throw CloudWatchErrors.invalidParameterValue("The value " + extended
                    + " for parameter ExtendedStatistic is not supported.");
        }
        return statistic;
    }

    private static List<String> actions(Members members, String name) {
        List<String> actions = members.stringList(name);
        if (actions == null) {
            return List.of();
        }
        if (actions.size() > 5) {
            throw CloudWatchErrors.tooMany(name, 5);
        }
        return List.copyOf(actions);
    }

    private void configurationHistory(MetricAlarm.Configuration configuration, String type, String verb, long now) {
        ObjectNode data = JSON.createObjectNode();
        data.put("version", "1.0");
        data.put("type", type);
        data.set(type.equals("Create") ? "createdAlarm" : "updatedAlarm",
                JSON.createObjectNode().put("alarmName", configuration.name()).put("alarmArn", configuration.arn()));
        context.alarms.record(new AlarmHistoryItem(configuration.region(), configuration.name(), now,
                "ConfigurationUpdate", "Alarm \"" + configuration.name() + "\" " + verb, data.toString()));
    }

    /** The region's alarms, each brought up to date on the clock. Call with the registry's lock held. */
    private Map<String, MetricAlarm> alarms(String region, long now) {
        Map<String, MetricAlarm> alarms = context.alarms.in(region);
        alarms.values().forEach(alarm -> evaluator.catchUp(alarm, now));
        return alarms;
    }

    JsonNode describeAlarms(AwsRequest request) {
        Members members = request.members();
        List<String> names = members.stringList("AlarmNames");
        String prefix = members.string("AlarmNamePrefix");
        if (names != null && !names.isEmpty() && prefix != null) {
            throw CloudWatchErrors.mutuallyExclusive("AlarmNames", "AlarmNamePrefix");
        }
        if (names != null && names.size() > 100) {
            throw CloudWatchErrors.tooMany("AlarmNames", 100);
        }
        String state = members.string("StateValue");
        checkState(state, "stateValue");
        String actionPrefix = members.string("ActionPrefix");
        List<String> types = members.stringList("AlarmTypes");
        boolean metricAlarms = types == null || types.isEmpty() || types.contains("MetricAlarm");
        int max = maxRecords(members, 50);
        long skip = CloudWatchContext.position(members.string("NextToken"), "alarms");
        ObjectNode response = request.newObject();
        ArrayNode out = response.putArray("MetricAlarms");
        response.putArray("CompositeAlarms");
        synchronized (context.alarms) {
            List<MetricAlarm> matching = new ArrayList<>();
            for (MetricAlarm alarm : alarms(request.region(), context.now()).values()) {
                MetricAlarm.Configuration c = alarm.configuration;
                if (metricAlarms && (names == null || names.isEmpty() || names.contains(c.name()))
                        && (prefix == null || c.name().startsWith(prefix))
                        && (state == null || alarm.state.name().equals(state))
                        && (actionPrefix == null || hasActionWithPrefix(c, actionPrefix))) {
                    matching.add(alarm);
                }
            }
            page(matching, skip, max, response, "alarms").forEach(alarm -> out.add(AlarmShapes.alarm(request, alarm)));
        }
        return response;
    }

    JsonNode describeAlarmsForMetric(AwsRequest request) {
        Members members = request.members();
        SeriesKey wanted = MetricNames.metric(members, "");
        String statistic = members.string("Statistic");
        String extended = members.string("ExtendedStatistic");
        Integer period = members.integer("Period");
        String unit = MetricNames.unit(members, "Unit");
        ObjectNode response = request.newObject();
        ArrayNode out = response.putArray("MetricAlarms");
        synchronized (context.alarms) {
            for (MetricAlarm alarm : alarms(request.region(), context.now()).values()) {
                MetricAlarm.Configuration c = alarm.configuration;
                boolean watches = c.isMetricMath()
                        ? c.metrics().stream().anyMatch(q -> wanted.equals(q.metric()))
                        : wanted.equals(c.metric())
                                && (statistic == null || statistic.equals(c.statistic().name()))
                                && (extended == null || extended.equals(c.statistic().name()))
                                && (period == null || period == c.period())
                                && (unit == null || unit.equals(c.unit()));
                if (watches) {
                    out.add(AlarmShapes.alarm(request, alarm));
                }
            }
        }
        return response;
    }

    JsonNode describeAlarmHistory(AwsRequest request) {
        Members members = request.members();
        String name = members.string("AlarmName");
        String type = members.string("HistoryItemType");
        List<String> types = List.of("ConfigurationUpdate", "StateUpdate", "Action");
        if (type != null && !types.contains(type)) {
            throw CloudWatchErrors.validation(type, "historyItemType",
                    "Member must satisfy enum value set: [ConfigurationUpdate, StateUpdate, Action]");
        }
        Long start = members.timestampMillis("StartDate");
        Long end = members.timestampMillis("EndDate");
        List<String> alarmTypes = members.stringList("AlarmTypes");
        boolean metricAlarms = alarmTypes == null || alarmTypes.isEmpty() || alarmTypes.contains("MetricAlarm");
        boolean ascending = "TimestampAscending".equals(members.string("ScanBy"));
        int max = maxRecords(members, 100);
        long skip = CloudWatchContext.position(members.string("NextToken"), "history");
        ObjectNode response = request.newObject();
        ArrayNode out = response.putArray("AlarmHistoryItems");
        synchronized (context.alarms) {
            alarms(request.region(), context.now());
            List<AlarmHistoryItem> items = new ArrayList<>();
            if (metricAlarms) {
                for (AlarmHistoryItem item : context.alarms.history(request.region(), name)) {
                    if ((type == null || type.equals(item.type()))
                            && (start == null || item.timestampMillis() >= start)
                            && (end == null || item.timestampMillis() <= end)) {
                        items.add(item);
                    }
                }
            }
            if (!ascending) {
                java.util.Collections.reverse(items);
            }
            for (AlarmHistoryItem item : page(items, skip, max, response, "history")) {
                ObjectNode node = out.addObject();
                node.put("AlarmName", item.alarmName());
                node.put("AlarmType", "MetricAlarm");
                node.set("Timestamp", Members.timestamp(request.protocol(), item.timestampMillis()));
                node.put("HistoryItemType", item.type());
                node.put("HistorySummary", item.summary());
                node.put("HistoryData", item.data());
            }
        }
        return response;
    }

    JsonNode setAlarmState(AwsRequest request) {
        Members members = request.members();
        String name = members.string("AlarmName");
        if (name == null) {
            throw CloudWatchErrors.missingParameter("AlarmName");
        }
        String state = members.string("StateValue");
        if (state == null) {
            throw CloudWatchErrors.missingParameter("StateValue");
        }
        checkState(state, "stateValue");
        String reason = members.string("StateReason");
        if (reason == null) {
            throw CloudWatchErrors.missingParameter("StateReason");
        }
        if (reason.length() > 1023) {
            throw CloudWatchErrors.validation("1 validation error detected: Value at 'stateReason' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 1023");
        }
        String reasonData = members.string("StateReasonData");
        if (reasonData != null) {
            try {
                JsonNode parsed = JSON.readTree(reasonData);
                if (parsed == null || !parsed.isObject()) {
                    throw new java.io.IOException("not an object");
                }
            } catch (java.io.IOException notJson) {
                throw CloudWatchErrors.invalidFormat("Data was not syntactically valid JSON");
            }
        }
        long now = context.now();
        synchronized (context.alarms) {
            MetricAlarm alarm = alarms(request.region(), now).get(name);
            if (alarm == null) {
                throw CloudWatchErrors.alarmNotFound("");
            }
            evaluator.setState(alarm, MetricAlarm.State.valueOf(state), reason, reasonData, now);
        }
        return request.newObject();
    }

    JsonNode enableAlarmActions(AwsRequest request) {
        return setActionsEnabled(request, true);
    }

    JsonNode disableAlarmActions(AwsRequest request) {
        return setActionsEnabled(request, false);
    }

    private JsonNode setActionsEnabled(AwsRequest request, boolean enabled) {
        List<String> names = alarmNames(request.members());
        long now = context.now();
        synchronized (context.alarms) {
            Map<String, MetricAlarm> alarms = alarms(request.region(), now);
            for (String name : names) {
                MetricAlarm alarm = alarms.get(name);
                if (alarm != null && alarm.configuration.actionsEnabled() != enabled) {
                    alarm.configuration = alarm.configuration.withActionsEnabled(enabled, now);
                    configurationHistory(alarm.configuration, "Update", "updated", now);
                }
            }
        }
        return request.newObject();
    }

    JsonNode deleteAlarms(AwsRequest request) {
        List<String> names = alarmNames(request.members());
        synchronized (context.alarms) {
            Map<String, MetricAlarm> alarms = context.alarms.in(request.region());
            for (String name : names) {
                if (!alarms.containsKey(name)) {
                    // AWS deletes none when one is missing
                    throw CloudWatchErrors.alarmNotFound("");
                }
            }
            long now = context.now();
            for (String name : names) {
                MetricAlarm alarm = alarms.remove(name);
                ObjectNode data = JSON.createObjectNode().put("version", "1.0").put("type", "Delete");
                data.putObject("deletedAlarm").put("alarmName", name).put("alarmArn", alarm.configuration.arn());
                context.alarms.record(new AlarmHistoryItem(request.region(), name, now, "ConfigurationUpdate",
                        "Alarm \"" + name + "\" deleted", data.toString()));
            }
        }
        return request.newObject();
    }

    private static List<String> alarmNames(Members members) {
        List<String> names = members.stringList("AlarmNames");
        if (names == null) {
            throw CloudWatchErrors.missingParameter("AlarmNames");
        }
        if (names.size() > 100) {
            throw CloudWatchErrors.tooMany("AlarmNames", 100);
        }
        return names;
    }

    private static boolean hasActionWithPrefix(MetricAlarm.Configuration c, String prefix) {
        return java.util.stream.Stream.of(c.okActions(), c.alarmActions(), c.insufficientDataActions())
                .flatMap(List::stream).anyMatch(action -> action.startsWith(prefix));
    }

    private static void checkState(String state, String member) {
        if (state != null && !List.of("OK", "ALARM", "INSUFFICIENT_DATA").contains(state)) {
            throw CloudWatchErrors.validation(state, member,
                    "Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]");
        }
    }

    private static int maxRecords(Members members, int byDefault) {
        Integer max = members.integer("MaxRecords");
        if (max == null) {
            return byDefault;
        }
        if (max < 1 || max > 100) {
            throw CloudWatchErrors.validation(max, "maxRecords", max < 1
                    ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 100");
        }
        return max;
    }

    private static <T> List<T> page(List<T> all, long skip, int max, ObjectNode response, String kind) {
        int from = (int) Math.min(skip, all.size());
        int to = Math.min(all.size(), from + max);
        if (to < all.size()) {
            response.put("NextToken", CloudWatchContext.token(kind, to));
        }
        return all.subList(from, to);
    }

    /** The alarm a tagging call names by ARN, or null. */
    MetricAlarm alarmByArn(String region, String arn) {
        synchronized (context.alarms) {
            for (MetricAlarm alarm : context.alarms.in(region).values()) {
                if (alarm.configuration.arn().equals(arn)) {
                    return alarm;
                }
            }
        }
        return null;
    }
}
