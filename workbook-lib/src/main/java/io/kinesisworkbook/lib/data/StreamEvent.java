package io.kinesisworkbook.lib.data;

import java.time.Instant;

/**
 * One record a producer writes to a stream.
 *
 * <p>Kinesis asks two things of every record: a partition key, which picks the shard, and a blob
 * of bytes, which it stores untouched. So every event names its natural key (the thing whose events
 * must stay in order: a user, a stock symbol, a device) and knows how to turn itself into JSON.
 * The timestamp is when the event happened, not when it reached the stream; consumers compare the
 * two to measure lag and to put events into time windows.
 */
public interface StreamEvent {

    /** The key Kinesis hashes to choose a shard; events with the same key keep their order. */
    String partitionKey();

    /** When the event happened (event time). */
    Instant timestamp();

    /** This event as JSON, with ISO-8601 timestamps and fields in declaration order. */
    default String toJson() {
        return Events.toJson(this);
    }

    /** This event as UTF-8 JSON bytes: what goes into a record's {@code Data}. */
    default byte[] toJsonBytes() {
        return Events.toJsonBytes(this);
    }
}
