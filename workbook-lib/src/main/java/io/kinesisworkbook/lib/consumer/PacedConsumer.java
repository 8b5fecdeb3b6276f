package io.kinesisworkbook.lib.consumer;

import io.kinesisworkbook.lib.backend.WorkbookException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A consumer that reads a stream at its own pace until it has seen a number of records, noting how
 * many it had read after every poll: the picture of "every consumer reads independently, at its own
 * pace" is these notes drawn over time, one line per consumer.
 *
 * <pre>{@code
 * PacedConsumer search = PacedConsumer.of("search", aws.reader(stream).limitPerCall(500).build())
 *         .workPerBatch(Duration.ofMillis(20))      // what the service does with each batch
 *         .onRecord(record -> index(record))
 *         .readUntil(6_000);
 * Show.chart(Charts.timeSeries("Records read").series(search.name(), search.seconds(), search.recordsRead()));
 * }</pre>
 *
 * <p>The pace comes from two choices a real consumer makes: how many records one GetRecords call
 * asks for ({@link StreamReader.Builder#limitPerCall}) and how long its own work on a batch takes
 * (simulated here by {@link #workPerBatch}).
 */
public final class PacedConsumer {

    /** Long enough for any notebook-sized stream; a consumer that takes longer is stuck, and says so. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    private final String name;
    private final StreamReader reader;
    private Duration workPerBatch = Duration.ZERO;
    private Consumer<ConsumedRecord> onRecord = record -> { };
    private final List<Double> seconds = new ArrayList<>();
    private final List<Double> recordsRead = new ArrayList<>();
    private int read;
    private long elapsedNanos;

    private PacedConsumer(String name, StreamReader reader) {
        this.name = name;
        this.reader = reader;
    }

    /** A consumer named {@code name} (for tables and legends) reading through its own {@code reader}. */
    public static PacedConsumer of(String name, StreamReader reader) {
        return new PacedConsumer(name, reader);
    }

    /** How long the consumer's own work takes after each poll (default: none). */
    public PacedConsumer workPerBatch(Duration work) {
        this.workPerBatch = work;
        return this;
    }

    /** What the consumer does with each record, on its own thread. */
    public PacedConsumer onRecord(Consumer<ConsumedRecord> handler) {
        this.onRecord = handler;
        return this;
    }

    /** Polls, handles and works until {@code records} have been read; returns this consumer, with its notes. */
    public PacedConsumer readUntil(int records) {
        long start = System.nanoTime();
        note(start);
        while (read < records) {
            if (System.nanoTime() - start > GIVE_UP_AFTER.toNanos()) {
                throw new WorkbookException(name + " read " + read + " of " + records + " records in "
                        + GIVE_UP_AFTER.toMinutes() + " minutes and gave up: were they all written?");
            }
            List<ConsumedRecord> batch = reader.poll();
            batch.forEach(onRecord);
            read += batch.size();
            work();
            note(start);
        }
        elapsedNanos = System.nanoTime() - start;
        return this;
    }

    public String name() {
        return name;
    }

    /** Records read so far. */
    public int read() {
        return read;
    }

    /** How long {@link #readUntil} took. */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos);
    }

    /** When each note was taken, in seconds since reading started (the first note is at 0). */
    public double[] seconds() {
        return seconds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Records read by the time of each note. */
    public double[] recordsRead() {
        return recordsRead.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void note(long start) {
        seconds.add((System.nanoTime() - start) / 1e9);
        recordsRead.add((double) read);
    }

    private void work() {
        if (workPerBatch.isZero()) {
            return;
        }
        try {
            Thread.sleep(workPerBatch.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbookException(name + " was interrupted after reading " + read + " records.");
        }
    }
}
