package io.kinesisworkbook.lib.view;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.DoubleStream;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * What every workbook chart shares: a title, a size, axis titles, one look, and a way to become a PNG.
 *
 * <p>Subclasses only collect data; the XChart object is built fresh each time the chart is drawn
 * ({@link #toXChart()}), so series can be added in any order and the look (legend or not) is decided
 * once all series are known.
 *
 * <p>{@code S} is the concrete chart type, so that {@code size(..)} and {@code yAxis(..)} keep returning
 * it and a notebook cell can chain {@code .series(..).yAxis(..)} freely.
 *
 * @param <S> the concrete chart type
 */
public abstract class ChartView<S extends ChartView<S>> {

    /** Wide enough for a time axis, short enough to sit next to the code that produced it. */
    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 400;

    private static final int MAX_TITLE_POINTS = 18;
    private static final int MIN_TITLE_POINTS = 12;
    /** Room left on each side of the title, in pixels. */
    private static final int TITLE_MARGIN = 10;
    /** What XChart puts left of the plot: tick labels, the axis title and padding (measured on our charts). */
    private static final int Y_AXIS_ROOM = 75;
    /** What XChart puts above and below the y axis: the chart title, the x axis labels and title (measured). */
    private static final int X_AXIS_ROOM = 110;
    private static final int MAX_AXIS_TITLE_POINTS = 14;
    private static final int MIN_AXIS_TITLE_POINTS = 10;
    /** What a legend adds to its longest name: the marker, paddings and the gap to the plot. */
    private static final int LEGEND_DECORATION = 60;
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    static {
        // Charts are drawn into images, never into windows. Without this, AWT on macOS starts a
        // GUI session (a Dock icon for the notebook's JVM) the first time a chart is drawn.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final String title;
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;
    private String xAxisTitle = "";
    private String yAxisTitle = "";

    protected ChartView(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** Changes the size of the picture, in pixels. */
    public S size(int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("A chart needs at least 100x100 pixels, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        return self();
    }

    public S xAxis(String title) {
        this.xAxisTitle = Objects.requireNonNull(title, "title");
        return self();
    }

    public S yAxis(String title) {
        this.yAxisTitle = Objects.requireNonNull(title, "title");
        return self();
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The series names in the order they were added; used for the legend and for the terminal note. */
    public abstract List<String> seriesNames();

    /** Draws the chart into a fresh XChart object; for anyone who wants to tweak XChart styling directly. */
    public abstract Chart<?, ?> toXChart();

    /** The chart as PNG bytes, exactly what Jupyter receives as {@code image/png}. */
    public byte[] png() {
        try {
            return BitmapEncoder.getBitmapBytes(toXChart(), BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode chart '" + title + "' as PNG", e);
        }
    }

    /**
     * The chart as an image. Left as the last expression of a cell, a {@code BufferedImage} is shown
     * as a picture by the rapaio kernel (its {@code DefaultImageDisplayRenderer} handles RenderedImage).
     */
    public BufferedImage image() {
        return BitmapEncoder.getBufferedImage(toXChart());
    }

    /** Writes the chart as a PNG file, creating missing folders, and returns where it went. */
    public Path saveAs(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.write(file, png());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write chart '" + title + "' to " + file, e);
        }
    }

    /** One line that stands in for the picture where pictures cannot be shown. */
    public String describe() {
        List<String> names = seriesNames();
        String series = names.size() == 1 ? "1 series" : names.size() + " series " + names;
        return "[chart] " + title + " (" + width + "x" + height + ", " + series + ")";
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * Applies the shared look: readable fonts, a title that fits, axis titles, and a legend only when
     * it tells something.
     */
    protected final <C extends Chart<? extends AxesChartStyler, ?>> C styled(C chart) {
        chart.setTitle(title);
        chart.setXAxisTitle(xAxisTitle);
        chart.setYAxisTitle(yAxisTitle);
        AxesChartStyler styler = chart.getStyler();
        styler.setChartTitleFont(titleFont());
        styler.setAxisTitleFont(axisTitleFont());
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(LEGEND_FONT);
        styler.setLegendVisible(seriesNames().size() > 1);
        styler.setLegendPosition(LegendPosition.OutsideE);
        styler.setPlotBorderVisible(false);
        return chart;
    }

    /**
     * Numbers on the axes (and on bar labels) with thousands separators and the decimals their range
     * needs, never in E-notation; see {@link AxisNumbers}. Pass null for an axis that is not numeric.
     */
    protected static void readableNumbers(AxesChartStyler styler, DoubleStream yValues, boolean yFromZero, DoubleStream xValues) {
        if (yValues != null) {
            styler.setYAxisDecimalPattern(AxisNumbers.pattern(yValues, yFromZero));
        }
        if (xValues != null) {
            styler.setXAxisDecimalPattern(AxisNumbers.pattern(xValues, false));
        }
    }

    /**
     * The title font, bold 18 pt, made smaller (down to 12 pt) until the title fits: XChart centres the
     * title over the plot, not over the picture, and cuts whatever sticks out on either side; a cut
     * title is what a projector shows worst. With a legend on the right the plot, and so the room for
     * the title, is narrower.
     */
    Font titleFont() {
        int available = titleRoom();
        int size = MAX_TITLE_POINTS;
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
        while (size > MIN_TITLE_POINTS && textWidth(title, font) > available) {
            size--;
            font = font.deriveFont((float) size);
        }
        return font;
    }

    /**
     * The axis titles' font, 14 pt, made smaller (down to 10 pt) until the y axis title fits the
     * picture's height and the x axis title the plot's width: XChart cuts an axis title that is longer
     * than its axis.
     */
    Font axisTitleFont() {
        int size = MAX_AXIS_TITLE_POINTS;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, size);
        while (size > MIN_AXIS_TITLE_POINTS
                && (textWidth(yAxisTitle, font) > height - X_AXIS_ROOM || textWidth(xAxisTitle, font) > plotWidth())) {
            size--;
            font = font.deriveFont((float) size);
        }
        return font;
    }

    /**
     * Twice the distance from the plot's centre to the nearer edge of the picture, less a margin. The
     * plot starts after the y axis (its labels and title) and ends before the legend, whose width is its
     * longest name plus the marker and padding XChart draws around it.
     */
    int titleRoom() {
        double centre = Y_AXIS_ROOM + plotWidth() / 2.0;
        return (int) (2 * Math.min(centre, width - centre)) - 2 * TITLE_MARGIN;
    }

    /** The plot's width: the picture less the y axis on the left and the legend, if any, on the right. */
    private int plotWidth() {
        int right = width - TITLE_MARGIN;
        if (seriesNames().size() > 1) {
            right -= seriesNames().stream().mapToInt(name -> textWidth(name, LEGEND_FONT)).max().orElse(0) + LEGEND_DECORATION;
        }
        return right - Y_AXIS_ROOM;
    }

    /** The width of {@code text} in pixels, as Java2D draws it into the chart's image. */
    static int textWidth(String text, Font font) {
        Graphics2D graphics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            return (int) Math.ceil(font.getStringBounds(text, graphics.getFontRenderContext()).getWidth());
        } finally {
            graphics.dispose();
        }
    }

    /** Refuses to draw an empty chart, with a message that says what to do instead. */
    protected final void requireSeries() {
        if (seriesNames().isEmpty()) {
            throw new IllegalStateException("Chart '" + title + "' has no data yet: add a series before showing it");
        }
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
