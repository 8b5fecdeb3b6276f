package io.kinesisworkbook.emulator.lambda.mapping;

import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.kinesis.StreamTap;
import io.kinesisworkbook.emulator.kinesis.StreamTap.ShardView;
import io.kinesisworkbook.emulator.kinesis.StreamTap.TappedRecord;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import io.kinesisworkbook.emulator.lambda.LambdaMetrics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a mapping's stream and invokes its function, as AWS's Kinesis poller does.
 *
 * <ul>
 *   <li>Each shard is read in order, one batch at a time, from the starting position; a shard's
 *       children are read once it and its other parent are drained (parents before children).</li>
 *   <li>A batch holds up to BatchSize records and at most 6 MB of event; with a batching window
 *       the poller waits up to that long for a full batch.</li>
 *   <li>A failed batch is tried again (backing off from 100 ms to 5 s) until it succeeds, its
 *       records pass MaximumRecordAgeInSeconds, or MaximumRetryAttempts retries have failed; then
 *       it is skipped. With BisectBatchOnFunctionError a failed batch is split in two and each half
 *       tried on its own (splits do not count as retries), which isolates a bad record. With
 *       ReportBatchItemFailures, the batch is retried from the first record the function reported.</li>
 *   <li>The shard does not move on while its batch is being retried: later records wait, as on AWS.</li>
 * </ul>
 *
 * <p>One daemon thread per mapping goes round its shards; it sleeps 250 ms when none had anything
 * to do (AWS polls each shard about once a second; shorter here so that notebooks and tests do not
 * wait). Shards are processed in turn rather than in parallel, so a slow function slows every shard.
 */
final class KinesisPoller implements Runnable {

    private static final Logger LOG = Logger.getLogger(KinesisPoller.class.getName());
    static final long IDLE_SLEEP_MILLIS = 250;
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final EventSourceMapping mapping;
    private final StreamTap tap;
    private final FunctionInvoker invoker;
    private final EmulatorClock clock;
    private final Function<String, String> roleOf;
    private final LambdaMetrics metrics;
    private final Map<String, ShardCursor> cursors = new LinkedHashMap<>();
    private final Set<String> drained = new HashSet<>();
    /** LATEST, fixed when the mapping was created: records put after that reach the function. */
    private final Map<String, Long> latestPositions;
    private volatile boolean stopped;
    private Thread thread;

    KinesisPoller(EventSourceMapping mapping, StreamTap tap, FunctionInvoker invoker, EmulatorClock clock,
                  Function<String, String> roleOf, LambdaMetrics metrics) {
        this.metrics = metrics;
        this.mapping = mapping;
        this.tap = tap;
        this.invoker = invoker;
        this.clock = clock;
        this.roleOf = roleOf;
        this.latestPositions = new LinkedHashMap<>();
        if (mapping.startingPosition.equals("LATEST")) {
            for (ShardView shard : tap.shards(mapping.eventSourceArn)) {
                latestPositions.put(shard.shardId(), tap.startPosition(mapping.eventSourceArn, shard.shardId(), true));
            }
        }
    }

