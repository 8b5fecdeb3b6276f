package io.kinesisworkbook.emulator.cloudwatch.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Computes metric math over the results of a request's other queries: arithmetic and comparisons
 * between numbers and series (series meet at the timestamps both have), and CloudWatch's functions
 * SUM, AVG, MIN, MAX (of one series: a number; of several: a series, timestamp by timestamp), RATE,
 * DIFF, IF, FILL, METRICS(), ABS, CEIL, FLOOR and PERIOD.
 */
public final class Evaluator {

    /** What an expression can refer to. */
    public interface Inputs {
        /** The result of the query with this id; throws {@link MathException} when there is none. */
        Value reference(String id);

        /** METRICS() and METRICS("text"): the request's metric queries (whose ids contain the text). */
        List<Value.Series> metrics(String filter);

        /** Every timestamp of the time range at the expression's period, oldest first: where FILL fills. */
        long[] grid();

        int periodSeconds();
    }

    private final Inputs inputs;

    public Evaluator(Inputs inputs) {
        this.inputs = inputs;
    }

    public Value evaluate(Expression expression) {
        if (expression instanceof Expression.Number number) {
            return new Value.Scalar(number.value());
        }
        if (expression instanceof Expression.Text text) {
            throw new MathException("A string (\"" + text.value() + "\") is allowed only as a function's argument");
        }
        if (expression instanceof Expression.Reference reference) {
            return inputs.reference(reference.id());
        }
        if (expression instanceof Expression.Negation negation) {
            return unary(evaluate(negation.operand()), v -> -v);
        }
        if (expression instanceof Expression.Not not) {
            return unary(evaluate(not.operand()), v -> v == 0 ? 1 : 0);
        }
        if (expression instanceof Expression.Binary binary) {
            return binary(binary.operator(), evaluate(binary.left()), evaluate(binary.right()));
        }
        if (expression instanceof Expression.Array array) {
            List<Value.Series> all = new ArrayList<>();
            for (Expression element : array.elements()) {
                all.addAll(seriesOf(evaluate(element), "an array element"));
            }
            return new Value.Many(all);
        }
        return call((Expression.Call) expression);
    }

    private Value call(Expression.Call call) {
        List<Expression> arguments = call.arguments();
        return switch (call.function()) {
            case "SUM" -> aggregate(call, arguments, Aggregation.SUM);
            case "AVG" -> aggregate(call, arguments, Aggregation.AVG);
            case "MIN" -> aggregate(call, arguments, Aggregation.MIN);
            case "MAX" -> aggregate(call, arguments, Aggregation.MAX);
            case "RATE" -> perSeries(call, arguments, series -> differences(series, true));
            case "DIFF" -> perSeries(call, arguments, series -> differences(series, false));
            case "ABS" -> unary(one(call, arguments), Math::abs);
            case "CEIL" -> unary(one(call, arguments), Math::ceil);
            case "FLOOR" -> unary(one(call, arguments), Math::floor);
            case "PERIOD" -> {
                one(call, arguments);
                yield new Value.Scalar(inputs.periodSeconds());
            }
            case "METRICS" -> metrics(call, arguments);
            case "IF" -> conditional(call, arguments);
            case "FILL" -> fill(call, arguments);
            default -> throw new MathException("Unknown function " + call.function()
                    + " (this emulator knows SUM, AVG, MIN, MAX, RATE, DIFF, IF, FILL, METRICS, ABS, CEIL, FLOOR, PERIOD)");
        };
    }

    private enum Aggregation { SUM, AVG, MIN, MAX }

    private Value aggregate(Expression.Call call, List<Expression> arguments, Aggregation aggregation) {
        Value value = one(call, arguments);
        if (value instanceof Value.Series series) {
            return new Value.Scalar(reduce(series.series().values(), aggregation));
        }
        if (value instanceof Value.Many many) {
            return new Value.Series(acrossSeries(many.series(), aggregation),
                    call.function() + " of " + many.series().size() + " series");
        }
        return value;
    }

    private static double reduce(double[] values, Aggregation aggregation) {
        if (values.length == 0) {
            return Double.NaN;
        }
        return switch (aggregation) {
            case SUM -> Arrays.stream(values).sum();
            case AVG -> Arrays.stream(values).average().orElse(Double.NaN);
            case MIN -> Arrays.stream(values).min().orElse(Double.NaN);
            case MAX -> Arrays.stream(values).max().orElse(Double.NaN);
        };
    }

