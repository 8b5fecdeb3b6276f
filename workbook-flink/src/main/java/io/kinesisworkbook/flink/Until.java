package io.kinesisworkbook.flink;

import java.time.Duration;
import java.util.Objects;

/**
 * When a continuous query stops: after a number of result rows, after a while, or whichever comes
 * first. A query over a stream never ends by itself, so every query shown in a cell has one.
 *
 * <pre>{@code
 * Until.rows(12)                                  // twelve rows in the result
 * Until.rows(12).orAfter(Duration.ofSeconds(60))  // ... or a minute, whichever first
 * Until.after(Duration.ofSeconds(20))             // twenty seconds of live results
 * }</pre>
 * A query also stops when its job ends (a bounded query), when the cell is interrupted, and when
 * the kernel shuts down.
 */
public final class Until {

    /** How long any query runs at most unless told otherwise: a forgotten query must not run all day. */
    public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(5);

    private final long rows;
    private final Duration duration;

    private Until(long rows, Duration duration) {
        this.rows = rows;
        this.duration = Objects.requireNonNull(duration, "duration");
    }

    /** Stops once the result holds {@code rows} rows (or after {@link #DEFAULT_LIMIT}). */
    public static Until rows(long rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, was " + rows);
        }
        return new Until(rows, DEFAULT_LIMIT);
    }

    /** Stops after {@code duration}, whatever the result holds. */
    public static Until after(Duration duration) {
        return new Until(Long.MAX_VALUE, duration);
    }

    /** The same rows, or {@code duration}, whichever comes first. */
    public Until orAfter(Duration duration) {
        return new Until(rows, duration);
    }

    long rowLimit() {
        return rows;
    }

    Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return (rows == Long.MAX_VALUE ? "" : rows + " rows or ") + duration.toMillis() / 1000.0 + " s";
    }
}
