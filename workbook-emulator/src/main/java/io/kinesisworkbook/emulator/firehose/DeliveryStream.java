package io.kinesisworkbook.emulator.firehose;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One delivery stream: its definition, its status, the records it buffers and the objects it has
 * still to write. Every access holds the stream's lock: the API threads add records, the delivery
 * thread takes them.
 */
final class DeliveryStream {

    static final String DIRECT_PUT = "DirectPut";
    static final String KINESIS_SOURCE = "KinesisStreamAsSource";

    /** An object made from a buffer, waiting to be written to S3 (again, after a failure). */
    record PendingObject(String bucket, String key, byte[] data, String contentType) {
    }

    private final String name;
    private final String arn;
    private final String type;
    private final long createdMillis;
    private final String sourceStreamArn;
    private final String sourceRoleArn;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Deque<BufferedRecord> buffer = new ArrayDeque<>();
    private final Deque<PendingObject> pending = new ArrayDeque<>();
    private final Map<String, Long> shardPositions = new LinkedHashMap<>();
    private final Set<String> finishedShards = new HashSet<>();
    private S3Destination destination;
    private int version = 1;
    private long bufferedBytes;
    private String status = "CREATING";
    private long settlesAtMillis;
    private long lastUpdateMillis;
    private long nextRecordId;
    private long lastProblemLogMillis;
    /** Held by the delivery thread while it delivers: one delivery at a time, without blocking PutRecord. */
    final Object deliveryLock = new Object();

    DeliveryStream(String name, String arn, String type, long createdMillis, S3Destination destination,
                   String sourceStreamArn, String sourceRoleArn) {
        this.name = name;
        this.arn = arn;
        this.type = type;
        this.createdMillis = createdMillis;
        this.destination = destination;
        this.sourceStreamArn = sourceStreamArn;
        this.sourceRoleArn = sourceRoleArn;
        this.lastUpdateMillis = createdMillis;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String type() {
        return type;
    }

    long createdMillis() {
        return createdMillis;
    }

    long lastUpdateMillis() {
        return lastUpdateMillis;
    }

    String sourceStreamArn() {
        return sourceStreamArn;
    }

    String sourceRoleArn() {
        return sourceRoleArn;
    }

    Map<String, String> tags() {
        return tags;
    }

    synchronized S3Destination destination() {
        return destination;
    }

    synchronized int version() {
        return version;
    }

    /** Replaces the destination: a new version, as in the objects' keys from now on. */
    synchronized void destination(S3Destination updated, long now) {
        destination = updated;
        version++;
        lastUpdateMillis = now;
    }

    synchronized String status() {
        return status;
    }

    synchronized void begin(String transientStatus, long settlesAt) {
        status = transientStatus;
        settlesAtMillis = settlesAt;
    }

    /** CREATING becomes ACTIVE when its time has come; returns false once a DELETING stream is gone. */
    synchronized boolean settle(long now) {
        if (now < settlesAtMillis) {
            return true;
        }
        if (status.equals("CREATING")) {
            status = "ACTIVE";
        }
        return !status.equals("DELETING");
    }

    synchronized boolean isActive() {
        return status.equals("ACTIVE");
    }

    /** Takes a record into the buffer and returns its id. */
    synchronized String accept(byte[] data, long now, BufferedRecord.KinesisMetadata kinesis) {
        String recordId = String.format("4963%056d", ++nextRecordId);
        buffer.add(new BufferedRecord(recordId, data, now, kinesis));
        bufferedBytes += data.length;
        return recordId;
    }

    /** Whether the buffer is full or its oldest record has waited the buffering interval. */
    synchronized boolean isDue(long now) {
        if (buffer.isEmpty()) {
            return false;
        }
        return bufferedBytes >= destination.bufferSizeBytes()
                || now - buffer.peekFirst().arrivalMillis() >= destination.bufferIntervalMillis();
    }

    /** Empties the buffer into one batch: at most one buffer size of records, oldest first. */
    synchronized List<BufferedRecord> takeBatch() {
        List<BufferedRecord> batch = new ArrayList<>();
        long bytes = 0;
        while (!buffer.isEmpty() && (batch.isEmpty() || bytes + buffer.peekFirst().data().length
                <= destination.bufferSizeBytes())) {
            BufferedRecord record = buffer.pollFirst();
            batch.add(record);
            bytes += record.data().length;
        }
        bufferedBytes -= bytes;
        return batch;
    }

    Deque<PendingObject> pending() {
        return pending;
    }

    /** Where reading each shard of the source stream has got to. */
    Map<String, Long> shardPositions() {
        return shardPositions;
    }

    /** Puts a batch that could not be delivered back at the front of the buffer, in order. */
    synchronized void putBack(List<BufferedRecord> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            buffer.addFirst(batch.get(i));
            bufferedBytes += batch.get(i).data().length;
        }
    }

    /** Logs why delivery is stuck, at most once a minute, with how much waits. */
    void noteDeliveryProblem(String problem, java.util.logging.Logger log) {
        long now = System.currentTimeMillis();
        if (now - lastProblemLogMillis >= 60_000) {
            lastProblemLogMillis = now;
            log.warning("delivery stream " + name + " cannot deliver (" + problem + "); " + pending.size()
                    + " objects wait, retrying");
        }
    }

    /** Shards of the source stream read to their end, or closed before this delivery stream began. */
    Set<String> finishedShards() {
        return finishedShards;
    }
}
