package io.kinesisworkbook.lib.view;

import java.util.Locale;

/**
 * A few SVG elements written as text, for the pictures that are not charts (a number line, a shard
 * lineage). SVG rather than PNG: it stays sharp on a projector and in an exported deck, and a test can
 * read what it says.
 */
final class Svg {

    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;

    Svg(int width, int height) {
        this.width = width;
        this.height = height;
    }

    Svg rect(double x, double y, double w, double h, String fill) {
        body.append(format("<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s' stroke='white'/>", x, y, w, h, fill));
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        body.append(format("<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='%s' stroke-width='%.1f'/>",
                x1, y1, x2, y2, stroke, strokeWidth));
        return this;
    }

    /** Text whose {@code anchor} ("start", "middle", "end") sits at x; y is the baseline. */
    Svg text(double x, double y, String text, int size, String fill, String anchor, boolean bold) {
        body.append(format("<text x='%.1f' y='%.1f' font-size='%d' fill='%s' text-anchor='%s'%s>%s</text>",
                x, y, size, fill, anchor, bold ? " font-weight='bold'" : "", Html.escape(text)));
        return this;
    }

    @Override
    public String toString() {
        return format("<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d' "
                + "font-family='sans-serif' style='background:white'>", width, height, width, height) + body + "</svg>";
    }

    /** Dots for decimals whatever the JVM's locale: "12,5" is not an SVG coordinate. */
    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }
}
