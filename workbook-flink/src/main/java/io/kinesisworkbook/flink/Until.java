package io.kinesisworkbook.flink;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When a continuous query stops: after a number of result rows, after a while, or whichever comes
 * first. A query over a stream never ends by itself, so every query shown in a cell has one.
 *
 * <pre>{@code
 * Until.rows(12)                                  // twelve rows in the result
 * Until.rows(12).orAfter(Duration.ofSeconds(60))  // ... or a minute, whichever first
 * Until.after(Duration.ofSeconds(20))             // twenty seconds of live results
 * Until.rowWhere(r -> r.string("tradeId").equals("spike-1"))   // until that row shows up
 * Until.resultWhere(r -> r.size() >= 2)           // until the result as a whole says so
 * }</pre>
 * A query also stops when its job ends (a bounded query), when the cell is interrupted, and when
 * the kernel shuts down.
 */
public final class Until {

    /** How long any query runs at most unless told otherwise: a forgotten query must not run all day. */
    public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(5);

    private final long rows;
    private final Duration duration;
    private final Predicate<ResultRow> wanted;
    private final Predicate<SqlResult> done;
    private final Duration quiet;

    private Until(long rows, Duration duration, Predicate<ResultRow> wanted) {
        this(rows, duration, wanted, null, null);
    }

    private Until(long rows, Duration duration, Predicate<ResultRow> wanted, Predicate<SqlResult> done, Duration quiet) {
        this.rows = rows;
        this.duration = Objects.requireNonNull(duration, "duration");
        this.wanted = wanted;
        this.done = done;
        this.quiet = quiet;
    }

    /** Stops once the result holds {@code rows} rows (or after {@link #DEFAULT_LIMIT}). */
    public static Until rows(long rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, was " + rows);
        }
        return new Until(rows, DEFAULT_LIMIT, null);
    }

    /** Stops once a row of the result matches {@code wanted} (or after {@link #DEFAULT_LIMIT}). */
    public static Until rowWhere(Predicate<ResultRow> wanted) {
        return new Until(Long.MAX_VALUE, DEFAULT_LIMIT, Objects.requireNonNull(wanted, "wanted"));
    }

    /**
     * Stops once the result as a whole satisfies {@code done} (or after {@link #DEFAULT_LIMIT}): for a
     * condition no single row shows, such as a total spread over several windows. It is tested each
     * time the result is refreshed.
     */
    public static Until resultWhere(Predicate<SqlResult> done) {
        return new Until(Long.MAX_VALUE, DEFAULT_LIMIT, null, Objects.requireNonNull(done, "done"), null);
    }

    /** Stops after {@code duration}, whatever the result holds. */
    public static Until after(Duration duration) {
        return new Until(Long.MAX_VALUE, duration, null);
    }

    /** The same rows, or {@code duration}, whichever comes first. */
    public Until orAfter(Duration duration) {
        return new Until(rows, duration, wanted, done, quiet);
    }

    /**
     * The same, or once the result has rows and no change came for {@code quiet}: for a query over
     * records already in the stream, whose answer arrives in one burst.
     */
    public Until orQuietFor(Duration quiet) {
        return new Until(rows, duration, wanted, done, Objects.requireNonNull(quiet, "quiet"));
    }

    Duration quiet() {
        return quiet;
    }

    boolean wants(ResultRow row) {
        return wanted != null && wanted.test(row);
    }

    boolean isDone(SqlResult result) {
        return done != null && done.test(result);
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
