package io.kinesisworkbook.lib.view;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.Histogram;

/**
 * How values are spread: record sizes, latencies, partition-key hashes per shard.
 * The range from the smallest to the largest value is cut into equal bins; each bar counts the values in one.
 */
public final class HistogramChart extends ChartView<HistogramChart> {

    private final Collection<? extends Number> values;
    private final int bins;

    HistogramChart(String title, Collection<? extends Number> values, int bins) {
        super(title);
        if (bins < 1) {
            throw new IllegalArgumentException("A histogram needs at least one bin, got " + bins);
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Histogram '" + title + "' has no values");
        }
        this.values = List.copyOf(values);
        this.bins = bins;
        yAxis("count");
    }

    @Override
    public List<String> seriesNames() {
        return List.of("count");
    }

    @Override
    public CategoryChart toXChart() {
        // A mutable copy: XChart asks the list whether it contains null, which immutable lists refuse to answer.
        Histogram histogram = new Histogram(new ArrayList<>(values), bins);
        CategoryChart chart = styled(new CategoryChart(width(), height()));
        chart.getStyler().setAvailableSpaceFill(0.96);
        chart.getStyler().setXAxisDecimalPattern("#,##0.##");
        chart.getStyler().setXAxisMaxLabelCount(12);
        chart.addSeries("count", histogram.getxAxisData(), histogram.getyAxisData());
        return chart;
    }
}
