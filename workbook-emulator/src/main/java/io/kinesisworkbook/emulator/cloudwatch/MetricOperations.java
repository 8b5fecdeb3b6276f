package io.kinesisworkbook.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics.SeriesKey;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics.Statistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** PutMetricData, ListMetrics and GetMetricStatistics: metrics in, names listed, statistics out. */
final class MetricOperations {

    static final int MAX_METRIC_DATA = 1000;
    static final int MAX_VALUES = 150;
    static final int LIST_PAGE = 500;
    static final int MAX_STATISTICS_DATAPOINTS = 1440;
    private static final long TWO_WEEKS = 14 * 24 * 3_600_000L;
    private static final long TWO_HOURS = 2 * 3_600_000L;
    /** CloudWatch's range for values: 2^-260 to 2^360 in magnitude, or zero. */
    private static final double LARGEST = Math.pow(2, 360);
    private static final double SMALLEST = Math.pow(2, -260);

    private final CloudWatchContext context;

    MetricOperations(CloudWatchContext context) {
        this.context = context;
    }

    JsonNode putMetricData(AwsRequest request) {
        Members members = request.members();
        String namespace = MetricNames.namespace(members, "Namespace", true);
        if (namespace.startsWith("AWS/")) {
            throw CloudWatchErrors.invalidParameterValue("The value " + namespace
                    + " for parameter Namespace is invalid: namespaces starting with AWS/ are reserved for AWS's services.");
        }
        List<Members> data = members.structureList("MetricData");
        if (!members.has("MetricData") || data.isEmpty()) {
            throw CloudWatchErrors.missingParameter("MetricData");
        }
        if (data.size() > MAX_METRIC_DATA) {
            throw CloudWatchErrors.tooMany("MetricData", MAX_METRIC_DATA);
        }
        // check every datum before storing any, so a bad request stores nothing
        List<Datum> parsed = new ArrayList<>(data.size());
        long now = context.now();
        for (int i = 0; i < data.size(); i++) {
            parsed.add(datum(namespace, data.get(i), "MetricData.member." + (i + 1) + ".", now));
        }
        parsed.forEach(this::store);
        return request.newObject();
    }

    private record Datum(SeriesKey key, String unit, long timestampMillis, List<Double> values, List<Double> counts,
                         double[] statisticSet) {
    }

