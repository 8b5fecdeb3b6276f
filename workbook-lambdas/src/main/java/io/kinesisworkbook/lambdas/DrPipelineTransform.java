package io.kinesisworkbook.lambdas;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The Firehose transform of the disaster-recovery pipeline (notebook 10). One data stream carries
 * two kinds of record, and this function turns both into JSON lines for Athena:
 * <ul>
 *   <li><b>Batches of application log lines, GZIP-compressed</b>, as CloudWatch Logs subscriptions
 *       send them (and as the workbook's log shipper does): {@code {"messageType": "DATA_MESSAGE",
 *       "logGroup", "logStream", "logEvents": [{"id", "timestamp", "message"}]}}. The function
 *       decompresses the batch and <em>filters</em> it: lines below {@code MIN_LEVEL} (default
 *       {@code WARN}) are left out, the rest become one JSON line each. A batch with nothing left,
 *       and CloudWatch's {@code CONTROL_MESSAGE}s, are {@code Dropped}.</li>
 *   <li><b>S3 object events from EventBridge</b> ({@code source: aws.s3}, {@code Object Created} or
 *       {@code Object Deleted}): reformatted as one flat JSON line each, the record a restore needs
 *       (bucket, object key, ETag, size, sequencer). Other S3 events are {@code Dropped}.</li>
 * </ul>
 * Anything else (not JSON, another source, a broken GZIP) is {@code ProcessingFailed}: Firehose
 * writes it under the error output prefix with its raw data, for someone to look at and re-drive.
 *
 * <p>The output is not compressed: Firehose compresses the objects it writes (GZIP). Every line has
 * {@code kind} ({@code object} or {@code log}), {@code event_id}, {@code event_time} and
 * {@code captured_at}, times written as Athena's JSON SerDe reads a {@code timestamp}
 * ({@code 2026-11-26 10:15:30.000}, UTC).
 *
 * <p>For the notebook's drill, {@code SIMULATED_OUTAGE=true} in the function's environment makes
 * every invocation fail, as a bad deployment would, until the variable is removed.
 */
public final class DrPipelineTransform implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static final DateTimeFormatter ATHENA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if ("true".equalsIgnoreCase(FunctionSettings.get("SIMULATED_OUTAGE"))) {
            throw new IllegalStateException("simulated outage: SIMULATED_OUTAGE=true in the function's environment");
        }
        String minLevel = FunctionSettings.getOrDefault("MIN_LEVEL", "WARN");
        String capturedAt = ATHENA_TIME.format(Instant.now());
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("Ok", 0, "Dropped", 0, "ProcessingFailed", 0));
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> record : (List<Map<String, Object>>) event.get("records")) {
            Map<String, Object> result = transform(record, minLevel, capturedAt);
            counts.merge((String) result.get("result"), 1, Integer::sum);
            results.add(result);
        }
        if (context != null) {
            context.getLogger().log("transformed " + results.size() + " records: " + counts);
        }
        return Map.of("records", results);
    }

    /** One record's answer: its recordId, a result, and data (base64). */
    static Map<String, Object> transform(Map<String, Object> record, String minLevel, String capturedAt) {
        String data = (String) record.get("data");
        byte[] raw = Base64.getDecoder().decode(data);
        List<String> lines;
        try {
            lines = isGzip(raw) ? logLines(JSON.readTree(gunzip(raw)), minLevel, capturedAt)
                    : objectEvent(JSON.readTree(raw), capturedAt);
        } catch (IOException | RuntimeException notOurs) {
            lines = null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("recordId", record.get("recordId"));
        if (lines == null) {
            result.put("result", "ProcessingFailed");
            result.put("data", data);   // Firehose keeps the original for the error output
        } else if (lines.isEmpty()) {
            result.put("result", "Dropped");
            result.put("data", data);
        } else {
            result.put("result", "Ok");
            String text = String.join("", lines);
            result.put("data", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        }
        return result;
    }

    /** A CloudWatch Logs subscription message's lines at or above {@code minLevel}; null if it is not one. */
    static List<String> logLines(JsonNode message, String minLevel, String capturedAt) {
        String type = message.path("messageType").asText();
        if (type.equals("CONTROL_MESSAGE")) {
            return List.of();
        }
        if (!type.equals("DATA_MESSAGE") || !message.path("logEvents").isArray()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode logEvent : message.get("logEvents")) {
            ObjectNode line = logLine(message, logEvent, capturedAt);
            if (atLeast(line.path("level").asText(null), minLevel)) {
                lines.add(line + "\n");
            }
        }
        return lines;
    }

    /** An EventBridge S3 event as one JSON line; an empty list for S3 events a restore does not need; null if not one. */
    static List<String> objectEvent(JsonNode event, String capturedAt) {
        if (!event.path("source").asText().equals("aws.s3") || !event.path("detail").isObject()) {
            return null;
        }
        String detailType = event.path("detail-type").asText();
        if (!detailType.equals("Object Created") && !detailType.equals("Object Deleted")) {
            return List.of();
        }
        JsonNode detail = event.get("detail");
        JsonNode object = detail.path("object");
        ObjectNode line = JSON.createObjectNode()
                .put("kind", "object")
                .put("event_id", event.path("id").asText())
                .put("event_time", ATHENA_TIME.format(Instant.parse(event.path("time").asText())))
                .put("captured_at", capturedAt)
                .put("action", detailType.equals("Object Created") ? "created" : "deleted")
                .put("bucket", detail.path("bucket").path("name").asText())
                .put("object_key", object.path("key").asText())
                .put("sequencer", object.path("sequencer").asText())
                .put("reason", detail.path("reason").asText())
                .put("request_id", detail.path("request-id").asText());
        if (object.has("size")) {
            line.put("size", object.get("size").asLong());
        }
        if (object.has("etag")) {
            line.put("etag", object.get("etag").asText());
        }
        if (object.has("version-id")) {
            line.put("version_id", object.get("version-id").asText());
        }
        return List.of(line + "\n");
    }

    /**
     * One log event as a JSON line. Structured logs (a message that is a JSON object, as the
     * workbook's applications write them) give their fields; any other message is kept as text.
     */
    private static ObjectNode logLine(JsonNode message, JsonNode logEvent, String capturedAt) {
        ObjectNode line = JSON.createObjectNode()
                .put("kind", "log")
                .put("event_id", logEvent.path("id").asText())
                .put("event_time", ATHENA_TIME.format(Instant.ofEpochMilli(logEvent.path("timestamp").asLong())))
                .put("captured_at", capturedAt)
                .put("log_group", message.path("logGroup").asText())
                .put("log_stream", message.path("logStream").asText());
        String text = logEvent.path("message").asText();
        JsonNode fields = structured(text);
        if (fields == null) {
            line.put("message", text);
        } else {
            for (String field : List.of("level", "host", "service", "message")) {
                if (fields.hasNonNull(field)) {
                    line.put(field, fields.get(field).asText());
                }
            }
            for (String field : List.of("latency_ms", "status")) {
                if (fields.path(field).canConvertToLong()) {
                    line.put(field, fields.get(field).asLong());
                }
            }
        }
        return line;
    }

    private static JsonNode structured(String text) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode fields = JSON.readTree(text);
            return fields.isObject() ? fields : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Whether a line's level passes the filter; a line without a known level is kept, to be safe. */
    static boolean atLeast(String level, String minLevel) {
        int rank = level == null ? -1 : LEVELS.indexOf(level.toUpperCase(Locale.ROOT));
        return rank < 0 || rank >= LEVELS.indexOf(minLevel.toUpperCase(Locale.ROOT));
    }

    static boolean isGzip(byte[] data) {
        return data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
