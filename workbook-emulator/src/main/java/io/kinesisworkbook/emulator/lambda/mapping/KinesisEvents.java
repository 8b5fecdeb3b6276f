package io.kinesisworkbook.emulator.lambda.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.kinesis.StreamTap.TappedRecord;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

/** The event a Kinesis event source mapping sends a function, member for member as AWS sends it. */
final class KinesisEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A synchronous invocation's payload limit: a batch stops growing before it. */
    static final int MAX_PAYLOAD = 6_291_456;
    /** What one record adds besides its data (names, ARNs, sequence numbers), counted generously. */
    private static final int RECORD_OVERHEAD = 700;

    private KinesisEvents() {
    }

    /** How many of {@code records}, from the first, fit in one invocation's payload. */
    static int fitting(List<TappedRecord> records, String streamArn) {
        long size = 32;
        for (int i = 0; i < records.size(); i++) {
            TappedRecord record = records.get(i);
            size += RECORD_OVERHEAD + streamArn.length() + record.partitionKey().length() + 4L * ((record.data().length + 2) / 3);
            if (size > MAX_PAYLOAD) {
                return Math.max(1, i);
            }
        }
        return records.size();
    }

    static byte[] event(List<TappedRecord> records, String streamArn, String region, String roleArn) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode list = event.putArray("Records");
        for (TappedRecord record : records) {
            ObjectNode entry = list.addObject();
            ObjectNode kinesis = entry.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", record.partitionKey());
            kinesis.put("sequenceNumber", record.sequenceNumber());
            kinesis.put("data", Base64.getEncoder().encodeToString(record.data()));
            kinesis.put("approximateArrivalTimestamp", BigDecimal.valueOf(record.arrivalMillis()).movePointLeft(3));
            entry.put("eventSource", "aws:kinesis");
            entry.put("eventVersion", "1.0");
            entry.put("eventID", record.shardId() + ":" + record.sequenceNumber());
            entry.put("eventName", "aws:kinesis:record");
            entry.put("invokeIdentityArn", roleArn);
            entry.put("awsRegion", region);
            entry.put("eventSourceARN", streamArn);
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The sequence numbers a function reported as failed ({@code ReportBatchItemFailures}:
     * {@code {"batchItemFailures": [{"itemIdentifier": "..."}]}}); null when the answer reports none.
     * An answer that cannot be read as such counts as a failure of the whole batch, as on AWS.
     */
    static List<String> reportedFailures(byte[] answer) {
        try {
            var node = JSON.readTree(answer);
            if (node == null || !node.isObject() || !node.has("batchItemFailures")) {
                return null;
            }
            var failures = node.get("batchItemFailures");
            if (failures.isNull()) {
                return null;
            }
            java.util.ArrayList<String> identifiers = new java.util.ArrayList<>();
            for (var failure : failures) {
                var identifier = failure.get("itemIdentifier");
                if (identifier == null || !identifier.isTextual() || identifier.textValue().isEmpty()) {
                    return List.of(""); // malformed: the whole batch failed
                }
                identifiers.add(identifier.textValue());
            }
            return identifiers;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
