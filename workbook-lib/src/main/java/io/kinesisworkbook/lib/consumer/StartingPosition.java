package io.kinesisworkbook.lib.consumer;

import java.time.Instant;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Where a reader starts in a shard: the five iterator types of GetShardIterator. */
public record StartingPosition(ShardIteratorType type, String sequenceNumber, Instant timestamp) {

    /** The oldest record still held (within the retention period). */
    public static StartingPosition trimHorizon() {
        return new StartingPosition(ShardIteratorType.TRIM_HORIZON, null, null);
    }

    /** Just after the newest record: only what is written from now on. */
    public static StartingPosition latest() {
        return new StartingPosition(ShardIteratorType.LATEST, null, null);
    }

    public static StartingPosition atSequenceNumber(String sequenceNumber) {
        return new StartingPosition(ShardIteratorType.AT_SEQUENCE_NUMBER, sequenceNumber, null);
    }

    public static StartingPosition afterSequenceNumber(String sequenceNumber) {
        return new StartingPosition(ShardIteratorType.AFTER_SEQUENCE_NUMBER, sequenceNumber, null);
    }

    /** The first record that arrived at or after {@code timestamp}. */
    public static StartingPosition atTimestamp(Instant timestamp) {
        return new StartingPosition(ShardIteratorType.AT_TIMESTAMP, null, timestamp);
    }

    void applyTo(GetShardIteratorRequest.Builder request) {
        request.shardIteratorType(type).startingSequenceNumber(sequenceNumber).timestamp(timestamp);
    }
}
