package io.kinesisworkbook.lib.view;

import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.knowm.xchart.CategoryChart;

/**
 * How values are spread: record sizes, latencies, partition-key hashes per shard.
 *
 * <p>Each bar counts the values in one bin, and each bin is labelled with its range ("10–15"). Bins
 * have a round width (1, 2 or 5 times a power of ten) and start on a multiple of it, so the labels
 * read like a ruler; the number of bins asked for is a target, the round width decides the exact
 * count. (Equal-width bins cut at the data's own minimum give labels such as "8.63, 18.71", which
 * nobody can read aloud.)
 */
public final class HistogramChart extends ChartView<HistogramChart> {

    /** Beyond this many bins the range labels are turned to fit under their bars. */
    private static final int UPRIGHT_LABELS_UP_TO = 12;

    private final List<Double> values;
    private final Bins bins;

    HistogramChart(String title, Collection<? extends Number> values, int bins) {
        super(title);
        if (bins < 1) {
            throw new IllegalArgumentException("A histogram needs at least one bin, got " + bins);
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Histogram '" + title + "' has no values");
        }
        this.values = values.stream().map(Number::doubleValue).toList();
        this.bins = Bins.around(this.values, bins);
        yAxis("count");
    }

    @Override
    public List<String> seriesNames() {
        return List.of("count");
    }

    /** The bins' labels, lowest first, e.g. {@code ["5–10", "10–15"]}. */
    public List<String> binLabels() {
        return bins.labels();
    }

    /** How many values fall in each bin, lowest first. */
    public List<Integer> counts() {
        return bins.count(values);
    }

    @Override
    public CategoryChart toXChart() {
        CategoryChart chart = styled(new CategoryChart(width(), height()));
        chart.getStyler().setAvailableSpaceFill(0.96);
        if (bins.size() > UPRIGHT_LABELS_UP_TO) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
        List<Integer> counts = counts();
        readableNumbers(chart.getStyler(), counts.stream().mapToDouble(Integer::doubleValue), true, null);
        chart.addSeries("count", binLabels(), counts);
        return chart;
    }

    /** Bins of one round width from a round start: {@code size} bins, the first starting at {@code start}. */
    record Bins(double start, double width, int size) {

        static Bins around(List<Double> values, int target) {
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double width = roundWidth((max - min) / target);
            double start = Math.floor(min / width) * width;
            int size = Math.max(1, (int) Math.floor((max - start) / width) + 1);
            return new Bins(start, width, size);
        }

        /** The smallest of 1, 2 or 5 times a power of ten that is at least {@code rough}. */
        static double roundWidth(double rough) {
            if (rough <= 0 || !Double.isFinite(rough)) {
                return 1;
            }
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            for (double step : new double[] {1, 2, 5, 10}) {
                if (step * power >= rough * (1 - 1e-9)) {
                    return step * power;
                }
            }
            return 10 * power;
        }

        List<Integer> count(List<Double> values) {
            int[] counts = new int[size];
            for (double value : values) {
                int bin = (int) Math.floor((value - start) / width);
                counts[Math.max(0, Math.min(size - 1, bin))]++;
            }
            List<Integer> result = new ArrayList<>(size);
            for (int count : counts) {
                result.add(count);
            }
            return result;
        }

        List<String> labels() {
            // Decimals for the bin width, not for the data: bins 0.5 wide need one, bins 5 wide none.
            DecimalFormat format = new DecimalFormat(AxisNumbers.pattern(0, width * 100));
            List<String> labels = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                labels.add(format.format(start + i * width) + "–" + format.format(start + (i + 1) * width));
            }
            return labels;
        }
    }
}
