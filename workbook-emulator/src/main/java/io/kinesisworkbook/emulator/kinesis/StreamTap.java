package io.kinesisworkbook.emulator.kinesis;

import java.util.ArrayList;
import java.util.List;

/**
 * How other services of the emulator read a stream, as AWS's own services do: a Firehose delivery
 * stream with a Kinesis source, a Lambda event source mapping. They read shard by shard from a
 * position, follow reshards parents first, and are not billed against the shard's read limits
 * (AWS does bill them; the emulator's limits are for learners' consumers).
 */
public final class StreamTap {

    /** A shard of the stream and where it came from. */
    public record ShardView(String shardId, String parentShardId, String adjacentParentShardId, boolean open) {
    }

    /** One record with what a consumer event carries. */
    public record TappedRecord(String shardId, String sequenceNumber, String partitionKey, byte[] data,
                               long arrivalMillis) {
    }

    /**
     * Records read from one shard.
     *
     * @param records      the records, in order
     * @param nextPosition where to read next
     * @param shardEnded   true when the shard is closed and every record was read: go on with its children
     */
    public record Batch(List<TappedRecord> records, long nextPosition, boolean shardEnded) {
    }

    private final StreamRegistry streams;

    StreamTap(StreamRegistry streams) {
        this.streams = streams;
    }

    /** The stream's shards, oldest first; empty when there is no such stream. */
    public List<ShardView> shards(String streamArn) {
        DataStream stream = find(streamArn);
        List<ShardView> views = new ArrayList<>();
        if (stream == null) {
            return views;
        }
        synchronized (stream) {
            for (Shard shard : stream.shards()) {
                views.add(new ShardView(shard.id(), shard.parentId(), shard.adjacentParentId(), shard.isOpen()));
            }
        }
        return views;
    }

    /** Whether the stream exists and can be read. */
    public boolean exists(String streamArn) {
        return find(streamArn) != null;
    }

    /** The first position to read: the oldest record kept (TRIM_HORIZON) or the next to arrive (LATEST). */
    public long startPosition(String streamArn, String shardId, boolean latest) {
        DataStream stream = require(streamArn);
        synchronized (stream) {
            Shard shard = stream.shard(shardId);
            return latest ? shard.endPosition() : shard.startPosition();
        }
    }

    /** Reads up to {@code max} records of a shard from {@code position}. */
    public Batch read(String streamArn, String shardId, long position, int max) {
        DataStream stream = require(streamArn);
        synchronized (stream) {
            Shard shard = stream.shard(shardId);
            long from = Math.max(position, shard.startPosition());
            long end = shard.endPosition();
            List<TappedRecord> records = new ArrayList<>();
            while (from < end && records.size() < max) {
                StoredRecord record = shard.recordAt(from);
                records.add(new TappedRecord(shard.id(), shard.sequenceNumberAt(from), record.partitionKey(),
                        record.data(), record.arrivalMillis()));
                from++;
            }
            return new Batch(records, from, !shard.isOpen() && from >= end);
        }
    }

    private DataStream require(String streamArn) {
        DataStream stream = find(streamArn);
        if (stream == null) {
            throw new IllegalArgumentException("no stream " + streamArn);
        }
        return stream;
    }

    /** {@code arn:aws:kinesis:REGION:ACCOUNT:stream/NAME}. */
    private DataStream find(String streamArn) {
        String[] parts = streamArn == null ? new String[0] : streamArn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("kinesis") || !parts[5].startsWith("stream/")) {
            return null;
        }
        return streams.find(parts[3], parts[5].substring("stream/".length()));
    }
}
