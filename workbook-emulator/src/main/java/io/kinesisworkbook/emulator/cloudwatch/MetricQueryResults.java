package io.kinesisworkbook.emulator.cloudwatch;

import io.kinesisworkbook.emulator.cloudwatch.math.Evaluator;
import io.kinesisworkbook.emulator.cloudwatch.math.MathException;
import io.kinesisworkbook.emulator.cloudwatch.math.TimeSeries;
import io.kinesisworkbook.emulator.cloudwatch.math.Value;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics.Statistics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes a request's queries over one time range: each MetricStat from the metrics store, each
 * expression from the results it refers to (in whatever order they were given; a cycle is an
 * error). GetMetricData and alarms on metric math both use it.
 */
final class MetricQueryResults {

    /** One query's series, its label, and what CloudWatch would say about it ({@code MultipleUnits}). */
    record Result(MetricQuery query, TimeSeries series, String label, List<String[]> messages) {
    }

    private final InMemoryMetrics metrics;
    private final List<MetricQuery> queries;
    private final long startMillis;
    private final long endMillis;
    private final Map<String, MetricQuery> byId = new LinkedHashMap<>();
    private final Map<String, Result> results = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final Map<String, String> defaultLabels;

    MetricQueryResults(InMemoryMetrics metrics, List<MetricQuery> queries, long startMillis, long endMillis) {
        this.metrics = metrics;
        this.queries = queries;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        queries.forEach(query -> byId.put(query.id(), query));
        this.defaultLabels = defaultLabels(queries);
    }

    /** Every query's result, in the order the queries were given. */
    List<Result> all() {
        List<Result> all = new ArrayList<>();
        for (MetricQuery query : queries) {
            all.add(result(query));
        }
        return all;
    }

    Result result(MetricQuery query) {
        Result done = results.get(query.id());
        if (done != null) {
            return done;
        }
        if (!evaluating.add(query.id())) {
            throw CloudWatchErrors.validation("Error in expression '" + query.id() + "': circular reference to "
                    + query.id());
        }
        Result result = query.isMetricStat() ? metricStat(query) : expression(query);
        evaluating.remove(query.id());
        results.put(query.id(), result);
        return result;
    }

    private Result metricStat(MetricQuery query) {
        List<String[]> messages = new ArrayList<>();
        String unit = query.unit();
        if (unit == null) {
            // Like CloudWatch: data under several units are not added up; the first unit by name is used, and said.
            TreeSet<String> units = new TreeSet<>(metrics.units(query.metric()));
            if (units.size() > 1) {
                messages.add(new String[] {"MultipleUnits", "Multiple units returned: '" + units + "'"});
            }
            unit = units.isEmpty() ? null : units.first();
        }
        TimeSeries series = TimeSeries.EMPTY;
        if (unit != null) {
            long from = CloudWatchContext.alignStart(startMillis, query.period());
            List<Statistics> periods = metrics.statistics(query.metric(), unit, from, endMillis, query.period(),
                    query.statistic().needsDistribution());
            long[] times = new long[periods.size()];
            double[] values = new double[periods.size()];
            int n = 0;
            for (Statistics period : periods) {
                double value = query.statistic().of(period);
                if (!Double.isNaN(value)) {
                    times[n] = period.startMillis();
                    values[n++] = value;
                }
            }
            series = new TimeSeries(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values, n));
        }
        return new Result(query, series, label(query), messages);
    }

    private Result expression(MetricQuery query) {
        Evaluator evaluator = new Evaluator(new Inputs(query));
        Value value;
        try {
            value = evaluator.evaluate(query.expression());
        } catch (MathException e) {
            throw CloudWatchErrors.validation("Error in expression '" + query.id() + "': " + e.getMessage());
        }
        TimeSeries series;
        if (value instanceof Value.Series one) {
            series = one.series();
        } else if (value instanceof Value.Scalar scalar) {
            series = constant(scalar.value(), grid(periodOf(query)));
        } else {
            throw CloudWatchErrors.validation("Error in expression '" + query.id() + "': the expression returns "
                    + ((Value.Many) value).series().size() + " time series; a query's result must be one");
        }
        return new Result(query, series, label(query), List.of());
    }

    private String label(MetricQuery query) {
        return query.label() != null ? query.label() : defaultLabels.get(query.id());
    }

    /** The period of an expression: its own, else the shortest of the metrics in the request. */
    private int periodOf(MetricQuery query) {
        if (query.period() > 0) {
            return query.period();
        }
        return queries.stream().filter(MetricQuery::isMetricStat).mapToInt(MetricQuery::period).min().orElse(60);
    }

    private long[] grid(int periodSeconds) {
        long period = periodSeconds * 1000L;
        long from = CloudWatchContext.alignStart(startMillis, periodSeconds);
        int n = (int) Math.max(0, Math.min(200_000, (endMillis - from + period - 1) / period));
        long[] grid = new long[n];
        for (int i = 0; i < n; i++) {
            grid[i] = from + i * period;
        }
        return grid;
    }

    private static TimeSeries constant(double value, long[] grid) {
        if (!Double.isFinite(value)) {
            return TimeSeries.EMPTY;
        }
        double[] values = new double[grid.length];
        java.util.Arrays.fill(values, value);
        return new TimeSeries(grid, values);
    }

    /**
     * CloudWatch's labels for metric queries without one: the metric's name, followed by the
     * statistic where the request's metric queries differ in statistic, and by the period where
     * they differ in period. An expression is labelled with its id.
     */
    private static Map<String, String> defaultLabels(List<MetricQuery> queries) {
        List<MetricQuery> stats = queries.stream().filter(MetricQuery::isMetricStat).toList();
        boolean statsDiffer = stats.stream().map(q -> q.statistic().name()).distinct().count() > 1;
        boolean periodsDiffer = stats.stream().map(MetricQuery::period).distinct().count() > 1;
        Map<String, String> labels = new HashMap<>();
        for (MetricQuery query : queries) {
            if (!query.isMetricStat()) {
                labels.put(query.id(), query.id());
                continue;
            }
            StringBuilder label = new StringBuilder(query.metric().metricName());
            if (statsDiffer) {
                label.append(' ').append(query.statistic().name());
            }
            if (periodsDiffer) {
                label.append(' ').append(query.period());
            }
            labels.put(query.id(), label.toString());
        }
        return labels;
    }

    /** What an expression sees: the other queries' results. */
    private final class Inputs implements Evaluator.Inputs {
        private final MetricQuery query;

        Inputs(MetricQuery query) {
            this.query = query;
        }

        @Override
        public Value reference(String id) {
            MetricQuery referenced = byId.get(id);
            if (referenced == null) {
                throw new MathException("Unrecognized metric id or function: " + id);
            }
            Result result = result(referenced);
            return new Value.Series(result.series(), result.label());
        }

        @Override
        public List<Value.Series> metrics(String filter) {
            List<Value.Series> all = new ArrayList<>();
            for (MetricQuery each : queries) {
                if (each.isMetricStat() && each.id().contains(filter)) {
                    Result result = result(each);
                    all.add(new Value.Series(result.series(), result.label()));
                }
            }
            return all;
        }

        @Override
        public long[] grid() {
            return MetricQueryResults.this.grid(periodOf(query));
        }

        @Override
        public int periodSeconds() {
            return periodOf(query);
        }
    }
}
