package io.kinesisworkbook.lib.view;

import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knowm.xchart.CategoryChart;

/**
 * Bars for categories: {@code category("unified log", 7)} for one set of bars, or
 * {@code series("before", map).series("after", map)} for groups of bars side by side.
 *
 * <p>Categories appear in the order they were first mentioned; a category missing from one series
 * is drawn as zero in it.
 */
public final class BarChart extends ChartView<BarChart> {

    /** The series that {@link #category(String, Number)} fills; its name only shows if other series join it. */
    private static final String DEFAULT_SERIES = "value";

    /** Light enough for dark labels to read on: blue, orange, green, purple, red, teal. */
    private static final Color[] LIGHT_PALETTE = {new Color(126, 176, 213), new Color(255, 181, 90), new Color(178, 224, 97),
        new Color(189, 126, 190), new Color(253, 127, 111), new Color(139, 211, 199)};
    private static final Color LABEL_COLOR = new Color(30, 30, 30);

    private final Map<String, Map<String, Number>> valuesBySeries = new LinkedHashMap<>();

    BarChart(String title) {
        super(title);
    }

    /** Adds (or replaces) one bar. */
    public BarChart category(String category, Number value) {
        valuesBySeries.computeIfAbsent(DEFAULT_SERIES, name -> new LinkedHashMap<>()).put(category, value);
        return this;
    }

    /** Adds a named series of bars, one per category, to draw next to the other series. */
    public BarChart series(String name, Map<String, ? extends Number> valueByCategory) {
        valuesBySeries.put(name, new LinkedHashMap<>(valueByCategory));
        return this;
    }

    @Override
    public List<String> seriesNames() {
        return List.copyOf(valuesBySeries.keySet());
    }

    @Override
    public CategoryChart toXChart() {
        requireSeries();
        CategoryChart chart = styled(new CategoryChart(width(), height()));
        // Each bar carries its value at its top, large enough to read without the axis. Dark labels on
        // light bars: a bar too short to hold its label shows it over the white plot, still readable
        // (white labels on dark bars vanish there).
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(LABEL_COLOR);
        chart.getStyler().setLabelsPosition(1.0);
        chart.getStyler().setSeriesColors(LIGHT_PALETTE);
        chart.getStyler().setYAxisMin(0.0);
        readableNumbers(chart.getStyler(), valuesBySeries.values().stream()
                .flatMap(values -> values.values().stream()).mapToDouble(Number::doubleValue), true, null);
        List<String> categories = List.copyOf(allCategories());
        valuesBySeries.forEach((name, values) -> chart.addSeries(name, categories,
                categories.stream().map(category -> values.getOrDefault(category, 0)).toList()));
        return chart;
    }

    private Set<String> allCategories() {
        Set<String> categories = new LinkedHashSet<>();
        valuesBySeries.values().forEach(values -> categories.addAll(values.keySet()));
        return categories;
    }
}
