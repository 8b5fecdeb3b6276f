package io.kinesisworkbook.flink;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobID;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;

/**
 * One run of a continuous query: a reader thread takes Flink's changes (inserts, updates, deletes)
 * as they come and keeps the result they add up to; the calling thread looks at that result every
 * refresh interval, shows it, and decides when to stop.
 *
 * <p><b>Why a reader thread.</b> Flink's result iterator blocks until the next change and, while it
 * waits between fetches, swallows the interrupt a notebook sends when the presenter stops a cell. So
 * the cell's own thread never blocks in Flink: it waits on this run, where an interrupt is seen at
 * once, and then cancels the job, which ends the reader.
 *
 * <p><b>Always stopped.</b> Whatever ends the wait (the row limit, the time limit, the job's end, an
 * interrupt, an exception), the job is cancelled and the reader joined before {@link #run} returns.
 */
final class QueryRun {

    private static final Duration READER_JOIN = Duration.ofSeconds(10);

    private final String title;
    private final Until until;
    private final Duration refresh;
    private final Runnable onFirstRow;
    private final Object lock = new Object();
    private final List<ResultRow> rows = new ArrayList<>();
    private List<String> columns = List.of();
    private long changes;
    private long lastChangeNanos;
    private boolean ended;
    private boolean wantedRowSeen;
    private Throwable failure;
    private volatile boolean stopping;

    QueryRun(String title, Until until, Duration refresh, Runnable onFirstRow) {
        this.title = title;
        this.until = until;
        this.refresh = refresh;
        this.onFirstRow = onFirstRow;
    }

    /**
     * Runs the query until {@link Until} says stop, calling {@code onChange} with the result whenever it
     * changed (at most once per refresh interval). An interrupt stops it too; the interrupt flag is then
     * set again for the caller to see.
     */
    SqlResult run(TableResult result, EmbeddedFlink flink, Consumer<SqlResult> onChange) {
        long started = System.nanoTime();
        columns = result.getResolvedSchema().getColumnNames();
        JobID job = result.getJobClient().orElseThrow(() -> new IllegalStateException("the query started no job")).getJobID();
        CloseableIterator<Row> iterator = result.collect();
        Thread reader = new Thread(() -> read(iterator), "workbook-sql-results-" + job.toHexString().substring(0, 8));
        reader.setDaemon(true);
        reader.setContextClassLoader(EmbeddedFlink.FLINK_LOADER);
        reader.start();
        String stoppedBecause;
        boolean interrupted = false;
        boolean firstRowActedOn = onFirstRow == null;
        long shownChanges = -1;
        try {
            while (true) {
                long elapsedNanos = System.nanoTime() - started;
                long leftNanos = until.duration().toNanos() - elapsedNanos;
                synchronized (lock) {
                    if (!ended && !wantedRowSeen && rows.size() < until.rowLimit() && leftNanos > 0) {
                        lock.wait(Math.max(1, Math.min(refresh.toMillis(), leftNanos / 1_000_000)));
                    }
                }
                SqlResult now = snapshot(started, "running");
                if (now.changes() != shownChanges) {
                    shownChanges = now.changes();
                    show(onChange, now);
                }
                if (!firstRowActedOn && !now.rows().isEmpty()) {
                    firstRowActedOn = true;
                    onFirstRow.run();   // on the cell's thread; the reader keeps taking results meanwhile
                }
                if (until.isDone(now)) {
                    stoppedBecause = "the result it waited for";
                    break;
                }
                synchronized (lock) {
                    if (failure != null) {
                        throw SqlErrors.of("query '" + title + "' failed", failure);
                    }
                    if (ended) {
                        stoppedBecause = "finished";
                        break;
                    }
                    if (rows.size() >= until.rowLimit()) {
                        stoppedBecause = rows.size() + " rows";
                        break;
                    }
                    if (wantedRowSeen) {
                        stoppedBecause = "the row it waited for";
                        break;
                    }
                    if (until.quiet() != null && !rows.isEmpty() && System.nanoTime() - lastChangeNanos >= until.quiet().toNanos()) {
                        stoppedBecause = String.format("no change for %.1f s", until.quiet().toMillis() / 1000.0);
                        break;
                    }
                }
                if (System.nanoTime() - started >= until.duration().toNanos()) {
                    stoppedBecause = String.format("%.1f s", until.duration().toMillis() / 1000.0);
                    break;
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            stoppedBecause = "interrupted";
        } finally {
            stop(iterator, job, flink, reader);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return snapshot(started, stoppedBecause);
    }

    /**
     * Shows the result; an interrupt that arrives while it is being drawn (the presenter stopping the
     * cell) may surface as any exception from the drawing code, and is reported as the interrupt it is.
     */
    private static void show(Consumer<SqlResult> onChange, SqlResult result) throws InterruptedException {
        try {
            onChange.accept(result);
        } catch (RuntimeException | Error e) {
            if (Thread.interrupted() || causedByInterrupt(e)) {
                throw new InterruptedException("interrupted while showing the result");
            }
            throw e;
        }
    }

    private static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private void read(CloseableIterator<Row> iterator) {
        try {
            while (!stopping && iterator.hasNext()) {
                Row change = iterator.next();
                synchronized (lock) {
                    if (rows.size() >= until.rowLimit() && isAddition(change.getKind())) {
                        continue;   // the limit is reached: the caller is about to stop the query
                    }
                    apply(change);
                    if (rows.size() >= until.rowLimit()) {
                        lock.notifyAll();
                    }
                }
            }
            synchronized (lock) {
                ended = true;
                lock.notifyAll();
            }
        } catch (RuntimeException e) {
            synchronized (lock) {
                if (!stopping) {
                    failure = e;
                }
                ended = true;
                lock.notifyAll();
            }
        }
    }

    /** Applies one change: inserts and update-afters add a row, update-befores and deletes take one out. */
    private void apply(Row change) {
        changes++;
        lastChangeNanos = System.nanoTime();
        ResultRow row = toResultRow(change);
        if (isAddition(change.getKind())) {
            rows.add(row);
            if (until.wants(row)) {
                wantedRowSeen = true;
                lock.notifyAll();
            }
        } else {
            rows.remove(row);
        }
    }

    private static boolean isAddition(RowKind kind) {
        return kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER;
    }

    private ResultRow toResultRow(Row change) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Object value = change.getField(i);
            // TIMESTAMP columns (window bounds) hold the session's local time, which is UTC.
            values.put(columns.get(i), value instanceof LocalDateTime local ? local.toInstant(ZoneOffset.UTC) : value);
        }
        return new ResultRow(values);
    }

    private void stop(CloseableIterator<Row> iterator, JobID job, EmbeddedFlink flink, Thread reader) {
        stopping = true;
        try {
            iterator.close();
        } catch (Exception alreadyClosed) {
            // the job ended on its own; nothing to close
        }
        flink.cancel(job);
        try {
            reader.join(READER_JOIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SqlResult snapshot(long started, String stoppedBecause) {
        synchronized (lock) {
            return new SqlResult(title, columns, rows, changes, Duration.ofNanos(System.nanoTime() - started), stoppedBecause);
        }
    }
}
