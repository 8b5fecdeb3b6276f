package io.kinesisworkbook.lib.view;

import java.util.List;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a Tablesaw table as an HTML fragment for Jupyter; Tablesaw itself only writes text, CSV and JSON.
 *
 * <p>The caption names the table and its full size. Numeric columns are right-aligned and carry
 * {@code class="number"}, so digits line up; whole numbers have their thousands grouped ("1,500",
 * not "1500"), as everything a projector shows. Only the first {@code maxRows} rows are written, followed by
 * a "… N more rows" note: a notebook output with 100,000 rows helps nobody and slows the browser.
 */
final class HtmlTableWriter {

    private static final String RIGHT = " class=\"number\" style=\"text-align:right\"";
    private static final String LEFT = " style=\"text-align:left\"";

    private final int maxRows;

    HtmlTableWriter(int maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must not be negative, got " + maxRows);
        }
        this.maxRows = maxRows;
    }

    String write(Table table) {
        StringBuilder html = new StringBuilder("<table class=\"workbook-table\">\n");
        html.append("<caption>").append(Html.escape(caption(table))).append("</caption>\n");
        appendHeader(html, table.columns());
        appendBody(html, table);
        html.append("</table>\n");
        int hidden = table.rowCount() - shownRows(table);
        if (hidden > 0) {
            html.append(String.format("<p class=\"workbook-table-more\">… %,d more rows</p>%n", hidden));
        }
        return html.toString();
    }

    private static String caption(Table table) {
        String size = String.format("%,d rows × %,d columns", table.rowCount(), table.columnCount());
        String name = table.name();
        return name == null || name.isBlank() ? size : name + " (" + size + ")";
    }

    private static void appendHeader(StringBuilder html, List<Column<?>> columns) {
        html.append("<thead><tr>");
        for (Column<?> column : columns) {
            html.append("<th").append(alignment(column)).append('>').append(Html.escape(column.name())).append("</th>");
        }
        html.append("</tr></thead>\n");
    }

    private void appendBody(StringBuilder html, Table table) {
        html.append("<tbody>\n");
        for (int row = 0; row < shownRows(table); row++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                html.append("<td").append(alignment(column)).append('>')
                        .append(Html.escape(cell(column, row))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n");
    }

    /** Whole numbers grouped by thousands; everything else as Tablesaw prints it. */
    private static String cell(Column<?> column, int row) {
        boolean whole = column instanceof LongColumn || column instanceof IntColumn || column instanceof ShortColumn;
        if (whole && !column.isMissing(row)) {
            return String.format("%,d", ((Number) column.get(row)).longValue());
        }
        return column.getString(row);
    }

    private int shownRows(Table table) {
        return Math.min(maxRows, table.rowCount());
    }

    private static String alignment(Column<?> column) {
        return column instanceof NumericColumn<?> ? RIGHT : LEFT;
    }
}
