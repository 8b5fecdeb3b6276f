package io.kinesisworkbook.lib.consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * A record as a consumer received it, with the shard it came from and helpers to read its data as
 * text or JSON.
 */
public record ConsumedRecord(String shardId, String sequenceNumber, String partitionKey, byte[] data,
                             Instant arrivalTime) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static ConsumedRecord of(String shardId, Record record) {
        return new ConsumedRecord(shardId, record.sequenceNumber(), record.partitionKey(), record.data().asByteArray(),
                record.approximateArrivalTimestamp());
    }

    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The data as a JSON tree. */
    public JsonNode json() {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("Record " + sequenceNumber + " of " + shardId + " is not JSON: " + text(), e);
        }
    }

    /** The data decoded from JSON into {@code type} (a record class, for example). */
    public <T> T as(Class<T> type) {
        try {
            return JSON.readValue(data, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Record " + sequenceNumber + " of " + shardId + " is not a JSON "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
