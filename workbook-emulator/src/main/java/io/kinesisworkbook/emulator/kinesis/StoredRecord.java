package io.kinesisworkbook.emulator.kinesis;

/**
 * One record as a reader sees it, read out of a shard's {@link RecordLog}. Its sequence number is
 * not stored: it follows from the shard and the record's position (see {@link SequenceNumbers}).
 *
 * @param data           the blob the producer sent
 * @param partitionKey   the key the producer sent
 * @param arrivalMillis  when the shard accepted it (ApproximateArrivalTimestamp)
 * @param encrypted      whether server-side encryption was on when it arrived
 */
record StoredRecord(byte[] data, String partitionKey, long arrivalMillis, boolean encrypted) {
}