    synchronized void start() {
        thread = new Thread(this, "lambda-esm-" + mapping.uuid);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        stopped = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    /** Waits a little for the thread to end (Emulator.close). */
    void join(long millis) throws InterruptedException {
        Thread running = thread;
        if (running != null) {
            running.join(millis);
        }
    }

    /** Where one shard is: its position, and the batches read but not yet done with. */
    private static final class ShardCursor {
        final String shardId;
        long position;
        long nextPosition;
        final Deque<Attempt> pending = new ArrayDeque<>();
        long retryAt;
        long windowStart = -1;

        ShardCursor(String shardId, long position) {
            this.shardId = shardId;
            this.position = position;
        }
    }

    /** A batch and how often it has failed. */
    private static final class Attempt {
        final List<TappedRecord> records;
        int failures;

        Attempt(List<TappedRecord> records) {
            this.records = records;
        }
    }

    @Override
    public void run() {
        while (!stopped) {
            boolean worked = false;
            try {
                mapping.settle(clock.millis());
                if (mapping.gone()) {
                    return;
                }
                if (mapping.polling() && tap.exists(mapping.eventSourceArn)) {
                    discoverShards();
                    for (ShardCursor cursor : new ArrayList<>(cursors.values())) {
                        if (stopped) {
                            return;
                        }
                        worked |= poll(cursor);
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "event source mapping " + mapping.uuid + " poll failed", e);
            }
            if (!worked && !sleep(IDLE_SLEEP_MILLIS)) {
                return;
            }
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return !stopped;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Adds a cursor for each shard whose parents are drained (or gone from the stream). */
    private void discoverShards() {
        List<ShardView> shards = tap.shards(mapping.eventSourceArn);
        Set<String> present = new HashSet<>();
        shards.forEach(shard -> present.add(shard.shardId()));
        for (ShardView shard : shards) {
            String id = shard.shardId();
            if (cursors.containsKey(id) || drained.contains(id)) {
                continue;
            }
            if (!parentDone(shard.parentShardId(), present) || !parentDone(shard.adjacentParentShardId(), present)) {
                continue;
            }
            cursors.put(id, new ShardCursor(id, startPosition(shard)));
        }
    }

    private boolean parentDone(String parent, Set<String> present) {
        return parent == null || drained.contains(parent) || !present.contains(parent);
    }

    private long startPosition(ShardView shard) {
        Long latest = latestPositions.get(shard.shardId());
        if (latest != null) {
            return latest;
        }
        // A shard that appeared after the mapping (a child) is read from its start, whatever the
        // starting position: its records all came after the mapping was made.
        return tap.startPosition(mapping.eventSourceArn, shard.shardId(), false);
    }

    /** One step for one shard; true when it invoked the function (or skipped records). */
    private boolean poll(ShardCursor cursor) {
        long now = System.currentTimeMillis();
        if (cursor.retryAt > now) {
            return false;
        }
        EventSourceMapping.Settings settings = mapping.settings();
        if (cursor.pending.isEmpty() && !read(cursor, settings, now)) {
            return false;
        }
        Attempt attempt = cursor.pending.peekFirst();
        if (tooOld(attempt, settings)) {
            cursor.pending.removeFirst();
            finishIfDone(cursor);
            return true;
        }
        FunctionInvoker.Invocation result;
        try {
            byte[] event = KinesisEvents.event(attempt.records, mapping.eventSourceArn, mapping.region,
                    roleOf.apply(mapping.functionArn));
            // IteratorAge: how old the batch's last record is as the function gets it
            metrics.iteratorAge(mapping.functionArn.substring(mapping.functionArn.lastIndexOf(':') + 1),
                    now - attempt.records.get(attempt.records.size() - 1).arrivalMillis());
            result = invoker.invoke(mapping.region, mapping.functionArn, event);
        } catch (FunctionInvoker.FunctionNotFoundException e) {
            mapping.processed(false);
            cursor.retryAt = now + 1000;
            return false;
        }
        List<TappedRecord> retry = failedPart(attempt, result, settings);
        if (retry == null) {
            mapping.processed(true);
            cursor.pending.removeFirst();
            cursor.retryAt = 0;
            finishIfDone(cursor);
            return true;
        }
        mapping.processed(false);
        cursor.pending.removeFirst();
        if (settings.bisect() && retry.size() > 1) {
            int half = retry.size() / 2;
            cursor.pending.addFirst(new Attempt(new ArrayList<>(retry.subList(half, retry.size()))));
            cursor.pending.addFirst(new Attempt(new ArrayList<>(retry.subList(0, half))));
            return true;
        }
        Attempt again = new Attempt(retry);
        again.failures = attempt.failures + 1;
        if (settings.maxRetryAttempts() >= 0 && again.failures > settings.maxRetryAttempts()) {
            LOG.fine(() -> "event source mapping " + mapping.uuid + " skips " + retry.size() + " records of "
                    + cursor.shardId + " after " + again.failures + " failed attempts");
            finishIfDone(cursor);
            return true;
        }
        cursor.pending.addFirst(again);
        cursor.retryAt = now + Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(10, again.failures - 1));
        return true;
    }

    /** Reads the shard's next batch into the cursor; false when there is nothing to invoke yet. */
    private boolean read(ShardCursor cursor, EventSourceMapping.Settings settings, long now) {
        StreamTap.Batch batch = tap.read(mapping.eventSourceArn, cursor.shardId, cursor.position, settings.batchSize());
        List<TappedRecord> records = batch.records();
        if (mapping.startingTimestampMillis != null) {
            records = records.stream().filter(r -> r.arrivalMillis() >= mapping.startingTimestampMillis).toList();
        }
        if (records.isEmpty()) {
            cursor.position = batch.nextPosition();
            cursor.windowStart = -1;
            if (batch.shardEnded()) {
                cursors.remove(cursor.shardId);
                drained.add(cursor.shardId);
            }
            return false;
        }
        if (records.size() < settings.batchSize() && settings.batchingWindowSeconds() > 0 && !batch.shardEnded()) {
            if (cursor.windowStart < 0) {
                cursor.windowStart = now;
            }
            if (now - cursor.windowStart < settings.batchingWindowSeconds() * 1000L) {
                return false;
            }
        }
        cursor.windowStart = -1;
        int fitting = KinesisEvents.fitting(records, mapping.eventSourceArn);
        List<TappedRecord> taken = records.subList(0, fitting);
        cursor.pending.add(new Attempt(new ArrayList<>(taken)));
        cursor.nextPosition = fitting == batch.records().size() ? batch.nextPosition()
                : positionAfter(cursor.position, batch.records(), taken.get(taken.size() - 1));
        return true;
    }

    /** The position just past {@code last}, within a read that started at {@code start}. */
    private static long positionAfter(long start, List<TappedRecord> read, TappedRecord last) {
        return start + read.indexOf(last) + 1;
    }

    /** When every batch read from the shard is done with, the shard moves on past them. */
    private void finishIfDone(ShardCursor cursor) {
        if (cursor.pending.isEmpty()) {
            cursor.position = cursor.nextPosition;
        }
    }

    private boolean tooOld(Attempt attempt, EventSourceMapping.Settings settings) {
        if (settings.maxRecordAgeSeconds() < 0 || attempt.failures == 0) {
            return false;
        }
        long oldest = attempt.records.get(0).arrivalMillis();
        return clock.millis() - oldest > settings.maxRecordAgeSeconds() * 1000L;
    }

    /**
     * The records to try again, or null when the batch succeeded: all of them after a function
     * error, those from the first reported failure with ReportBatchItemFailures.
     */
    private List<TappedRecord> failedPart(Attempt attempt, FunctionInvoker.Invocation result,
                                          EventSourceMapping.Settings settings) {
        if (result.failed()) {
            return attempt.records;
        }
        if (!settings.reportItemFailures()) {
            return null;
        }
        List<String> failures = KinesisEvents.reportedFailures(result.payload());
        if (failures == null || failures.isEmpty()) {
            return null;
        }
        int first = attempt.records.size();
        for (String sequence : failures) {
            int index = -1;
            for (int i = 0; i < attempt.records.size(); i++) {
                if (attempt.records.get(i).sequenceNumber().equals(sequence)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                return attempt.records; // an identifier not in the batch: AWS retries the whole batch
            }
            first = Math.min(first, index);
        }
        return new ArrayList<>(attempt.records.subList(first, attempt.records.size()));
    }
}
