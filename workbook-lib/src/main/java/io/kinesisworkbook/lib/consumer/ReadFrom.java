package io.kinesisworkbook.lib.consumer;

import java.time.Instant;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Where a reader starts in a shard: the five iterator types of GetShardIterator. (Not named
 * StartingPosition, which is the SDK's type for SubscribeToShard.)
 */
public record ReadFrom(ShardIteratorType type, String sequenceNumber, Instant timestamp) {

    /** The oldest record still held (within the retention period). */
    public static ReadFrom trimHorizon() {
        return new ReadFrom(ShardIteratorType.TRIM_HORIZON, null, null);
    }

    /** Just after the newest record: only what is written from now on. */
    public static ReadFrom latest() {
        return new ReadFrom(ShardIteratorType.LATEST, null, null);
    }

    public static ReadFrom atSequenceNumber(String sequenceNumber) {
        return new ReadFrom(ShardIteratorType.AT_SEQUENCE_NUMBER, sequenceNumber, null);
    }

    public static ReadFrom afterSequenceNumber(String sequenceNumber) {
        return new ReadFrom(ShardIteratorType.AFTER_SEQUENCE_NUMBER, sequenceNumber, null);
    }

    /** The first record that arrived at or after {@code timestamp}. */
    public static ReadFrom atTimestamp(Instant timestamp) {
        return new ReadFrom(ShardIteratorType.AT_TIMESTAMP, null, timestamp);
    }

    void applyTo(GetShardIteratorRequest.Builder request) {
        request.shardIteratorType(type).startingSequenceNumber(sequenceNumber).timestamp(timestamp);
    }
}
