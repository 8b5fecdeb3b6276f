package io.kinesisworkbook.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import io.kinesisworkbook.emulator.metrics.MetricsSink;
import java.util.ArrayList;
import java.util.List;

/** PutRecord and PutRecordBatch: records into a Direct PUT delivery stream's buffer. */
final class RecordOperations {

    /** AWS's limits: 1,000 KiB a record, 500 records and 4 MiB a batch. */
    static final int MAX_RECORD_BYTES = 1_024_000;
    static final int MAX_BATCH_RECORDS = 500;
    static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;

    private final DeliveryStreamOperations streams;
    private final EmulatorClock clock;
    private final FirehoseMetrics metrics;

    RecordOperations(DeliveryStreamOperations streams, EmulatorClock clock, FirehoseMetrics metrics) {
        this.streams = streams;
        this.clock = clock;
        this.metrics = metrics;
    }

    JsonNode putRecord(AwsRequest request) {
        long started = System.nanoTime();
        Members record = request.members().structure("Record");
        byte[] data = record == null ? null : record.blob("Data");
        new Validation().notNull(record, "record").notNull(data, "record.data")
                .length(data, "record.data", 0, MAX_RECORD_BYTES).throwIfAny();
        DeliveryStream stream = writable(request);
        long now = clock.millis();
        String recordId = stream.accept(data, now, null);
        metrics.incoming(stream.name(), "PutRecord", 1, data.length, MetricsSink.millisSince(started), now);
        return request.newObject().put("RecordId", recordId).put("Encrypted", false);
    }

    JsonNode putRecordBatch(AwsRequest request) {
        long started = System.nanoTime();
        List<Members> records = request.members().structureList("Records");
        new Validation().notNull(request.members().has("Records") ? records : null, "records")
                .size(records, "records", 1, MAX_BATCH_RECORDS).throwIfAny();
        List<byte[]> data = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < records.size(); i++) {
            byte[] bytes = records.get(i).blob("Data");
            new Validation().notNull(bytes, "records." + (i + 1) + ".member.data")
                    .length(bytes, "records." + (i + 1) + ".member.data", 0, MAX_RECORD_BYTES).throwIfAny();
            data.add(bytes);
            total += bytes.length;
        }
        if (total > MAX_BATCH_BYTES) {
            throw FirehoseErrors.invalidArgument("Records size exceeds 4 MB limit");
        }
        DeliveryStream stream = writable(request);
        ObjectNode result = request.newObject();
        result.put("FailedPutCount", 0).put("Encrypted", false);
        ArrayNode responses = result.putArray("RequestResponses");
        long now = clock.millis();
        for (byte[] bytes : data) {
            responses.addObject().put("RecordId", stream.accept(bytes, now, null));
        }
        metrics.incoming(stream.name(), "PutRecordBatch", data.size(), total, MetricsSink.millisSince(started), now);
        return result;
    }

    private DeliveryStream writable(AwsRequest request) {
        DeliveryStream stream = streams.require(request);
        if (stream.type().equals(DeliveryStream.KINESIS_SOURCE)) {
            throw FirehoseErrors.invalidArgument("This operation is not permitted on KinesisStreamAsSource type "
                    + "delivery stream.");
        }
        if (!stream.isActive()) {
            throw FirehoseErrors.notFound(stream.name(), accountOf(stream));
        }
        return stream;
    }

    private static String accountOf(DeliveryStream stream) {
        return stream.arn().split(":")[4];
    }
}
