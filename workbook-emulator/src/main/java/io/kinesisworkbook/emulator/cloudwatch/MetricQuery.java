package io.kinesisworkbook.emulator.cloudwatch;

import io.kinesisworkbook.emulator.cloudwatch.math.Expression;
import io.kinesisworkbook.emulator.cloudwatch.math.ExpressionParser;
import io.kinesisworkbook.emulator.cloudwatch.math.MathException;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics.SeriesKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of GetMetricData's {@code MetricDataQueries} (or of an alarm's {@code Metrics}): a
 * metric with a period and statistic ({@code MetricStat}), or a metric math {@code Expression},
 * with its {@code Id}, {@code Label} and {@code ReturnData}.
 */
record MetricQuery(String id, String path, SeriesKey metric, int period, Statistic statistic, String unit,
                   String expressionText, Expression expression, String label, boolean returnData) {

    static final int MAX_QUERIES = 500;
    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

    boolean isMetricStat() {
        return metric != null;
    }

    /** Reads and checks a request's queries; {@code collection} is their member name, e.g. {@code MetricDataQueries}. */
    static List<MetricQuery> readAll(Members request, String collection) {
        List<Members> queries = request.structureList(collection);
        if (!request.has(collection) || queries.isEmpty()) {
            throw CloudWatchErrors.missingParameter(collection);
        }
        if (queries.size() > MAX_QUERIES) {
            throw CloudWatchErrors.tooMany(collection, MAX_QUERIES);
        }
        List<MetricQuery> parsed = new java.util.ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < queries.size(); i++) {
            MetricQuery query = read(queries.get(i), collection + ".member." + (i + 1) + ".");
            if (!ids.add(query.id())) {
                throw CloudWatchErrors.validation("The values for parameter id in " + collection + " are not unique.");
            }
            parsed.add(query);
        }
        if (parsed.stream().noneMatch(MetricQuery::returnData)) {
            throw CloudWatchErrors.validation("No " + collection + " have ReturnData set to true; at least one must.");
        }
        return parsed;
    }

    private static MetricQuery read(Members query, String path) {
        String id = query.string("Id");
        if (id == null) {
            throw CloudWatchErrors.missingParameter(path + "Id");
        }
        if (id.length() > 255 || !ID.matcher(id).matches()) {
            throw CloudWatchErrors.validation("Invalid metric data query id " + id + " at " + path + "Id: it must start "
                    + "with a lowercase letter and contain only letters, digits and underscores.");
        }
        Members stat = query.structure("MetricStat");
        String expression = query.string("Expression");
        String label = query.string("Label");
        boolean returnData = !Boolean.FALSE.equals(query.bool("ReturnData"));
        if (stat != null && expression != null) {
            throw CloudWatchErrors.mutuallyExclusive(path + "MetricStat", path + "Expression");
        }
        if (stat == null && expression == null) {
            throw CloudWatchErrors.invalidParameterCombination("Exactly one of " + path + "MetricStat and " + path
                    + "Expression must be specified.");
        }
        Integer queryPeriod = query.integer("Period");
        if (stat == null) {
            if (queryPeriod != null) {
                CloudWatchContext.checkPeriod(queryPeriod, path + "Period");
            }
            return new MetricQuery(id, path, null, queryPeriod == null ? 0 : queryPeriod, null, null, expression,
                    parseExpression(id, expression), label, returnData);
        }
        Members metric = stat.structure("Metric");
        if (metric == null) {
            throw CloudWatchErrors.missingParameter(path + "MetricStat.Metric");
        }
        SeriesKey key = MetricNames.metric(metric, path + "MetricStat.Metric.");
        Integer period = stat.integer("Period");
        CloudWatchContext.checkPeriod(period, path + "MetricStat.Period");
        String statName = stat.string("Stat");
        if (statName == null) {
            throw CloudWatchErrors.missingParameter(path + "MetricStat.Stat");
        }
        Statistic statistic = Statistic.parse(statName);
        if (statistic == null) {
            throw CloudWatchErrors.validation("The value " + statName + " for parameter " + path
                    + "MetricStat.Stat is not a valid statistic.");
        }
        String unit = MetricNames.unit(stat, path + "MetricStat.Unit");
        return new MetricQuery(id, path, key, period, statistic, unit, null, null, label, returnData);
    }

    private static Expression parseExpression(String id, String text) {
        if (text.isEmpty() || text.length() > 2048) {
            throw CloudWatchErrors.validation("The parameter Expression of query " + id
                    + " must be 1 to 2048 characters long.");
        }
        try {
            return ExpressionParser.parse(text);
        } catch (MathException e) {
            throw CloudWatchErrors.validation("Error in expression '" + id + "': " + e.getMessage());
        }
    }
}
