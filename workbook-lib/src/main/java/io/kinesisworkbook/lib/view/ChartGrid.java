package io.kinesisworkbook.lib.view;

import java.util.Base64;
import java.util.List;

/**
 * Several small charts side by side in one HTML output, rows of {@code columns}: a dashboard's
 * graphs, where one picture per output would push the later ones off the slide.
 *
 * <pre>{@code
 * Show.html(ChartGrid.html(3, List.of(ChartGrid.chart(bytes), ChartGrid.chart(age), ChartGrid.note("Status", "3 workers", 400, 250))));
 * }</pre>
 * Charts go in as PNG data (an {@code <img>} with a {@code data:} address), so the output is one
 * self-contained piece of HTML that can also be replaced in place ({@link LiveHtml}).
 */
public final class ChartGrid {

    private ChartGrid() {
    }

    /** A chart as a grid cell. */
    public static String chart(ChartView<?> chart) {
        return "<img style=\"display:block\" width=\"" + chart.width() + "\" height=\"" + chart.height() + "\" alt=\""
                + Html.escape(chart.title()) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(chart.png()) + "\"/>";
    }

    /** A cell of text the size of a chart: a status, or why a graph has no data. */
    public static String note(String title, String text, int width, int height) {
        return "<div style=\"box-sizing:border-box;width:" + width + "px;height:" + height + "px;padding:12px 16px;"
                + "border:1px solid #ddd;font-family:sans-serif;font-size:15px;overflow:hidden\">"
                + "<div style=\"font-weight:bold;font-size:17px;margin-bottom:8px\">" + Html.escape(title) + "</div>"
                + Html.escape(text).replace("\n", "<br/>") + "</div>";
    }

    /** The cells in rows of {@code columns}. */
    public static String html(int columns, List<String> cells) {
        if (columns < 1) {
            throw new IllegalArgumentException("A grid needs at least one column, got " + columns);
        }
        return "<div style=\"display:grid;grid-template-columns:repeat(" + columns + ",max-content);gap:4px\">"
                + String.join("", cells.stream().map(cell -> "<div>" + cell + "</div>").toList()) + "</div>";
    }
}
