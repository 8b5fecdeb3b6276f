package io.kinesisworkbook.lib.view;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Shows things as text: in a terminal, a test, or a Jupyter kernel other than rapaio's.
 *
 * <p>Tables print as text. A chart cannot be drawn as text, so it prints a one-line note; if
 * {@code WORKBOOK_CHART_DIR} names a folder, the chart is also written there as {@code <title>.png}
 * (the same title overwrites the same file, so rerunning a notebook does not pile up copies).
 *
 * <p>The stream is looked up on every call rather than kept: a kernel swaps {@code System.out} for each cell.
 */
final class TerminalDisplay implements Display {

    static final String CHART_DIR_VARIABLE = "WORKBOOK_CHART_DIR";

    private final Supplier<PrintStream> out;
    private final Path chartDir;

    /** @param chartDir where charts are written as PNG files, or null to only print a note */
    TerminalDisplay(Supplier<PrintStream> out, Path chartDir) {
        this.out = out;
        this.chartDir = chartDir;
    }

    static TerminalDisplay fromEnvironment() {
        String dir = System.getenv(CHART_DIR_VARIABLE);
        return new TerminalDisplay(() -> System.out, dir == null || dir.isBlank() ? null : Path.of(dir));
    }

    @Override
    public void chart(ChartView<?> chart) {
        if (chartDir == null) {
            out.get().println(chart.describe() + " (set " + CHART_DIR_VARIABLE + " or call saveAs(path) for a PNG)");
        } else {
            Path file = chart.saveAs(chartDir.resolve(fileName(chart.title())));
            out.get().println(chart.describe() + " saved to " + file);
        }
    }

    @Override
    public void html(String html, String plainText) {
        out.get().println(plainText);
    }

    @Override
    public void text(String text) {
        out.get().println(text);
    }

    /** Redraws one line in place: '\r' returns to its start, and spaces wipe what a longer line left behind. */
    @Override
    public LiveOutput live(String html, String plainText) {
        out.get().print(plainText);
        out.get().flush();
        return new LiveOutput() {
            private int shownLength = plainText.length();

            @Override
            public void update(String html, String plainText) {
                String wipe = " ".repeat(Math.max(0, shownLength - plainText.length()));
                out.get().print("\r" + plainText + wipe);
                out.get().flush();
                shownLength = plainText.length();
            }

            @Override
            public void finish(String html, String plainText) {
                update(html, plainText);
                out.get().println();
            }
        };
    }

    /** A terminal cannot redraw a picture: only the last one is shown, when the output finishes. */
    @Override
    public LiveChart liveChart(ChartView<?> first) {
        return new LiveChart() {
            @Override
            public void update(ChartView<?> chart) {
            }

            @Override
            public void finish(ChartView<?> chart) {
                chart(chart);
            }
        };
    }

    /** "Events per second" becomes "events-per-second.png". */
    static String fileName(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (slug.isEmpty() ? "chart" : slug) + ".png";
    }
}
