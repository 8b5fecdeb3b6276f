package io.kinesisworkbook.lib.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

/** Charts a projector can show: numbers without E-notation, titles that fit, round histogram bins, limit lines. */
class ReadableChartsTest {

    @Test
    void axisPatternsFollowTheRangeAndNeverUseENotation() {
        assertThat(AxisNumbers.pattern(0, 236_032)).isEqualTo("#,##0");
        assertThat(AxisNumbers.pattern(0, 144)).isEqualTo("#,##0");
        assertThat(AxisNumbers.pattern(0, 25)).isEqualTo("#,##0.#");
        assertThat(AxisNumbers.pattern(0.25, 8)).isEqualTo("#,##0.##");
        assertThat(AxisNumbers.pattern(0, 0.4)).isEqualTo("#,##0.###");
        assertThat(AxisNumbers.pattern(25, 25)).isEqualTo("#,##0.#");
        assertThat(AxisNumbers.pattern(0, 0)).isEqualTo("#,##0");
        for (String pattern : List.of(AxisNumbers.pattern(0, 1e12), AxisNumbers.pattern(0, 1e-9))) {
            assertThat(pattern).doesNotContain("E");
        }
        assertThat(new DecimalFormat(AxisNumbers.pattern(0, 236_032)).format(125_565)).isEqualTo("125,565");
    }

    @Test
    void barsLabelLargeValuesWithThousandsSeparators() {
        CategoryChart chart = Charts.bars("Records accepted and throttled")
                .series("accepted", Map.of("one hot key", 2_853))
                .series("throttled", Map.of("one hot key", 125_565))
                .toXChart();

        String pattern = chart.getStyler().getYAxisDecimalPattern();
        assertThat(pattern).isEqualTo("#,##0");
        assertThat(new DecimalFormat(pattern).format(125_565)).isEqualTo("125,565");
    }

    @Test
    void secondsAndValuesOfTimeSeriesAndLinesAreReadable() {
        XYChart series = Charts.timeSeries("Accepted").series("hot", new double[] {0, 0.25, 0.5}, new double[] {5_000, 1_000, 1_000}).toXChart();
        XYChart line = Charts.line("Cost").series("provisioned", new double[] {0.25, 8}, new double[] {0.017, 0.4}).toXChart();

        assertThat(series.getStyler().getYAxisDecimalPattern()).isEqualTo("#,##0");
        assertThat(series.getStyler().getXAxisDecimalPattern()).isEqualTo("#,##0.###");
        assertThat(line.getStyler().getYAxisDecimalPattern()).isEqualTo("#,##0.###");
    }

    @Test
    void aLongTitleShrinksUntilItFitsAndAShortOneKeepsItsSize() {
        BarChart longTitle = Charts.bars("Monthly cost by write throughput (1 KB records), us-east-1, as published in 2024").category("a", 1);
        BarChart shortTitle = Charts.bars("Connections").category("a", 1);

        Font shrunk = longTitle.toXChart().getStyler().getChartTitleFont();
        assertThat(shrunk.getSize()).isLessThan(18).isGreaterThanOrEqualTo(12);
        assertThat(ChartView.textWidth(longTitle.title(), shrunk)).isLessThanOrEqualTo(longTitle.titleRoom());
        assertThat(shortTitle.toXChart().getStyler().getChartTitleFont().getSize()).isEqualTo(18);
    }

    @Test
    void aLongTitleAboveALegendIsDrawnWhole() throws IOException {
        LineChart chart = Charts.line("Monthly cost, 1 KB records written and read once, us-east-1 prices of 3 December 2026")
                .series("provisioned", new double[] {1, 50}, new double[] {30, 2_450})
                .series("On-demand Standard", new double[] {1, 50}, new double[] {310, 15_400})
                .series("On-demand Advantage", new double[] {1, 50}, new double[] {3_080, 6_160});

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));

        for (int y = 0; y < 40; y++) {
            for (int x : new int[] {0, 1, 2, image.getWidth() - 3, image.getWidth() - 2, image.getWidth() - 1}) {
                assertThat(brightness(image.getRGB(x, y))).as("no title ink at the picture's edge (%d, %d)", x, y).isGreaterThan(120);
            }
        }
    }

    @Test
    void aLongAxisTitleShrinksUntilItFitsItsAxis() {
        LineChart chart = Charts.line("Cost").series("a", new double[] {1, 2}, new double[] {1, 2})
                .yAxis("US dollars a month, us-east-1 prices of 3 December 2026");

        Font font = chart.toXChart().getStyler().getAxisTitleFont();

        assertThat(font.getSize()).isLessThan(14);
        assertThat(ChartView.textWidth(chart.toXChart().getYAxisTitle(), font)).isLessThanOrEqualTo(chart.height() - 110);
        assertThat(Charts.line("Cost").series("a", new double[] {1, 2}, new double[] {1, 2}).yAxis("dollars")
                .toXChart().getStyler().getAxisTitleFont().getSize()).isEqualTo(14);
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
    }

    @Test
    void histogramBinsAreRoundAndLabelledWithTheirRange() {
        HistogramChart chart = Charts.histogram("PutRecord latency", List.of(8.63, 9.1, 12.0, 14.9, 15.0, 43.9, 104.36), 20);

        assertThat(chart.binLabels()).first().isEqualTo("5–10");
        assertThat(chart.binLabels()).last().isEqualTo("100–105");
        assertThat(chart.binLabels()).hasSize(20);
        assertThat(chart.counts().subList(0, 3)).containsExactly(2, 2, 1);
        assertThat(chart.counts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);
    }

    @Test
    void histogramBinWidthsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(HistogramChart.Bins.roundWidth(4.8)).isEqualTo(5);
        assertThat(HistogramChart.Bins.roundWidth(0.13)).isEqualTo(0.2);
        assertThat(HistogramChart.Bins.roundWidth(7)).isEqualTo(10);
        assertThat(HistogramChart.Bins.roundWidth(1)).isEqualTo(1);
        assertThat(Charts.histogram("halves", List.of(0.0, 0.4, 2.9), 6).binLabels()).first().isEqualTo("0–0.5");
    }

    @Test
    void aLimitIsADashedLineAcrossEverySeriesTimeAndStartsTheAxisAtZero() {
        TimeSeriesChart chart = Charts.timeSeries("Records accepted per second")
                .series("one hot key", new double[] {0.5, 1, 2.75}, new double[] {1_900, 1_000, 1_000})
                .series("keys spread", new double[] {0, 1}, new double[] {4_000, 4_000})
                .limit("one shard's limit", 1_000);

        XYChart xChart = chart.toXChart();

        assertThat(chart.seriesNames()).containsExactly("one hot key", "keys spread", "one shard's limit");
        double[] xs = xChart.getSeriesMap().get("one shard's limit").getXData();
        double[] ys = xChart.getSeriesMap().get("one shard's limit").getYData();
        assertThat(xs).containsExactly(0, 2.75);
        assertThat(ys).containsExactly(1_000, 1_000);
        assertThat(xChart.getStyler().getYAxisMin()).isEqualTo(0.0);
    }
}
