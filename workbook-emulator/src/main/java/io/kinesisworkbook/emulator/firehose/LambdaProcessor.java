package io.kinesisworkbook.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import io.kinesisworkbook.emulator.metrics.MetricsSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a destination's transform Lambda over a batch, with AWS's contract: the function gets
 * {@code {invocationId, deliveryStreamArn, region, records: [{recordId, approximateArrivalTimestamp,
 * data, kinesisRecordMetadata?}]}} and must answer every recordId once, with a result of
 * {@code Ok}, {@code Dropped} or {@code ProcessingFailed} and, for Ok, the new data in base64.
 *
 * <p>An invocation that fails is tried again {@code NumberOfRetries} times; a batch that still
 * fails, and every record marked ProcessingFailed, goes to the error output.
 */
final class LambdaProcessor {

    /** Lambda takes at most 6 MB of event; base64 makes records a third bigger. */
    static final long MAX_EVENT_BYTES = 6L * 1024 * 1024;

    /** A record after the transform. */
    record Transformed(BufferedRecord source, byte[] data) {
    }

    /** A record that failed, with what the error output says about it. */
    record Failed(BufferedRecord source, String errorCode, String errorMessage, int attempts, long endedMillis,
                  String lambdaArn) {
    }

    /** What became of a batch: records to deliver, and records for the error output (dropped ones are neither). */
    record Outcome(List<Transformed> delivered, List<Failed> failed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionInvoker functions;
    private final EmulatorClock clock;
    private final FirehoseMetrics metrics;

    LambdaProcessor(FunctionInvoker functions, EmulatorClock clock, FirehoseMetrics metrics) {
        this.functions = functions;
        this.clock = clock;
        this.metrics = metrics;
    }

    Outcome process(DeliveryStream stream, String region, List<BufferedRecord> batch) {
        S3Destination.LambdaTransform transform = stream.destination().transform();
        List<Transformed> delivered = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        if (transform == null) {
            batch.forEach(record -> delivered.add(new Transformed(record, record.data())));
            return new Outcome(delivered, failed);
        }
        for (List<BufferedRecord> chunk : chunks(batch, Math.min(transform.bufferBytes(), MAX_EVENT_BYTES * 3 / 4))) {
            Outcome outcome = invoke(stream, region, transform, chunk);
            delivered.addAll(outcome.delivered());
            failed.addAll(outcome.failed());
        }
        return new Outcome(delivered, failed);
    }

    /** Splits a batch into invocations of at most {@code maxBytes} of record data. */
    private static List<List<BufferedRecord>> chunks(List<BufferedRecord> batch, long maxBytes) {
        List<List<BufferedRecord>> chunks = new ArrayList<>();
        List<BufferedRecord> current = new ArrayList<>();
        long bytes = 0;
        for (BufferedRecord record : batch) {
            if (!current.isEmpty() && bytes + record.data().length > maxBytes) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(record);
            bytes += record.data().length;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private Outcome invoke(DeliveryStream stream, String region, S3Destination.LambdaTransform transform,
                           List<BufferedRecord> chunk) {
        byte[] event = event(stream, region, chunk);
        int attempts = 0;
        String errorCode;
        String errorMessage;
        do {
            if (attempts > 0) {
                pause(attempts);
            }
            attempts++;
            long started = System.nanoTime();
            try {
                FunctionInvoker.Invocation answer = functions.invoke(region, transform.lambdaArn(), event);
                metrics.processing(stream.name(), MetricsSink.millisSince(started),
                        !answer.failed(), clock.millis());
                if (!answer.failed()) {
                    return outcome(chunk, answer.payload(), attempts, transform.lambdaArn());
                }
                errorCode = "Lambda.FunctionError";
                errorMessage = "The Lambda function was successfully invoked but it returned an error result.";
            } catch (FunctionInvoker.FunctionNotFoundException e) {
                metrics.processing(stream.name(), 0, false, clock.millis());
                errorCode = "Lambda.FunctionNotFound";
                errorMessage = "The Lambda function " + transform.lambdaArn() + " does not exist.";
            }
        } while (attempts <= transform.retries());
        return allFailed(chunk, errorCode, errorMessage, attempts, transform.lambdaArn());
    }

    /** A short, growing pause before a retry, as AWS backs off: a function being updated gets time to be ready. */
    private static void pause(int attemptsSoFar) {
        try {
            Thread.sleep(Math.min(2_000, 250L * attemptsSoFar));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] event(DeliveryStream stream, String region, List<BufferedRecord> chunk) {
        ObjectNode event = JSON.createObjectNode();
        event.put("invocationId", UUID.randomUUID().toString());
        event.put("deliveryStreamArn", stream.arn());
        if (stream.sourceStreamArn() != null) {
            event.put("sourceKinesisStreamArn", stream.sourceStreamArn());
        }
        event.put("region", region);
        ArrayNode records = event.putArray("records");
        for (BufferedRecord record : chunk) {
            ObjectNode entry = records.addObject();
            entry.put("recordId", record.recordId());
            entry.put("approximateArrivalTimestamp", record.arrivalMillis());
            entry.put("data", Base64.getEncoder().encodeToString(record.data()));
            if (record.kinesis() != null) {
                entry.putObject("kinesisRecordMetadata")
                        .put("shardId", record.kinesis().shardId())
                        .put("partitionKey", record.kinesis().partitionKey())
                        .put("approximateArrivalTimestamp", record.kinesis().arrivalMillis())
                        .put("sequenceNumber", record.kinesis().sequenceNumber())
                        .put("subsequenceNumber", 0);
            }
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a Firehose event", e);
        }
    }

    /** Reads the function's answer, holding it to the contract; a broken answer fails the whole chunk. */
    private Outcome outcome(List<BufferedRecord> chunk, byte[] payload, int attempts, String lambdaArn) {
        JsonNode answer;
        try {
            answer = JSON.readTree(payload);
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.path("records").isArray()) {
            return allFailed(chunk, "Lambda.JsonProcessingException",
                    "The Lambda function's response is not JSON with a records array.", attempts, lambdaArn);
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode record : answer.get("records")) {
            String id = record.path("recordId").asText(null);
            if (id != null && byId.put(id, record) != null) {
                return allFailed(chunk, "Lambda.DuplicatedRecordId", "Record ID " + id
                        + " was returned more than once. Ensure that the Lambda function returns each received record ID once.",
                        attempts, lambdaArn);
            }
        }
        List<Transformed> delivered = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        long now = clock.millis();
        for (BufferedRecord record : chunk) {
            JsonNode result = byId.get(record.recordId());
            if (result == null) {
                return allFailed(chunk, "Lambda.MissingRecordId", "One or more record Ids were not returned. Ensure "
                        + "that the Lambda function returns all received record Ids.", attempts, lambdaArn);
            }
            switch (result.path("result").asText("")) {
                case "Ok" -> {
                    byte[] data = decode(result.path("data"));
                    if (data == null) {
                        failed.add(new Failed(record, "Lambda.InvalidBase64Data", "The data of record " + record.recordId()
                                + " is missing or not base64.", attempts, now, lambdaArn));
                    } else {
                        delivered.add(new Transformed(record, data));
                    }
                }
                case "Dropped" -> {
                    // dropped on purpose: delivered nowhere, and not an error
                }
                case "ProcessingFailed" -> failed.add(new Failed(record, "Lambda.ProcessingFailedStatus",
                        "ProcessingFailed status set for record", attempts, now, lambdaArn));
                default -> failed.add(new Failed(record, "Lambda.InvalidRecordResult", "The result of record "
                        + record.recordId() + " must be Ok, Dropped or ProcessingFailed.", attempts, now, lambdaArn));
            }
        }
        return new Outcome(delivered, failed);
    }

    private static byte[] decode(JsonNode data) {
        if (!data.isTextual()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(data.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Outcome allFailed(List<BufferedRecord> chunk, String errorCode, String errorMessage, int attempts,
                              String lambdaArn) {
        long now = clock.millis();
        List<Failed> failed = new ArrayList<>();
        chunk.forEach(record -> failed.add(new Failed(record, errorCode, errorMessage, attempts, now, lambdaArn)));
        return new Outcome(List.of(), failed);
    }
}
