package io.kinesisworkbook.exercises;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Your exercise. Read the Javadoc of each method, replace the TODO, and run {@code ./workbook grade}.
 *
 * <p>Exercise 00 (notebook 00-start-here): a record there and back. */
public final class E00FirstRecord {

    private E00FirstRecord() {
    }

    /**
     * Puts {@code text} into {@code stream} under {@code partitionKey}, then reads it back from the
     * shard PutRecord named, starting at the record's own sequence number, and returns the text read.
     */
    public static String putAndReadBack(KinesisClient kinesis, String stream, String partitionKey, String text) {
        // TODO: put the record (PutRecord), get an AT_SEQUENCE_NUMBER iterator on the shard it went to, call GetRecords, return the first record's text.
        throw new UnsupportedOperationException("TODO: exercise E00, putAndReadBack");
    }
}
