package io.kinesisworkbook.lib.dr;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.lib.consumer.ConsumedRecord;
import io.kinesisworkbook.lib.consumer.ReadFrom;
import io.kinesisworkbook.lib.consumer.StreamReader;
import io.kinesisworkbook.lib.data.Events;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * What the pipeline's stream holds, read from its oldest record: S3's object events (each event
 * once, however often it was put: re-driven records come back as the same event) and the
 * application's log batches.
 *
 * @param objectEvents distinct object events (by EventBridge's event id)
 * @param objectRecords records that carried an object event, repeats included
 * @param logBatches   GZIP log batches, repeats included
 * @param other        anything else
 */
public record StreamCensus(int objectEvents, int objectRecords, int logBatches, int other) {

    /** Reads every shard from TRIM_HORIZON to its newest record. */
    public static StreamCensus of(KinesisClient kinesis, String stream) {
        Set<String> eventIds = new HashSet<>();
        int objectRecords = 0;
        int logBatches = 0;
        int other = 0;
        for (ConsumedRecord record : StreamReader.of(kinesis, stream).from(ReadFrom.trimHorizon()).build().readAvailable()) {
            byte[] data = record.data();
            if (data.length > 1 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
                logBatches++;
                continue;
            }
            JsonNode event = json(data);
            if (event != null && "aws.s3".equals(event.path("source").asText())) {
                objectRecords++;
                eventIds.add(event.path("id").asText());
            } else {
                other++;
            }
        }
        return new StreamCensus(eventIds.size(), objectRecords, logBatches, other);
    }

    private static JsonNode json(byte[] data) {
        try {
            return data.length > 0 && data[0] == '{' ? Events.fromJson(data, JsonNode.class) : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
