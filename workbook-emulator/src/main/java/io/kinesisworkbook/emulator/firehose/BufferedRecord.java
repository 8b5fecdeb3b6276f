package io.kinesisworkbook.emulator.firehose;

/**
 * A record waiting in a delivery stream's buffer.
 *
 * @param recordId      the id PutRecord answered, which the Lambda processor must hand back
 * @param data          the record's bytes
 * @param arrivalMillis when Firehose received it
 * @param kinesis       where it came from in the source stream, or null for Direct PUT
 */
record BufferedRecord(String recordId, byte[] data, long arrivalMillis, KinesisMetadata kinesis) {

    /** The source record's place in a Kinesis stream, as the Lambda processor's event shows it. */
    record KinesisMetadata(String shardId, String partitionKey, String sequenceNumber, long arrivalMillis) {
    }
}
