package io.kinesisworkbook.emulator.kinesis;

import java.util.ArrayList;
import java.util.List;

/**
 * How other services of the emulator read and write a stream, as AWS's own services do: a Firehose
 * delivery stream with a Kinesis source and a Lambda event source mapping read it, shard by shard
 * from a position, following reshards parents first; DynamoDB's Kinesis streaming destination writes
 * to it. Neither is held to the shard's throughput limits (AWS does count them; the emulator's limits
 * are for learners' producers and consumers), but writes are metered as any other.
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
    private final KinesisContext context;

    StreamTap(KinesisContext context) {
        this.streams = context.streams;
        this.context = context;
    }

    /**
     * Writes one record, routed by the MD5 of its partition key as PutRecord routes it. Returns false,
     * writing nothing, when there is no such stream or it takes no writes now (CREATING, DELETING).
     */
    public boolean put(String streamArn, String partitionKey, byte[] data) {
        DataStream stream = find(streamArn);
        if (stream == null) {
            return false;
        }
        synchronized (stream) {
            StreamStatus status = stream.status();
            if (status != StreamStatus.ACTIVE && status != StreamStatus.UPDATING) {
                return false;
            }
            long now = context.now();
            Shard shard = stream.shardFor(HashKeyRange.hashKeyOf(partitionKey));
            shard.append(data, partitionKey, now, stream.isEncrypted());
            int bytes = data.length + partitionKey.length();
            context.metrics.recordsIn(stream, "PutRecord", 1, bytes, now);
            context.metrics.shardRecordsIn(stream, shard, 1, bytes, now);
            return true;
        }
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