    /** Timestamp by timestamp, over the series that have a value there. */
    private static TimeSeries acrossSeries(List<Value.Series> all, Aggregation aggregation) {
        TreeMap<Long, List<Double>> byTime = new TreeMap<>();
        for (Value.Series series : all) {
            TimeSeries s = series.series();
            for (int i = 0; i < s.size(); i++) {
                byTime.computeIfAbsent(s.timestamps()[i], t -> new ArrayList<>()).add(s.values()[i]);
            }
        }
        long[] times = new long[byTime.size()];
        double[] values = new double[byTime.size()];
        int i = 0;
        for (var entry : byTime.entrySet()) {
            times[i] = entry.getKey();
            values[i++] = reduce(entry.getValue().stream().mapToDouble(Double::doubleValue).toArray(), aggregation);
        }
        return new TimeSeries(times, values);
    }

    /** RATE (change per second) and DIFF (change) between each point and the one before; the first has none. */
    private static TimeSeries differences(TimeSeries series, boolean perSecond) {
        int n = Math.max(0, series.size() - 1);
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 1; i < series.size(); i++) {
            double change = series.values()[i] - series.values()[i - 1];
            double seconds = (series.timestamps()[i] - series.timestamps()[i - 1]) / 1000.0;
            times[i - 1] = series.timestamps()[i];
            values[i - 1] = perSecond ? change / seconds : change;
        }
        return new TimeSeries(times, values);
    }

    private Value perSeries(Expression.Call call, List<Expression> arguments,
                            java.util.function.UnaryOperator<TimeSeries> operation) {
        return eachSeries(one(call, arguments), call.function(), operation);
    }

    private Value metrics(Expression.Call call, List<Expression> arguments) {
        if (arguments.size() > 1) {
            throw new MathException("METRICS takes at most one argument");
        }
        String filter = "";
        if (arguments.size() == 1) {
            if (!(arguments.get(0) instanceof Expression.Text text)) {
                throw new MathException("METRICS takes a string");
            }
            filter = text.value();
        }
        return new Value.Many(inputs.metrics(filter));
    }

    /** IF(condition, then[, else]): per timestamp; without else, timestamps whose condition is false have no value. */
    private Value conditional(Expression.Call call, List<Expression> arguments) {
        if (arguments.size() < 2 || arguments.size() > 3) {
            throw new MathException("IF takes two or three arguments");
        }
        Value condition = evaluate(arguments.get(0));
        Value then = evaluate(arguments.get(1));
        Value otherwise = arguments.size() == 3 ? evaluate(arguments.get(2)) : new Value.Scalar(Double.NaN);
        if (condition instanceof Value.Scalar scalar) {
            return scalar.value() != 0 ? then : otherwise;
        }
        Value.Series test = single(condition, "IF's condition");
        TimeSeries grid = test.series();
        TimeSeries thenSeries = alignTo(grid, then);
        TimeSeries elseSeries = alignTo(grid, otherwise);
        double[] values = new double[grid.size()];
        for (int i = 0; i < grid.size(); i++) {
            values[i] = grid.values()[i] != 0 ? thenSeries.values()[i] : elseSeries.values()[i];
        }
        return new Value.Series(new TimeSeries(grid.timestamps(), values).withoutNaN(), test.label());
    }

    /** A value at each of the grid's timestamps (NaN where it has none). */
    private static TimeSeries alignTo(TimeSeries grid, Value value) {
        double[] values = new double[grid.size()];
        if (value instanceof Value.Scalar scalar) {
            Arrays.fill(values, scalar.value());
            return new TimeSeries(grid.timestamps(), values);
        }
        TimeSeries series = single(value, "IF's branch").series();
        int j = 0;
        for (int i = 0; i < grid.size(); i++) {
            while (j < series.size() && series.timestamps()[j] < grid.timestamps()[i]) {
                j++;
            }
            values[i] = j < series.size() && series.timestamps()[j] == grid.timestamps()[i] ? series.values()[j] : Double.NaN;
        }
        return new TimeSeries(grid.timestamps(), values);
    }

    /** FILL(series, value | REPEAT | LINEAR): a value at every timestamp of the time range. */
    private Value fill(Expression.Call call, List<Expression> arguments) {
        if (arguments.size() != 2) {
            throw new MathException("FILL takes two arguments");
        }
        Value target = evaluate(arguments.get(0));
        Expression how = arguments.get(1);
        String mode = how instanceof Expression.Reference reference ? reference.id().toUpperCase(java.util.Locale.ROOT) : null;
        if (mode != null && !mode.equals("REPEAT") && !mode.equals("LINEAR")) {
            mode = null;
        }
        Value filler = mode == null ? evaluate(how) : null;
        String fillMode = mode;
        return eachSeries(target, "FILL", series -> filled(series, fillMode, filler));
    }

    private TimeSeries filled(TimeSeries series, String mode, Value filler) {
        long[] grid = inputs.grid();
        TimeSeries fillerSeries = filler == null ? null
                : alignTo(new TimeSeries(grid, new double[grid.length]), filler);
        double[] values = new double[grid.length];
        int j = 0;
        for (int i = 0; i < grid.length; i++) {
            while (j < series.size() && series.timestamps()[j] < grid[i]) {
                j++;
            }
            if (j < series.size() && series.timestamps()[j] == grid[i]) {
                values[i] = series.values()[j];
            } else if (fillerSeries != null) {
                values[i] = fillerSeries.values()[i];
            } else {
                values[i] = interpolate(series, grid[i], j, "LINEAR".equals(mode));
            }
        }
        return new TimeSeries(grid, values).withoutNaN();
    }

    /** REPEAT: the last value before; LINEAR: the straight line between the values around (edges repeat). */
    private static double interpolate(TimeSeries series, long time, int next, boolean linear) {
        boolean hasBefore = next > 0;
        boolean hasAfter = next < series.size();
        if (!hasBefore && !hasAfter) {
            return Double.NaN;
        }
        if (!linear || !hasBefore || !hasAfter) {
            return hasBefore ? series.values()[next - 1] : linear ? series.values()[next] : Double.NaN;
        }
        long t0 = series.timestamps()[next - 1];
        long t1 = series.timestamps()[next];
        double v0 = series.values()[next - 1];
        double v1 = series.values()[next];
        return v0 + (v1 - v0) * (time - t0) / (double) (t1 - t0);
    }

    private Value one(Expression.Call call, List<Expression> arguments) {
        if (arguments.size() != 1) {
            throw new MathException(call.function() + " takes one argument");
        }
        return evaluate(arguments.get(0));
    }

    private static Value unary(Value value, DoubleUnaryOperator operation) {
        if (value instanceof Value.Scalar scalar) {
            return new Value.Scalar(operation.applyAsDouble(scalar.value()));
        }
        return eachSeries(value, "", series -> series.map(operation));
    }

    /** Applies an operation to a series, or to each of several; a number is refused. */
    private static Value eachSeries(Value value, String function, java.util.function.UnaryOperator<TimeSeries> operation) {
        if (value instanceof Value.Series series) {
            return new Value.Series(operation.apply(series.series()), series.label());
        }
        if (value instanceof Value.Many many) {
            return new Value.Many(many.series().stream()
                    .map(s -> new Value.Series(operation.apply(s.series()), s.label())).toList());
        }
        throw new MathException(function + " needs a time series, not a number");
    }

    private static Value binary(String operator, Value left, Value right) {
        DoubleBinaryOperator operation = operation(operator);
        if (left instanceof Value.Many many) {
            return new Value.Many(many.series().stream().map(s -> (Value.Series) binary(operator, s, right)).toList());
        }
        if (right instanceof Value.Many many) {
            return new Value.Many(many.series().stream().map(s -> (Value.Series) binary(operator, left, s)).toList());
        }
        if (left instanceof Value.Scalar a && right instanceof Value.Scalar b) {
            return new Value.Scalar(operation.applyAsDouble(a.value(), b.value()));
        }
        if (left instanceof Value.Series a && right instanceof Value.Scalar b) {
            return new Value.Series(a.series().map(v -> operation.applyAsDouble(v, b.value())), a.label());
        }
        if (left instanceof Value.Scalar a && right instanceof Value.Series b) {
            return new Value.Series(b.series().map(v -> operation.applyAsDouble(a.value(), v)), b.label());
        }
        Value.Series a = (Value.Series) left;
        Value.Series b = (Value.Series) right;
        return new Value.Series(a.series().combine(b.series(), operation), a.label());
    }

    private static DoubleBinaryOperator operation(String operator) {
        return switch (operator) {
            case "+" -> Double::sum;
            case "-" -> (a, b) -> a - b;
            case "*" -> (a, b) -> a * b;
            case "/" -> (a, b) -> a / b;
            case "^" -> Math::pow;
            case "==" -> (a, b) -> a == b ? 1 : 0;
            case "!=" -> (a, b) -> a != b ? 1 : 0;
            case "<" -> (a, b) -> a < b ? 1 : 0;
            case "<=" -> (a, b) -> a <= b ? 1 : 0;
            case ">" -> (a, b) -> a > b ? 1 : 0;
            case ">=" -> (a, b) -> a >= b ? 1 : 0;
            case "AND" -> (a, b) -> a != 0 && b != 0 ? 1 : 0;
            case "OR" -> (a, b) -> a != 0 || b != 0 ? 1 : 0;
            default -> throw new MathException("Unknown operator " + operator);
        };
    }

    private static List<Value.Series> seriesOf(Value value, String where) {
        if (value instanceof Value.Series series) {
            return List.of(series);
        }
        if (value instanceof Value.Many many) {
            return many.series();
        }
        throw new MathException("A number is not allowed as " + where);
    }

    private static Value.Series single(Value value, String where) {
        if (value instanceof Value.Series series) {
            return series;
        }
        throw new MathException(where + " must be a single time series");
    }
}
