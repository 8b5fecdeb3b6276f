package io.kinesisworkbook.emulator.kinesis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.EventStreamSink;
import io.kinesisworkbook.emulator.http.EventStreamSource;
import java.util.concurrent.TimeUnit;

/**
 * One SubscribeToShard call: pushes the shard's records to a registered consumer as they arrive,
 * as {@code SubscribeToShardEvent}s on an event stream, for five minutes (by the emulator's clock),
 * then ends, as AWS does. An empty event goes out every second when there is nothing new, so the
 * consumer's ContinuationSequenceNumber and MillisBehindLatest stay current.
 *
 * <p>All of its work runs on the connection's event loop; it reads the shard under the stream's lock.
 */
final class ShardSubscription implements EventStreamSource {

    static final long LIFETIME_MILLIS = 5 * 60 * 1000;
    private static final long POLL_MILLIS = 10;
    private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_RECORDS_PER_EVENT = 10_000;
    private static final int MAX_BYTES_PER_EVENT = 2 * 1024 * 1024;

    private final KinesisContext context;
    private final DataStream stream;
    private final StreamConsumer consumer;
    private final Shard shard;
    private final long startedMillis;
    private long position;
    private long lastEventNanos;
    private EventStreamSink sink;
    private volatile boolean active = true;
    private volatile boolean takenOver;

    ShardSubscription(KinesisContext context, DataStream stream, StreamConsumer consumer, Shard shard, long position) {
        this.context = context;
        this.stream = stream;
        this.consumer = consumer;
        this.shard = shard;
        this.position = position;
        this.startedMillis = context.now();
    }

    long startedMillis() {
        return startedMillis;
    }

    boolean isActive() {
        return active;
    }

    /** A newer subscription of the same consumer to the same shard replaces this one. */
    void takeOver() {
        takenOver = true;
    }

    @Override
    public void start(EventStreamSink eventSink) {
        this.sink = eventSink;
        sink.event("initial-response", sink.newObject());
        lastEventNanos = System.nanoTime() - HEARTBEAT_NANOS;
        tick();
    }

    private void tick() {
        if (!sink.isOpen()) {
            active = false;
            return;
        }
        if (takenOver) {
            end("ResourceInUseException", "Another subscription of consumer " + consumer.arn() + " to shard "
                    + shard.id() + " replaced this one.");
            return;
        }
        if (context.now() - startedMillis >= LIFETIME_MILLIS) {
            active = false;
            sink.complete();
            return;
        }
        if (sink.isWritable() && pushDue()) {
            active = false;
            sink.complete();
            return;
        }
        if (active) {
            sink.scheduler().schedule(this::tick, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends an event if there are records or a heartbeat is due; true once a closed shard is drained. */
    private boolean pushDue() {
        synchronized (stream) {
            long now = context.now();
            stream.settle(now);
            if (stream.status() == StreamStatus.DELETING || stream.shard(shard.id()) == null) {
                end("ResourceNotFoundException", "Stream " + stream.name() + " under account " + context.account() + " not found.");
                return false;
            }
            if (consumer.status() != StreamStatus.ACTIVE) {
                end("ResourceNotFoundException", "Consumer " + consumer.arn() + ", account " + context.account() + " not found.");
                return false;
            }
            position = Math.max(position, shard.startPosition());
            long end = shard.endPosition();
            boolean drained = !shard.isOpen() && position >= end;
            if (position >= end && !drained && System.nanoTime() - lastEventNanos < HEARTBEAT_NANOS) {
                return false;
            }
            return send(now, end);
        }
    }

    /** Sends the next event; true when it carried a closed shard's last records (and its children). */
    private boolean send(long now, long end) {
        ObjectNode event = sink.newObject();
        ArrayNode records = event.putArray("Records");
        long bytes = 0;
        while (position < end && records.size() < MAX_RECORDS_PER_EVENT) {
            int billed = shard.billedBytesAt(position);
            if (!records.isEmpty() && bytes + billed > MAX_BYTES_PER_EVENT) {
                break;
            }
            KinesisShapes.record(records.addObject(), sink.protocol(), shard, position);
            bytes += billed;
            position++;
        }
        long millisBehind = RecordOperations.millisBehindLatest(shard, position, end, now);
        boolean reachedEnd = !shard.isOpen() && position >= end;
        if (reachedEnd) {
            // As AWS: a closed shard's last event has no continuation, only its children. KCL relies on it.
            KinesisShapes.childShards(event.putArray("ChildShards"), stream, shard);
        } else {
            // Its own number, between the last record sent and the next: resuming AT or AFTER it is the same.
            event.put("ContinuationSequenceNumber", SequenceNumbers.before(shard.index(), position));
        }
        event.put("MillisBehindLatest", millisBehind);
        sink.event("SubscribeToShardEvent", event);
        lastEventNanos = System.nanoTime();
        context.metrics.subscribeToShardEvent(stream, consumer.name(), records.size(), bytes, millisBehind, now);
        return reachedEnd;
    }

    private void end(String exceptionType, String message) {
        active = false;
        sink.exception(exceptionType, message);
    }
}
