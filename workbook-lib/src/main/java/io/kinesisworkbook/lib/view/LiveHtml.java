package io.kinesisworkbook.lib.view;

/**
 * One output of a cell that is replaced in place, again and again: a dashboard redrawn every two
 * seconds stays one picture instead of becoming a new output per refresh. In Jupyter it is a
 * {@code display_data} message followed by {@code update_display_data} for the same display id; in a
 * terminal, a line rewritten after a carriage return (the plain-text form).
 *
 * <pre>{@code
 * try (LiveHtml live = LiveHtml.show("<i>starting</i>", "starting")) {
 *     live.update(ChartGrid.html(3, cells), "5 graphs at 10:00:02");
 * }
 * }</pre>
 */
public final class LiveHtml implements AutoCloseable {

    private final Display.LiveOutput output;
    private String html;
    private String text;
    private boolean closed;

    private LiveHtml(Display.LiveOutput output, String html, String text) {
        this.output = output;
        this.html = html;
        this.text = text;
    }

    /** Shows {@code html} (or {@code text} where HTML cannot be shown) as an output to replace later. */
    public static LiveHtml show(String html, String text) {
        return new LiveHtml(Show.current().live(html, text), html, text);
    }

    public synchronized void update(String newHtml, String newText) {
        if (closed) {
            throw new IllegalStateException("This output is finished; show a new one");
        }
        html = newHtml;
        text = newText;
        output.update(newHtml, newText);
    }

    /** Leaves the last update as the output's final state. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            output.finish(html, text);
        }
    }
}
