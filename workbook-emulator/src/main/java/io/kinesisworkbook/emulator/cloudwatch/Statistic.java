package io.kinesisworkbook.emulator.cloudwatch;

import io.kinesisworkbook.emulator.metrics.InMemoryMetrics.Statistics;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of CloudWatch's statistics, by the name a query gives it: the five simple ones (Sum,
 * Average, Minimum, Maximum, SampleCount), percentiles ({@code p99}, {@code p99.9}), trimmed means,
 * counts and sums ({@code tm90}, {@code tc90}, {@code ts90}, {@code TM(10%:90%)}) and {@code IQM}.
 * Percentile-based ones need the values of a period, so they are answered only where raw values
 * were published (not statistic sets, unless their values were all equal), as on AWS.
 */
record Statistic(String name, Kind kind, double low, double high) {

    enum Kind { SUM, AVERAGE, MINIMUM, MAXIMUM, SAMPLE_COUNT, PERCENTILE, TRIMMED_MEAN, TRIMMED_COUNT, TRIMMED_SUM }

    static final java.util.List<String> SIMPLE = java.util.List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d{1,10})?|100(\\.0{1,10})?)");
    private static final Pattern TRIMMED_SHORT = Pattern.compile("(tm|tc|ts)(\\d{1,2}(\\.\\d{1,10})?|100)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRIMMED_RANGE = Pattern.compile(
            "(tm|tc|ts)\\((\\d{1,3}(?:\\.\\d+)?)?%:(\\d{1,3}(?:\\.\\d+)?)?%\\)", Pattern.CASE_INSENSITIVE);

    /** The statistic a name spells, or null when it spells none we know. */
    static Statistic parse(String name) {
        if (name == null) {
            return null;
        }
        switch (name) {
            case "Sum" -> { return new Statistic(name, Kind.SUM, 0, 0); }
            case "Average" -> { return new Statistic(name, Kind.AVERAGE, 0, 0); }
            case "Minimum" -> { return new Statistic(name, Kind.MINIMUM, 0, 0); }
            case "Maximum" -> { return new Statistic(name, Kind.MAXIMUM, 0, 0); }
            case "SampleCount" -> { return new Statistic(name, Kind.SAMPLE_COUNT, 0, 0); }
            case "IQM" -> { return new Statistic(name, Kind.TRIMMED_MEAN, 25, 75); }
            default -> { }
        }
        Matcher percentile = PERCENTILE.matcher(name);
        if (percentile.matches()) {
            double value = Double.parseDouble(name.substring(1));
            return new Statistic(name, Kind.PERCENTILE, value, value);
        }
        Matcher shortTrimmed = TRIMMED_SHORT.matcher(name);
        if (shortTrimmed.matches()) {
            return new Statistic(name, trimmed(shortTrimmed.group(1)), 0, Double.parseDouble(shortTrimmed.group(2)));
        }
        Matcher range = TRIMMED_RANGE.matcher(name);
        if (range.matches()) {
            double low = range.group(2) == null ? 0 : Double.parseDouble(range.group(2));
            double high = range.group(3) == null ? 100 : Double.parseDouble(range.group(3));
            if (low < high && high <= 100) {
                return new Statistic(name, trimmed(range.group(1)), low, high);
            }
        }
        return null;
    }

    private static Kind trimmed(String prefix) {
        return switch (prefix.toLowerCase(java.util.Locale.ROOT)) {
            case "tm" -> Kind.TRIMMED_MEAN;
            case "tc" -> Kind.TRIMMED_COUNT;
            default -> Kind.TRIMMED_SUM;
        };
    }

    /** Whether this statistic needs the values of a period, not only their sum, count and extremes. */
    boolean needsDistribution() {
        return kind.ordinal() >= Kind.PERCENTILE.ordinal();
    }

    boolean isSimple() {
        return !needsDistribution();
    }

    /** The statistic of one period, or NaN when it cannot be computed (no values known). */
    double of(Statistics period) {
        return switch (kind) {
            case SUM -> period.sum();
            case AVERAGE -> period.average();
            case MINIMUM -> period.minimum();
            case MAXIMUM -> period.maximum();
            case SAMPLE_COUNT -> period.sampleCount();
            case PERCENTILE -> period.percentile(low);
            default -> trimmedOf(period);
        };
    }

    private double trimmedOf(Statistics period) {
        if (period.distribution() == null) {
            return Double.NaN;
        }
        double[] sumAndCount = period.distribution().between(low, high);
        return switch (kind) {
            case TRIMMED_COUNT -> sumAndCount[1];
            case TRIMMED_SUM -> sumAndCount[0];
            default -> sumAndCount[1] == 0 ? Double.NaN : sumAndCount[0] / sumAndCount[1];
        };
    }
}
