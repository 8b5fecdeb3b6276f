package io.kinesisworkbook.lib.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

class ChartsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    @Test
    void chartsDrawHeadless() {
        Charts.bars("Connections").category("point-to-point", 12);

        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
        assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    }

    @Test
    void timeSeriesIsAPngOfTheDefaultSize() throws IOException {
        TimeSeriesChart chart = Charts.timeSeries("Events per second")
                .series("batch", times(0, 1, 2, 3), List.of(10, 0, 0, 40))
                .series("stream", times(0, 1, 2, 3), List.of(10, 11, 9, 10))
                .yAxis("events/s");

        byte[] png = chart.png();

        assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(distinctColours(image)).as("something is drawn, not a blank canvas").isGreaterThan(10);
    }

    @Test
    void everyKindOfChartHonoursTheRequestedSize() throws IOException {
        List<ChartView<?>> charts = List.of(
                Charts.timeSeries("seconds").series("lag", new double[] {0, 1, 2}, new double[] {5, 3, 1}),
                Charts.bars("bars").category("a", 1).category("b", 2),
                Charts.line("line").series("cost", new double[] {1, 2, 4}, new double[] {3, 5, 9}),
                Charts.histogram("sizes", new double[] {1, 2, 2, 3, 3, 3, 10}, 5));

        for (ChartView<?> chart : charts) {
            BufferedImage image = decode(chart.size(640, 300).png());
            assertThat(image.getWidth()).as(chart.title()).isEqualTo(640);
            assertThat(image.getHeight()).as(chart.title()).isEqualTo(300);
        }
    }

    @Test
    void legendOnlyWhenThereIsMoreThanOneSeries() {
        ChartView<?> one = Charts.line("one").series("a", new double[] {1, 2}, new double[] {1, 2});
        ChartView<?> two = Charts.line("two").series("a", new double[] {1, 2}, new double[] {1, 2})
                .series("b", new double[] {1, 2}, new double[] {2, 1});

        assertThat(one.toXChart().getStyler().isLegendVisible()).isFalse();
        assertThat(two.toXChart().getStyler().isLegendVisible()).isTrue();
    }

    @Test
    void groupedBarsShareCategoriesAndFillGapsWithZero() {
        CategoryChart chart = Charts.bars("Latency")
                .series("before", Map.of("put", 30))
                .series("after", Map.of("put", 20, "get", 5))
                .toXChart();

        CategorySeries before = chart.getSeriesMap().get("before");
        assertThat(List.<Object>copyOf(before.getXData())).containsExactly("put", "get");
        assertThat(List.<Object>copyOf(before.getYData())).containsExactly(30, 0);
    }

    @Test
    void histogramCountsEveryValueOnce() {
        double[] values = {1, 2, 2, 3, 3, 3, 10};
        CategoryChart chart = Charts.histogram("sizes", values, 3).toXChart();

        List<? extends Number> counts = chart.getSeriesMap().get("count").getYData().stream().toList();
        assertThat(counts).hasSize(3);
        assertThat(counts.stream().mapToDouble(Number::doubleValue).sum()).isEqualTo(values.length);
    }

    @Test
    void oneChartUsesOneKindOfTime() {
        TimeSeriesChart chart = Charts.timeSeries("mixed").series("wall", times(0, 1), List.of(1, 2));

        assertThatThrownBy(() -> chart.series("relative", new double[] {0, 1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Instants");
    }

    @Test
    void mismatchedSeriesAndEmptyChartsAreRefused() {
        assertThatThrownBy(() -> Charts.line("x").series("a", new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("2 x values but 1 y values");
        assertThatThrownBy(() -> Charts.bars("nothing").png())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no data");
    }

    @Test
    void saveAsWritesThePngAndCreatesFolders(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("charts/connections.png");

        Path written = Charts.bars("Connections").category("unified log", 7).saveAs(file);

        assertThat(written).isEqualTo(file);
        assertThat(decode(Files.readAllBytes(file)).getWidth()).isEqualTo(800);
    }

    @Test
    void describeNamesTheChartForTerminals() {
        ChartView<?> chart = Charts.line("Cost").series("a", new double[] {1}, new double[] {1})
                .series("b", new double[] {1}, new double[] {2});

        assertThat(chart.describe()).isEqualTo("[chart] Cost (800x400, 2 series [a, b])");
    }

    private static List<Instant> times(int... seconds) {
        return Arrays.stream(seconds).mapToObj(T0::plusSeconds).toList();
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("decodable PNG").isNotNull();
        return image;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
