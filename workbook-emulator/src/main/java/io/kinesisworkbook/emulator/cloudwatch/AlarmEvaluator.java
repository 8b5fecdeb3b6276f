package io.kinesisworkbook.emulator.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.cloudwatch.math.TimeSeries;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics.Statistics;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates alarms as CloudWatch does, but lazily: when an alarm is looked at, every evaluation
 * it would have had since the last one (each minute, or each period under a minute) is run in turn
 * on the emulator's clock, so a test that moves a {@code ManualClock} sees the states and history
 * it would have seen live, and no thread runs.
 *
 * <p>One evaluation, after AWS's "How CloudWatch alarms treat missing data": the evaluation range is
 * a few periods more than {@code EvaluationPeriods}; when it holds at least {@code EvaluationPeriods}
 * real data points, the most recent of them decide (ALARM when {@code DatapointsToAlarm} of them
 * breach); when it holds none, {@code TreatMissingData} decides alone; in between, missing points
 * are filled as {@code TreatMissingData} says ("missing" and "ignore" fill nothing). The state
 * reason is written in AWS's words, e.g. {@code Threshold Crossed: 1 out of the last 1 datapoints
 * [6.04 (15/08/18 21:15:00)] was greater than the threshold (5.0) (minimum 1 datapoint for OK -> ALARM transition).}
 */
final class AlarmEvaluator {

    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryMetrics metrics;
    private final AlarmRegistry registry;

    AlarmEvaluator(InMemoryMetrics metrics, AlarmRegistry registry) {
        this.metrics = metrics;
        this.registry = registry;
    }

    /** Runs the evaluations an alarm has had due up to {@code now}. */
    void catchUp(MetricAlarm alarm, long now) {
        long oldest = now - metrics.retention().toMillis();
        if (alarm.nextEvaluationMillis < oldest) {
            alarm.nextEvaluationMillis = alarm.nextEvaluationAfter(oldest);
        }
        while (alarm.nextEvaluationMillis <= now) {
            evaluate(alarm, alarm.nextEvaluationMillis);
            alarm.nextEvaluationMillis += alarm.evaluationIntervalMillis();
        }
    }

    /** A data point of the evaluation range: its period's start and value, or NaN when missing. */
    private record Point(long timestampMillis, double value, double sampleCount) {
        boolean missing() {
            return Double.isNaN(value);
        }
    }

    private void evaluate(MetricAlarm alarm, long at) {
        MetricAlarm.Configuration config = alarm.configuration;
        int periods = config.evaluationPeriods();
        int range = periods + Math.max(periods / 3, 2);
        List<Point> points = points(config, at, range); // oldest first
        List<Point> real = new ArrayList<>();
        for (int i = points.size() - 1; i >= 0; i--) {
            if (!points.get(i).missing()) {
                real.add(points.get(i)); // newest first
            }
        }
        String treat = config.treatMissingData() == null ? "missing" : config.treatMissingData();
        Decision decision;
        if (real.size() >= periods) {
            decision = byThreshold(config, real.subList(0, periods), 0, 0);
        } else if (real.isEmpty()) {
            decision = allMissing(periods, treat);
        } else {
            int filled = periods - real.size();
            decision = switch (treat) {
                case "breaching" -> byThreshold(config, real, filled, 0);
                case "notBreaching" -> byThreshold(config, real, 0, filled);
                default -> partial(config, real, treat);
            };
        }
        if (decision == null || decision.state() == alarm.state) {
            return;
        }
        transition(alarm, decision, reasonData(config, at, points, real), at);
    }

    private record Decision(MetricAlarm.State state, String reason) {
    }

    /** {@code breachingFills}/{@code okFills}: missing points counted as breaching or not, as TreatMissingData says. */
    private Decision byThreshold(MetricAlarm.Configuration config, List<Point> real, int breachingFills, int okFills) {
        int needed = config.datapointsNeeded();
        int total = real.size() + breachingFills + okFills;
        List<Point> breaching = real.stream().filter(p -> breaches(config, p.value())).toList();
        List<Point> fine = real.stream().filter(p -> !breaches(config, p.value())).toList();
        if (breaching.size() + breachingFills >= needed) {
            return new Decision(MetricAlarm.State.ALARM, crossed(config, breaching, breachingFills, total, needed, true));
        }
        return new Decision(MetricAlarm.State.OK, crossed(config, fine, okFills, total, total - needed + 1, false));
    }

