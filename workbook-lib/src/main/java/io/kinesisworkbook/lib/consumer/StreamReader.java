package io.kinesisworkbook.lib.consumer;

import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.streams.Streams;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads every shard of a stream and follows resharding the way Kinesis requires: a child shard is
 * read only after its parents have been read to their end, so the records of one partition key come
 * out in order across a split or a merge. (The Kinesis Client Library does this too, with leases
 * and checkpoints on top; this reader is the same idea, small enough to read.)
 *
 * <pre>{@code
 * StreamReader reader = aws.reader("clicks").from(ReadFrom.trimHorizon()).build();
 * List<ConsumedRecord> everything = reader.readAvailable();     // until caught up
 * }</pre>
 */
public final class StreamReader {

    private final KinesisClient kinesis;
    private final String stream;
    private final ReadFrom start;
    private final int limitPerCall;
    private final Map<String, ShardReader> reading = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private boolean listed;

    private StreamReader(Builder builder) {
        this.kinesis = builder.kinesis;
        this.stream = builder.stream;
        this.start = builder.start;
        this.limitPerCall = builder.limitPerCall;
    }

    public static Builder of(KinesisClient kinesis, String stream) {
        return new Builder(kinesis, stream);
    }

    /** One GetRecords call on every shard being read; records come back shard by shard. */
    public List<ConsumedRecord> poll() {
        if (!listed) {
            discoverShards();
        }
        List<ConsumedRecord> records = new ArrayList<>();
        boolean someFinished = false;
        for (ShardReader reader : List.copyOf(reading.values())) {
            records.addAll(reader.poll());
            if (reader.isFinished()) {
                reading.remove(reader.shardId());
                finished.add(reader.shardId());
                someFinished = true;
            }
        }
        if (someFinished) {
            discoverShards();
        }
        return records;
    }

    /**
     * Reads until every open shard is caught up with its newest record; returns what it read. Caught
     * up means a read came back empty with every shard caught up, or every shard was caught up on two
     * reads in a row: on a stream a producer keeps writing to, an empty read may never come.
     */
    public List<ConsumedRecord> readAvailable() {
        List<ConsumedRecord> records = new ArrayList<>();
        int caughtUpReads = 0;
        while (true) {
            List<ConsumedRecord> batch = poll();
            records.addAll(batch);
            boolean caughtUp = reading.values().stream().allMatch(ShardReader::isCaughtUp);
            caughtUpReads = caughtUp ? caughtUpReads + 1 : 0;
            if (caughtUp && (batch.isEmpty() || caughtUpReads == 2)) {
                return records;
            }
        }
    }

    /** Hands every record to {@code action} for {@code duration}, then returns. */
    public void forEach(Consumer<ConsumedRecord> action, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            poll().forEach(action);
        }
    }

    /** An endless, lazy stream of records: {@code reader.stream().limit(1000).toList()}. */
    public Stream<ConsumedRecord> stream() {
        Deque<ConsumedRecord> pending = new ArrayDeque<>();
        Spliterator<ConsumedRecord> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super ConsumedRecord> action) {
                while (pending.isEmpty()) {
                    pending.addAll(poll());
                }
                action.accept(pending.poll());
                return true;
            }
        };
        return StreamSupport.stream(spliterator, false);
    }

    /** The shards being read now, with how far behind each is. */
    public Map<String, Long> millisBehindLatest() {
        Map<String, Long> behind = new LinkedHashMap<>();
        reading.values().forEach(r -> behind.put(r.shardId(), r.millisBehindLatest()));
        return behind;
    }

    /** Starts reading every shard whose parents are done (or gone, or skipped because it starts at LATEST). */
    private void discoverShards() {
        listed = true;
        List<Shard> shards = listShards();
        Set<String> known = new HashSet<>();
        shards.forEach(s -> known.add(s.shardId()));
        for (Shard shard : shards) {
            String id = shard.shardId();
            if (reading.containsKey(id) || finished.contains(id)) {
                continue;
            }
            boolean closed = shard.sequenceNumberRange().endingSequenceNumber() != null;
            if (closed && start.type() == ShardIteratorType.LATEST) {
                finished.add(id); // nothing new will ever arrive in a closed shard
                continue;
            }
            if (isDoneOrGone(shard.parentShardId(), known) && isDoneOrGone(shard.adjacentParentShardId(), known)) {
                boolean isChild = shard.parentShardId() != null && finished.contains(shard.parentShardId());
                ReadFrom from = isChild ? ReadFrom.trimHorizon() : start;
                reading.put(id, new ShardReader(kinesis, stream, id, from, limitPerCall));
            }
        }
    }

    private boolean isDoneOrGone(String parent, Set<String> known) {
        return parent == null || finished.contains(parent) || !known.contains(parent);
    }

    private List<Shard> listShards() {
        List<Shard> shards = new Streams(kinesis).shards(stream);
        if (shards.isEmpty()) {
            throw new WorkbookException("Stream " + stream + " has no shards: is it still being created?");
        }
        return shards;
    }

    /** How a reader starts. */
    public static final class Builder {
        private final KinesisClient kinesis;
        private final String stream;
        private ReadFrom start = ReadFrom.trimHorizon();
        private int limitPerCall = 10_000;

        private Builder(KinesisClient kinesis, String stream) {
            this.kinesis = kinesis;
            this.stream = stream;
        }

        /** Where reading starts in the shards open at that point (default: the trim horizon). */
        public Builder from(ReadFrom position) {
            this.start = position;
            return this;
        }

        /** The most records one GetRecords call returns (1 to 10,000; default 10,000). */
        public Builder limitPerCall(int limit) {
            if (limit < 1 || limit > 10_000) {
                throw new IllegalArgumentException("limitPerCall must be 1..10000");
            }
            this.limitPerCall = limit;
            return this;
        }

        public StreamReader build() {
            return new StreamReader(this);
        }
    }
}
