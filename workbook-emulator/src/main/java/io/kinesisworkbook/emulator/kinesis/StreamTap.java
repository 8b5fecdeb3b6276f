package io.kinesisworkbook.emulator.kinesis;

import java.util.ArrayList;
import java.util.List;

/**
 * How other services of the emulator read a stream, as AWS's own services do: a Firehose delivery
 * stream with a Kinesis source, a Lambda event source mapping. They read shard by shard from a
 * position, follow reshards parents first, and are not billed against the shard's read limits
 * (AWS does bill them; the emulator's limits are for learners' consumers).
 *
 * <p>It also writes, as EventBridge does when a rule's target is a stream: one record at a time,
 * through the same shard limits, metrics and sequence numbers as a PutRecord call.
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

    /** How a write went: a service that writes retries THROTTLED and gives up on the others. */
    public enum PutStatus { WRITTEN, THROTTLED, NO_SUCH_STREAM, TOO_LARGE }

    /**
     * The answer to one write.
     *
     * @param shardId        where the record went (WRITTEN only)
     * @param sequenceNumber its sequence number (WRITTEN only)
     * @param message        why it was not written, in AWS's words (otherwise null)
     */
    public record PutResult(PutStatus status, String shardId, String sequenceNumber, String message) {
        public boolean written() {
            return status == PutStatus.WRITTEN;
        }
    }

    private final StreamRegistry streams;
    private final KinesisContext context;

    StreamTap(KinesisContext context) {
        this.streams = context.streams;
        this.context = context;
    }

    /**
     * Writes one record, as PutRecord does: routed by the MD5 of its partition key, counted against
     * the shard's write limits (when the emulator enforces them) and in the stream's metrics.
     */
    public PutResult put(String streamArn, String partitionKey, byte[] data) {
        DataStream stream = find(streamArn);
        String account = context.account();
        String name = streamArn == null ? "" : streamArn.substring(streamArn.lastIndexOf('/') + 1);
        if (stream == null) {
            return new PutResult(PutStatus.NO_SUCH_STREAM, null, null,
                    KinesisErrors.streamNotFound(name, account).getMessage());
        }
        long started = System.nanoTime();
        long now = context.now();
        synchronized (stream) {
            try {
                stream.requireReadable(account);
            } catch (RuntimeException notWritable) {
                return new PutResult(PutStatus.NO_SUCH_STREAM, null, null, notWritable.getMessage());
            }
            int bytes = data.length + partitionKey.length();
            if (data.length > stream.maxRecordSizeKiB() * 1024 || partitionKey.isEmpty() || partitionKey.length() > 256) {
                return new PutResult(PutStatus.TOO_LARGE, null, null, "Record of " + bytes
                        + " bytes (data and partition key) does not fit stream " + stream.name() + ".");
            }
            Shard shard = stream.shardFor(HashKeyRange.hashKeyOf(partitionKey));
            if (context.throughputLimits && !shard.tryWrite(bytes, now)) {
                context.metrics.writeThrottled(stream, shard, 1, now);
                context.metrics.putCall(stream, "PutRecord", false, RecordOperations.elapsedMillis(started), now);
                return new PutResult(PutStatus.THROTTLED, null, null,
                        KinesisErrors.throughputMessage(shard.id(), stream.name(), account));
            }
            long position = shard.append(data, partitionKey, now, stream.isEncrypted());
            context.metrics.recordsIn(stream, "PutRecord", 1, bytes, now);
            context.metrics.shardRecordsIn(stream, shard, 1, bytes, now);
            context.metrics.putCall(stream, "PutRecord", true, RecordOperations.elapsedMillis(started), now);
            return new PutResult(PutStatus.WRITTEN, shard.id(), shard.sequenceNumberAt(position), null);
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