    /** Fewer real points than EvaluationPeriods, none filled ("missing", "ignore"). */
    private Decision partial(MetricAlarm.Configuration config, List<Point> real, String treat) {
        int needed = config.datapointsNeeded();
        int periods = config.evaluationPeriods();
        List<Point> breaching = real.stream().filter(p -> breaches(config, p.value())).toList();
        List<Point> fine = real.stream().filter(p -> !breaches(config, p.value())).toList();
        if (breaching.size() >= needed) {
            return new Decision(MetricAlarm.State.ALARM, crossed(config, breaching, 0, real.size(), needed, true));
        }
        if (fine.size() >= periods - needed + 1) {
            return new Decision(MetricAlarm.State.OK, crossed(config, fine, 0, real.size(), periods - needed + 1, false));
        }
        if (treat.equals("ignore")) {
            return null; // keeps its state
        }
        return new Decision(MetricAlarm.State.INSUFFICIENT_DATA, "Insufficient Data: " + count(periods - real.size(),
                "datapoint") + (periods - real.size() == 1 ? " was" : " were") + " unknown.");
    }

    private static Decision allMissing(int periods, String treat) {
        String received = "no datapoints were received for " + count(periods, "period") + " and "
                + count(periods, "missing datapoint") + (periods == 1 ? " was" : " were") + " treated as [";
        return switch (treat) {
            case "breaching" -> new Decision(MetricAlarm.State.ALARM, "Threshold Crossed: " + received + "Breaching].");
            case "notBreaching" -> new Decision(MetricAlarm.State.OK, "Threshold Crossed: " + received + "NonBreaching].");
            case "ignore" -> null;
            default -> new Decision(MetricAlarm.State.INSUFFICIENT_DATA, "Insufficient Data: " + received + "Missing].");
        };
    }

    /**
     * AWS's reason: "Threshold Crossed: 2 out of the last 3 datapoints [5.0 (dd/MM/yy HH:mm:ss), ...]
     * were greater than the threshold (4.0) (minimum 2 datapoints for OK -> ALARM transition)." when
     * the alarm has a DatapointsToAlarm, else "Threshold Crossed: 1 datapoint [5.0 (...)] was greater
     * than the threshold (4.0)."; "not greater than" for the way back to OK.
     */
    private static String crossed(MetricAlarm.Configuration config, List<Point> listed, int fills, int total,
                                  int minimum, boolean toAlarm) {
        int count = listed.size() + fills;
        StringBuilder reason = new StringBuilder("Threshold Crossed: ");
        if (config.datapointsToAlarm() != null) {
            reason.append(count).append(" out of the last ").append(total).append(" datapoints");
        } else {
            reason.append(count(count, "datapoint"));
        }
        reason.append(" [");
        for (int i = 0; i < listed.size(); i++) {
            reason.append(i == 0 ? "" : ", ").append(listed.get(i).value()).append(" (")
                    .append(REASON_TIME.format(Instant.ofEpochMilli(listed.get(i).timestampMillis()))).append(')');
        }
        reason.append("] ").append(count == 1 ? "was " : "were ").append(toAlarm ? "" : "not ")
                .append(comparison(config.comparisonOperator())).append(" the threshold (").append(config.threshold())
                .append(')');
        if (config.datapointsToAlarm() != null) {
            reason.append(" (minimum ").append(count(minimum, "datapoint")).append(" for ")
                    .append(toAlarm ? "OK -> ALARM" : "ALARM -> OK").append(" transition)");
        }
        return reason.append('.').toString();
    }

    private static String comparison(String operator) {
        return switch (operator) {
            case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
            case "GreaterThanThreshold" -> "greater than";
            case "LessThanThreshold" -> "less than";
            default -> "less than or equal to";
        };
    }