    private Datum datum(String namespace, Members datum, String path, long now) {
        String name = MetricNames.metricName(datum, path + "MetricName", true);
        Map<String, String> dimensions = MetricNames.dimensions(datum, path);
        String unit = MetricNames.unit(datum, path + "Unit");
        Integer resolution = datum.integer("StorageResolution");
        if (resolution != null && resolution != 1 && resolution != 60) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + path
                    + "StorageResolution must be a value in the set [ 1, 60 ].");
        }
        Long timestamp = datum.timestampMillis("Timestamp");
        long at = timestamp == null ? now : timestamp;
        if (at > now + TWO_HOURS) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + path
                    + "Timestamp must specify a time no more than two hours in the future.");
        }
        if (at < now - TWO_WEEKS) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + path
                    + "Timestamp must specify a time within the past two weeks.");
        }
        if (resolution == null || resolution == 60) {
            at -= Math.floorMod(at, 60_000L); // standard resolution: CloudWatch keeps minutes
        }
        Double value = datum.number("Value");
        List<Double> values = datum.numberList("Values");
        List<Double> counts = datum.numberList("Counts");
        Members statistics = datum.structure("StatisticValues");
        if (value != null && values != null) {
            throw CloudWatchErrors.mutuallyExclusive(path + "Value", path + "Values");
        }
        if (value != null && statistics != null) {
            throw CloudWatchErrors.mutuallyExclusive(path + "Value", path + "StatisticValues");
        }
        if (values != null && statistics != null) {
            throw CloudWatchErrors.mutuallyExclusive(path + "Values", path + "StatisticValues");
        }
        if (counts != null && values == null) {
            throw CloudWatchErrors.missingParameter(path + "Values");
        }
        SeriesKey key = new SeriesKey(namespace, name, dimensions);
        String storedUnit = unit == null ? "None" : unit;
        if (statistics != null) {
            return new Datum(key, storedUnit, at, null, null, statisticSet(statistics, path + "StatisticValues."));
        }
        if (value != null) {
            checkValue(value, path + "Value");
            return new Datum(key, storedUnit, at, List.of(value), List.of(1.0), null);
        }
        if (values == null) {
            throw CloudWatchErrors.missingParameter(path + "Value");
        }
        if (values.size() > MAX_VALUES) {
            throw CloudWatchErrors.tooMany(path + "Values", MAX_VALUES);
        }
        if (counts != null && counts.size() != values.size()) {
            throw CloudWatchErrors.invalidParameterValue("The parameters " + path + "Values and " + path
                    + "Counts must be of the same size.");
        }
        for (int i = 0; i < values.size(); i++) {
            checkValue(values.get(i), path + "Values.member." + (i + 1));
            if (counts != null && !(counts.get(i) >= 0) || counts != null && Double.isInfinite(counts.get(i))) {
                throw CloudWatchErrors.invalidParameterValue("The value " + counts.get(i) + " for parameter " + path
                        + "Counts.member." + (i + 1) + " is invalid.");
            }
        }
        return new Datum(key, storedUnit, at, values, counts, null);
    }

    private static double[] statisticSet(Members set, String path) {
        double[] statistics = new double[4];
        String[] names = {"SampleCount", "Sum", "Minimum", "Maximum"};
        for (int i = 0; i < names.length; i++) {
            Double value = set.number(names[i]);
            if (value == null) {
                throw CloudWatchErrors.missingParameter(path + names[i]);
            }
            checkValue(value, path + names[i]);
            statistics[i] = value;
        }
        if (statistics[0] <= 0) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + path + "SampleCount must be greater than 0.");
        }
        if (statistics[2] > statistics[3]) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + path + "Minimum must not be greater than "
                    + path + "Maximum.");
        }
        return statistics;
    }

    private static void checkValue(double value, String member) {
        double magnitude = Math.abs(value);
        if (Double.isNaN(value) || magnitude > LARGEST || magnitude != 0 && magnitude < SMALLEST) {
            throw CloudWatchErrors.invalidParameterValue("The value " + value + " for parameter " + member
                    + " is invalid.");
        }
    }

    private void store(Datum datum) {
        if (datum.statisticSet() != null) {
            double[] set = datum.statisticSet();
            context.metrics.putStatistics(datum.key(), datum.unit(), datum.timestampMillis(), set[0], set[1], set[2], set[3]);
            return;
        }
        for (int i = 0; i < datum.values().size(); i++) {
            double count = datum.counts() == null ? 1 : datum.counts().get(i);
            if (count > 0) {
                context.metrics.putValue(datum.key(), datum.unit(), datum.timestampMillis(), datum.values().get(i), count);
            }
        }
    }

    JsonNode listMetrics(AwsRequest request) {
        Members members = request.members();
        String namespace = MetricNames.namespace(members, "Namespace", false);
        String name = MetricNames.metricName(members, "MetricName", false);
        List<Members> filters = members.structureList("Dimensions");
        if (filters.size() > 10) {
            throw CloudWatchErrors.tooMany("Dimensions", 10);
        }
        String recentlyActive = members.string("RecentlyActive");
        if (recentlyActive != null && !recentlyActive.equals("PT3H")) {
            throw CloudWatchErrors.validation(recentlyActive, "recentlyActive", "Member must satisfy enum value set: [PT3H]");
        }
        long activeSince = recentlyActive == null ? Long.MIN_VALUE : context.now() - 3 * 3_600_000L;
        List<SeriesKey> matching = new ArrayList<>();
        context.metrics.listed().forEach((key, lastData) -> {
            if ((namespace == null || namespace.equals(key.namespace()))
                    && (name == null || name.equals(key.metricName()))
                    && lastData >= activeSince && matchesFilters(key, filters)) {
                matching.add(key);
            }
        });
        matching.sort(Comparator.comparing(SeriesKey::namespace).thenComparing(SeriesKey::metricName)
                .thenComparing(key -> new java.util.TreeMap<>(key.dimensions()).toString()));
        int from = (int) Math.min(CloudWatchContext.position(members.string("NextToken"), "metrics"), matching.size());
        int to = Math.min(from + LIST_PAGE, matching.size());
        ObjectNode response = request.newObject();
        ArrayNode metrics = response.putArray("Metrics");
        for (SeriesKey key : matching.subList(from, to)) {
            metrics.add(metricShape(request, key));
        }
        if (to < matching.size()) {
            response.put("NextToken", CloudWatchContext.token("metrics", to));
        }
        return response;
    }

    private static boolean matchesFilters(SeriesKey key, List<Members> filters) {
        for (int i = 0; i < filters.size(); i++) {
            String filterName = filters.get(i).string("Name");
            if (filterName == null) {
                throw CloudWatchErrors.missingParameter("Dimensions.member." + (i + 1) + ".Name");
            }
            String value = key.dimensions().get(filterName);
            String wanted = filters.get(i).string("Value");
            if (value == null || wanted != null && !wanted.equals(value)) {
                return false;
            }
        }
        return true;
    }

    /** {@code {Namespace, MetricName, Dimensions: [{Name, Value}]}}, dimensions by name. */
    static ObjectNode metricShape(AwsRequest request, SeriesKey key) {
        ObjectNode metric = request.newObject();
        metric.put("Namespace", key.namespace());
        metric.put("MetricName", key.metricName());
        ArrayNode dimensions = metric.putArray("Dimensions");
        new java.util.TreeMap<>(key.dimensions()).forEach((name, value) ->
                dimensions.addObject().put("Name", name).put("Value", value));
        return metric;
    }

    JsonNode getMetricStatistics(AwsRequest request) {
        Members members = request.members();
        SeriesKey key = MetricNames.metric(members, "");
        Integer period = members.integer("Period");
        CloudWatchContext.checkPeriod(period, "Period");
        List<Statistic> statistics = statistics(members);
        String unit = MetricNames.unit(members, "Unit");
        CloudWatchContext.TimeRange range = CloudWatchContext.TimeRange.read(members);
        long start = range.startMillis();
        long end = range.endMillis();
        long from = CloudWatchContext.alignStart(start, period);
        long datapoints = (end - from + period * 1000L - 1) / (period * 1000L);
        if (datapoints > MAX_STATISTICS_DATAPOINTS) {
            throw CloudWatchErrors.invalidParameterCombination("You have requested up to " + datapoints
                    + " datapoints, which exceeds the limit of " + MAX_STATISTICS_DATAPOINTS + ". You may reduce the "
                    + "datapoints requested by increasing Period, or decreasing the time range.");
        }
        boolean distributions = statistics.stream().anyMatch(Statistic::needsDistribution);
        ObjectNode response = request.newObject();
        response.put("Label", key.metricName());
        ArrayNode points = response.putArray("Datapoints");
        for (String each : unit == null ? context.metrics.units(key) : java.util.Set.of(unit)) {
            for (Statistics stats : context.metrics.statistics(key, each, from, end, period, distributions)) {
                points.add(datapoint(request, stats, statistics));
            }
        }
        return response;
    }

    private static List<Statistic> statistics(Members members) {
        List<String> simple = members.stringList("Statistics");
        List<String> extended = members.stringList("ExtendedStatistics");
        if (simple == null && extended == null) {
            throw CloudWatchErrors.missingParameter("Statistics");
        }
        if (simple != null && extended != null && !simple.isEmpty() && !extended.isEmpty()) {
            throw CloudWatchErrors.mutuallyExclusive("Statistics", "ExtendedStatistics");
        }
        List<Statistic> statistics = new ArrayList<>();
        if (simple != null) {
            if (simple.size() > 5) {
                throw CloudWatchErrors.tooMany("Statistics", 5);
            }
            for (int i = 0; i < simple.size(); i++) {
                if (!Statistic.SIMPLE.contains(simple.get(i))) {
                    throw CloudWatchErrors.invalidParameterValue("The parameter Statistics.member." + (i + 1)
                            + " must be a value in the set [ Minimum, Maximum, Average, SampleCount, Sum ].");
                }
                statistics.add(Statistic.parse(simple.get(i)));
            }
        }
        if (extended != null) {
            if (extended.size() > 10) {
                throw CloudWatchErrors.tooMany("ExtendedStatistics", 10);
            }
            for (int i = 0; i < extended.size(); i++) {
                Statistic statistic = Statistic.parse(extended.get(i));
                if (statistic == null || statistic.isSimple()) {
                    throw CloudWatchErrors.invalidParameterValue("The value " + extended.get(i)
                            + " for parameter ExtendedStatistics.member." + (i + 1) + " is not supported.");
                }
                statistics.add(statistic);
            }
        }
        return statistics;
    }

    private static ObjectNode datapoint(AwsRequest request, Statistics period, List<Statistic> statistics) {
        ObjectNode point = request.newObject();
        point.set("Timestamp", Members.timestamp(request.protocol(), period.startMillis()));
        ObjectNode extended = null;
        for (Statistic statistic : statistics) {
            double value = statistic.of(period);
            if (statistic.isSimple()) {
                point.put(statistic.name(), value);
            } else if (!Double.isNaN(value)) {
                if (extended == null) {
                    extended = Members.map(request.protocol());
                }
                extended.put(statistic.name(), value);
            }
        }
        point.put("Unit", period.unit());
        if (extended != null) {
            point.set("ExtendedStatistics", extended);
        }
        return point;
    }
}
