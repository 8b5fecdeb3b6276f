package io.kinesisworkbook.lib.kcl;

import io.kinesisworkbook.lib.view.Tables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import tech.tablesaw.api.Table;

/**
 * Every record an application's workers processed, in the order they finished, duplicates included:
 * KCL delivers each record at least once, and {@link #duplicateCount()} shows how many times "more
 * than once" happened (after a crash, the next owner of a shard starts again from the last
 * checkpoint).
 *
 * <p>Workers add to it from their own threads; every method returns a consistent snapshot.
 */
public final class ProcessedRecords {

    private final List<ProcessedRecord> records = new ArrayList<>();

    synchronized void add(ProcessedRecord record) {
        records.add(record);
        notifyAll();
    }

    /** A copy of everything processed so far. */
    public synchronized List<ProcessedRecord> all() {
        return List.copyOf(records);
    }

    /** How many records the handler processed, counting a record processed twice twice. */
    public synchronized int count() {
        return records.size();
    }

    /** How many different records were processed. */
    public synchronized int uniqueCount() {
        return keys().size();
    }

    /** How many times a record was processed again: {@code count() - uniqueCount()}. */
    public synchronized int duplicateCount() {
        return records.size() - keys().size();
    }

    /** The processings of records that had been processed before (the second and later ones). */
    public synchronized List<ProcessedRecord> duplicates() {
        Set<String> seen = new HashSet<>();
        return records.stream().filter(record -> !seen.add(record.key())).toList();
    }

    /** Records processed per worker. */
    public synchronized Map<String, Long> countByWorker() {
        return countBy(ProcessedRecord::worker);
    }

    /** Records processed per shard. */
    public synchronized Map<String, Long> countByShard() {
        return countBy(ProcessedRecord::shardId);
    }

    /** The processed records as a table, one row each. */
    public Table table() {
        return Tables.fromRecords("processed records", all());
    }

    /**
     * Waits until at least {@code unique} different records have been processed, or {@code timeout}
     * has passed; returns whether they were.
     */
    public synchronized boolean awaitUnique(int unique, Duration timeout) throws InterruptedException {
        return await(snapshot -> snapshot.uniqueCount() >= unique, timeout);
    }

    /** Waits until {@code condition} holds, or {@code timeout} has passed; returns whether it holds. */
    public synchronized boolean await(Predicate<ProcessedRecords> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            // Also wakes up now and then, so a condition on something other than records (a worker's
            // state, the lease table) is checked again.
            wait(Math.max(1, Math.min(Duration.ofNanos(left).toMillis(), 200)));
        }
        return true;
    }

    private Set<String> keys() {
        Set<String> keys = new HashSet<>();
        records.forEach(record -> keys.add(record.key()));
        return keys;
    }

    private Map<String, Long> countBy(java.util.function.Function<ProcessedRecord, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        records.forEach(record -> counts.merge(key.apply(record), 1L, Long::sum));
        return counts;
    }
}