    static boolean breaches(MetricAlarm.Configuration config, double value) {
        double threshold = config.threshold();
        return switch (config.comparisonOperator()) {
            case "GreaterThanOrEqualToThreshold" -> value >= threshold;
            case "GreaterThanThreshold" -> value > threshold;
            case "LessThanThreshold" -> value < threshold;
            default -> value <= threshold;
        };
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The range's points, oldest first: the last {@code range} whole periods before {@code at}. */
    private List<Point> points(MetricAlarm.Configuration config, long at, int range) {
        int period = config.evaluatedPeriod();
        long periodMillis = period * 1000L;
        long end = at - Math.floorMod(at, periodMillis);
        long start = end - range * periodMillis;
        List<Point> points = new ArrayList<>(range);
        for (int i = 0; i < range; i++) {
            points.add(new Point(start + i * periodMillis, Double.NaN, 0));
        }
        if (config.isMetricMath()) {
            MetricQueryResults results = new MetricQueryResults(metrics, config.metrics(), start, end);
            TimeSeries series = results.result(config.returnedQuery()).series();
            for (int i = 0; i < series.size(); i++) {
                int index = (int) Math.floorDiv(series.timestamps()[i] - start, periodMillis);
                if (index >= 0 && index < range) {
                    points.set(index, new Point(start + index * periodMillis, series.values()[i], 0));
                }
            }
            return points;
        }
        Set<String> units = config.unit() != null ? Set.of(config.unit()) : new TreeSet<>(metrics.units(config.metric()));
        if (units.isEmpty()) {
            return points;
        }
        String unit = units.iterator().next();
        for (Statistics stats : metrics.statistics(config.metric(), unit, start, end, period,
                config.statistic().needsDistribution())) {
            int index = (int) ((stats.startMillis() - start) / periodMillis);
            double value = config.statistic().of(stats);
            if (index >= 0 && index < range && !Double.isNaN(value)) {
                points.set(index, new Point(stats.startMillis(), value, stats.sampleCount()));
            }
        }
        return points;
    }

    /** The machine-readable reason ({@code StateReasonData}) AWS attaches to an evaluated state. */
    private static String reasonData(MetricAlarm.Configuration config, long at, List<Point> points, List<Point> real) {
        ObjectNode data = JSON.createObjectNode();
        data.put("version", "1.0");
        data.put("queryDate", DATA_TIME.format(Instant.ofEpochMilli(at)));
        if (!points.isEmpty()) {
            data.put("startDate", DATA_TIME.format(Instant.ofEpochMilli(points.get(0).timestampMillis())));
        }
        if (config.unit() != null) {
            data.put("unit", config.unit());
        }
        if (!config.isMetricMath()) {
            data.put("statistic", config.statistic().name());
        }
        data.put("period", config.evaluatedPeriod());
        ArrayNode recent = data.putArray("recentDatapoints");
        for (int i = real.size() - 1; i >= 0; i--) {
            recent.add(real.get(i).value());
        }
        data.put("threshold", config.threshold());
        ArrayNode evaluated = data.putArray("evaluatedDatapoints");
        int periods = config.evaluationPeriods();
        for (int i = points.size() - 1; i >= Math.max(0, points.size() - periods); i--) {
            Point point = points.get(i);
            ObjectNode node = evaluated.addObject();
            node.put("timestamp", DATA_TIME.format(Instant.ofEpochMilli(point.timestampMillis())));
            if (!point.missing()) {
                if (point.sampleCount() > 0) {
                    node.put("sampleCount", point.sampleCount());
                }
                node.put("value", point.value());
            }
        }
        return data.toString();
    }

    /** Moves an alarm to a new state and writes the history item AWS writes. */
    void transition(MetricAlarm alarm, Decision decision, String reasonData, long at) {
        setState(alarm, decision.state(), decision.reason(), reasonData, at);
    }

    void setState(MetricAlarm alarm, MetricAlarm.State state, String reason, String reasonData, long at) {
        MetricAlarm.State old = alarm.state;
        String oldReason = alarm.stateReason;
        alarm.state = state;
        alarm.stateReason = reason;
        alarm.stateReasonData = reasonData;
        alarm.stateUpdatedMillis = at;
        if (old != state) {
            alarm.stateTransitionedMillis = at;
        }
        ObjectNode data = JSON.createObjectNode();
        data.put("version", "1.0");
        data.putObject("oldState").put("stateValue", old.name()).put("stateReason", oldReason);
        ObjectNode newState = data.putObject("newState").put("stateValue", state.name()).put("stateReason", reason);
        if (reasonData != null) {
            try {
                newState.set("stateReasonData", JSON.readTree(reasonData));
            } catch (java.io.IOException notJson) {
                newState.put("stateReasonData", reasonData);
            }
        }
        registry.record(new AlarmHistoryItem(alarm.configuration.region(), alarm.configuration.name(), at, "StateUpdate",
                "Alarm updated from " + old.name() + " to " + state.name(), data.toString()));
    }
}
