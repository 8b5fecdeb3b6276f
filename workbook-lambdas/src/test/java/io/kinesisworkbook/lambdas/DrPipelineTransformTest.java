package io.kinesisworkbook.lambdas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The transform's logic on its own; the library's pipeline tests run the jar in the emulator's Firehose. */
class DrPipelineTransformTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CREATED = "{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\":\"Object Created\","
            + "\"source\":\"aws.s3\",\"account\":\"000000000000\",\"time\":\"2026-11-26T10:15:30Z\",\"region\":\"us-east-1\","
            + "\"resources\":[\"arn:aws:s3:::primary\"],\"detail\":{\"version\":\"0\",\"bucket\":{\"name\":\"primary\"},"
            + "\"object\":{\"key\":\"invoices/a.pdf\",\"size\":120,\"etag\":\"abc\",\"sequencer\":\"0000000000000001\"},"
            + "\"request-id\":\"R1\",\"requester\":\"000000000000\",\"source-ip-address\":\"127.0.0.1\",\"reason\":\"PutObject\"}}";

    private static final String DELETED = CREATED.replace("Object Created", "Object Deleted").replace("\"e-1\"", "\"e-2\"")
            .replace("\"size\":120,\"etag\":\"abc\",", "").replace("PutObject", "DeleteObject");

    @Test
    void objectEventsBecomeOneFlatJsonLineEach() throws Exception {
        List<Map<String, Object>> results = transform(record("1", CREATED), record("2", DELETED));

        assertThat(results).extracting(r -> r.get("result")).containsExactly("Ok", "Ok");
        JsonNode created = JSON.readTree(text(results.get(0)));
        assertThat(text(results.get(0))).endsWith("}\n");
        assertThat(created.get("kind").asText()).isEqualTo("object");
        assertThat(created.get("event_id").asText()).isEqualTo("e-1");
        assertThat(created.get("event_time").asText()).isEqualTo("2026-11-26 10:15:30.000");
        assertThat(created.get("captured_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(created.get("action").asText()).isEqualTo("created");
        assertThat(created.get("bucket").asText()).isEqualTo("primary");
        assertThat(created.get("object_key").asText()).isEqualTo("invoices/a.pdf");
        assertThat(created.get("size").asLong()).isEqualTo(120);
        assertThat(created.get("etag").asText()).isEqualTo("abc");
        assertThat(created.get("sequencer").asText()).isEqualTo("0000000000000001");
        assertThat(created.get("request_id").asText()).isEqualTo("R1");
        JsonNode deleted = JSON.readTree(text(results.get(1)));
        assertThat(deleted.get("action").asText()).isEqualTo("deleted");
        assertThat(deleted.has("etag")).isFalse();
    }

    @Test
    void aCompressedBatchOfLogLinesIsFilteredToOneJsonLinePerKeptLine() throws Exception {
        String batch = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"000000000000\",\"logGroup\":\"/app/checkout\","
                + "\"logStream\":\"checkout-1\",\"subscriptionFilters\":[\"dr\"],\"logEvents\":["
                + "{\"id\":\"1\",\"timestamp\":1764152130000,\"message\":\"{\\\"level\\\":\\\"INFO\\\",\\\"message\\\":\\\"GET / 200\\\"}\"},"
                + "{\"id\":\"2\",\"timestamp\":1764152131000,\"message\":\"{\\\"level\\\":\\\"ERROR\\\",\\\"host\\\":\\\"checkout-1\\\","
                + "\\\"service\\\":\\\"checkout\\\",\\\"message\\\":\\\"POST /api/checkout 503\\\",\\\"latency_ms\\\":812,\\\"status\\\":503}\"},"
                + "{\"id\":\"3\",\"timestamp\":1764152132000,\"message\":\"plain text, no level\"}]}";

        List<Map<String, Object>> results = transform(record("a", gzip(batch)));

        assertThat(results.get(0).get("result")).isEqualTo("Ok");
        List<String> lines = text(results.get(0)).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode error = JSON.readTree(lines.get(0));
        assertThat(error.get("kind").asText()).isEqualTo("log");
        assertThat(error.get("event_id").asText()).isEqualTo("2");
        assertThat(error.get("event_time").asText()).isEqualTo("2025-11-26 10:15:31.000");
        assertThat(error.get("log_stream").asText()).isEqualTo("checkout-1");
        assertThat(error.get("level").asText()).isEqualTo("ERROR");
        assertThat(error.get("status").asInt()).isEqualTo(503);
        assertThat(error.get("latency_ms").asLong()).isEqualTo(812);
        assertThat(JSON.readTree(lines.get(1)).get("message").asText()).isEqualTo("plain text, no level");
    }

    @Test
    void whatIsLeftOutIsDroppedAndWhatIsNotOursFails() throws Exception {
        String infoOnly = "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"id\":\"1\",\"timestamp\":1,"
                + "\"message\":\"{\\\"level\\\":\\\"INFO\\\"}\"}]}";
        List<Map<String, Object>> results = transform(record("info", gzip(infoOnly)),
                record("control", gzip("{\"messageType\":\"CONTROL_MESSAGE\",\"logEvents\":[]}")),
                record("restore", CREATED.replace("Object Created", "Object Restore Completed").getBytes(StandardCharsets.UTF_8)),
                record("text", "not json".getBytes(StandardCharsets.UTF_8)),
                record("other", "{\"source\":\"shop\",\"detail\":{}}".getBytes(StandardCharsets.UTF_8)),
                record("broken", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}));

        assertThat(results).extracting(r -> r.get("recordId"))
                .containsExactly("info", "control", "restore", "text", "other", "broken");
        assertThat(results).extracting(r -> r.get("result"))
                .containsExactly("Dropped", "Dropped", "Dropped", "ProcessingFailed", "ProcessingFailed", "ProcessingFailed");
        assertThat(text(results.get(3))).isEqualTo("not json");
    }

    @Test
    void theLevelFilterKeepsWhatItDoesNotKnow() {
        assertThat(DrPipelineTransform.atLeast("WARN", "WARN")).isTrue();
        assertThat(DrPipelineTransform.atLeast("error", "WARN")).isTrue();
        assertThat(DrPipelineTransform.atLeast("INFO", "WARN")).isFalse();
        assertThat(DrPipelineTransform.atLeast("INFO", "INFO")).isTrue();
        assertThat(DrPipelineTransform.atLeast(null, "WARN")).isTrue();
        assertThat(DrPipelineTransform.atLeast("NOTICE", "WARN")).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> transform(Map<String, Object>... records) {
        return (List<Map<String, Object>>) new DrPipelineTransform().handleRequest(Map.of("records", List.of(records)), null)
                .get("records");
    }

    private static Map<String, Object> record(String id, String json) {
        return record(id, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> record(String id, byte[] data) {
        return Map.of("recordId", id, "data", Base64.getEncoder().encodeToString(data));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String text(Map<String, Object> result) {
        return new String(Base64.getDecoder().decode((String) result.get("data")), StandardCharsets.UTF_8);
    }
}
