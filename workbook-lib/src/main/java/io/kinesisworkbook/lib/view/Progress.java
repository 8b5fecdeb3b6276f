package io.kinesisworkbook.lib.view;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar for long cells that redraws in place:
 * <pre>{@code
 * try (Progress progress = Progress.of("Producing", 10_000)) {
 *     for (...) { ...; progress.step(); }
 * }
 * }</pre>
 * In Jupyter it is an HTML {@code <progress>} element replaced through {@code update_display_data};
 * in a terminal it is one line rewritten after a carriage return.
 *
 * <p>It redraws only when the whole percentage changes, so at most about a hundred redraws whatever the total:
 * each redraw in Jupyter is a message to the browser, and 10,000 of them would slow the cell down.
 * {@link #step()} may be called from several threads, for instance from producer callbacks.
 */
public final class Progress implements AutoCloseable {

    private static final int BAR_WIDTH = 30;

    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final Display.LiveOutput output;
    private int shownPercent;
    private boolean closed;

    Progress(String label, long total, Display display) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative, got " + total);
        }
        this.label = label;
        this.total = total;
        this.shownPercent = percentOf(0);
        this.output = display.live(html(0), text(0));
    }

    /** A progress bar on the current display (Jupyter or terminal, as for {@link Show}). */
    public static Progress of(String label, long total) {
        return new Progress(label, total, Show.current());
    }

    public void step() {
        step(1);
    }

    public void step(long count) {
        long now = done.addAndGet(count);
        if (percentOf(now) != shownPercent) {
            redraw(now);
        }
    }

    public long done() {
        return done.get();
    }

    /** Draws the final state, whatever it is, and ends the line. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            long now = done.get();
            output.finish(html(now), text(now));
        }
    }

    private synchronized void redraw(long now) {
        int percent = percentOf(now);
        // Another thread may have drawn a later count already; never move the bar backwards.
        if (!closed && percent > shownPercent) {
            shownPercent = percent;
            output.update(html(now), text(now));
        }
    }

    private int percentOf(long count) {
        return total == 0 ? 100 : (int) Math.min(100, count * 100 / total);
    }

    /** For example {@code Producing [#########.....................]  30%  3,000/10,000  1.2 s}. */
    String text(long count) {
        int filled = percentOf(count) * BAR_WIDTH / 100;
        String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
        return String.format("%s [%s] %3d%%  %,d/%,d  %.1f s", label, bar, percentOf(count), count, total, seconds());
    }

    private String html(long count) {
        return String.format("<progress value=\"%d\" max=\"%d\" style=\"width:20em\"></progress> %s %d%% (%,d/%,d, %.1f s)",
                Math.min(count, total), total, Html.escape(label), percentOf(count), count, total, seconds());
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
