package io.kinesisworkbook.exercises;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Exercise 00 (notebook 00-start-here): a record there and back. */
public final class E00FirstRecord {

    private E00FirstRecord() {
    }

    /**
     * Puts {@code text} into {@code stream} under {@code partitionKey}, then reads it back from the
     * shard PutRecord named, starting at the record's own sequence number, and returns the text read.
     */
    public static String putAndReadBack(KinesisClient kinesis, String stream, String partitionKey, String text) {
        PutRecordResponse put = kinesis.putRecord(b -> b.streamName(stream).partitionKey(partitionKey)
                .data(SdkBytes.fromUtf8String(text)));
        String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId(put.shardId())
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                .startingSequenceNumber(put.sequenceNumber())).shardIterator();
        GetRecordsResponse answer = kinesis.getRecords(b -> b.shardIterator(iterator).limit(1));
        return answer.records().get(0).data().asUtf8String();
    }
}
