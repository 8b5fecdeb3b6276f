package io.kinesisworkbook.flink;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many records each table could not read, and the last of them. The embedded cluster runs its
 * tasks in this JVM, so the readers count here and a notebook cell reads the count; on a real Flink
 * cluster the same count is the {@code malformedRecords} metric of each reader.
 */
public final class MalformedRecords {

    private static final Map<String, Tally> BY_TABLE = new ConcurrentHashMap<>();

    private MalformedRecords() {
    }

    /** Records of {@code table} skipped so far. */
    public static long count(String table) {
        Tally tally = BY_TABLE.get(table);
        return tally == null ? 0 : tally.count.get();
    }

    /** The last record of {@code table} that could not be read, and why; empty if there was none. */
    public static String last(String table) {
        Tally tally = BY_TABLE.get(table);
        return tally == null ? "" : tally.last;
    }

    static void reset(String table) {
        BY_TABLE.remove(table);
    }

    static void add(String table, String record, String problem) {
        Tally tally = BY_TABLE.computeIfAbsent(table, t -> new Tally());
        tally.count.incrementAndGet();
        tally.last = record + " (" + problem + ")";
    }

    private static final class Tally {
        final AtomicLong count = new AtomicLong();
        volatile String last = "";
    }
}
