package io.kinesisworkbook.lib.kcl;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.lib.data.Events;
import java.time.Instant;

/**
 * A record that a worker's handler processed without throwing.
 *
 * <p>Kinesis names a record by its shard and sequence number (and a sub-sequence number for the
 * records a KPL aggregate carries), so {@link #key()} is what tells a record processed twice, after
 * a failover from the last checkpoint, from two different records.
 *
 * @param worker            the worker that processed it
 * @param shardId           the shard it came from
 * @param sequenceNumber    its sequence number in the shard
 * @param subSequenceNumber its position in a KPL aggregate, 0 otherwise
 * @param partitionKey      its partition key
 * @param data              its data as UTF-8 text (the workbook's records are JSON)
 * @param arrivalTime       when Kinesis accepted it
 * @param processedAt       when the handler finished with it
 */
public record ProcessedRecord(String worker, String shardId, String sequenceNumber, long subSequenceNumber,
                              String partitionKey, String data, Instant arrivalTime, Instant processedAt) {

    /** The record's identity in the stream: equal keys mean the same record, processed again. */
    public String key() {
        return shardId + "/" + sequenceNumber + "/" + subSequenceNumber;
    }

    /** The data as a JSON tree. */
    public JsonNode json() {
        return as(JsonNode.class);
    }

    /** The data decoded from JSON into {@code type}, as {@link Events} reads events. */
    public <T> T as(Class<T> type) {
        return Events.fromJson(data, type);
    }
}
