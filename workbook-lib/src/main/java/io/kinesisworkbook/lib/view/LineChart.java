package io.kinesisworkbook.lib.view;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;

/** A plain x/y line chart, one line per named series: latency against batch size, cost against shards. */
public final class LineChart extends ChartView<LineChart> {

    private final Map<String, List<? extends Number>> xs = new LinkedHashMap<>();
    private final Map<String, List<? extends Number>> ys = new LinkedHashMap<>();

    LineChart(String title) {
        super(title);
    }

    public LineChart series(String name, List<? extends Number> x, List<? extends Number> y) {
        if (x.size() != y.size()) {
            throw new IllegalArgumentException("Series '" + name + "' has " + x.size() + " x values but " + y.size() + " y values");
        }
        xs.put(name, x);
        ys.put(name, y);
        return this;
    }

    public LineChart series(String name, double[] x, double[] y) {
        return series(name, Arrays.stream(x).boxed().toList(), Arrays.stream(y).boxed().toList());
    }

    @Override
    public List<String> seriesNames() {
        return List.copyOf(xs.keySet());
    }

    @Override
    public XYChart toXChart() {
        requireSeries();
        XYChart chart = styled(new XYChart(width(), height()));
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(6);
        readableNumbers(chart.getStyler(), ys.values().stream().flatMap(List::stream).mapToDouble(Number::doubleValue), false,
                xs.values().stream().flatMap(List::stream).mapToDouble(Number::doubleValue));
        xs.forEach((name, x) -> chart.addSeries(name, x, ys.get(name)));
        return chart;
    }
}
