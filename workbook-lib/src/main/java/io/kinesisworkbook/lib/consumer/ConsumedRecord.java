package io.kinesisworkbook.lib.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.lib.data.Events;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * A record as a consumer received it, with the shard it came from and helpers to read its data as
 * text or JSON.
 */
public record ConsumedRecord(String shardId, String sequenceNumber, String partitionKey, byte[] data,
                             Instant arrivalTime) {

    static ConsumedRecord of(String shardId, Record record) {
        return new ConsumedRecord(shardId, record.sequenceNumber(), record.partitionKey(), record.data().asByteArray(),
                record.approximateArrivalTimestamp());
    }

    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The data as a JSON tree. */
    public JsonNode json() {
        return as(JsonNode.class);
    }

    /** The data decoded from JSON into {@code type} (a record class, for example), as {@link Events} reads events. */
    public <T> T as(Class<T> type) {
        try {
            return Events.fromJson(data, type);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("Record " + sequenceNumber + " of " + shardId + " is not a JSON "
                    + type.getSimpleName() + ": " + text(), e);
        }
    }
}
