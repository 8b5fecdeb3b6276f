package io.kinesisworkbook.lambdas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The transform's logic on its own; the emulator's Lambda and Firehose run the jar in FirehoseNotebook's tests. */
class LogLineTransformTest {

    @Test
    @SuppressWarnings("unchecked")
    void logLinesBecomeJsonDebugIsDroppedAndTheRestFails() {
        Map<String, Object> event = Map.of("records", List.of(
                record("1", "2026-11-26T10:15:30Z INFO checkout-1 GET /api/cart 200 35ms"),
                record("2", "2026-11-26T10:15:31Z DEBUG checkout-1 cache hit"),
                record("3", "garbage")));

        List<Map<String, Object>> results = (List<Map<String, Object>>) new LogLineTransform()
                .handleRequest(event, null).get("records");

        assertThat(results).extracting(r -> r.get("recordId")).containsExactly("1", "2", "3");
        assertThat(results).extracting(r -> r.get("result")).containsExactly("Ok", "Dropped", "ProcessingFailed");
        assertThat(text(results.get(0))).isEqualTo("{\"timestamp\":\"2026-11-26T10:15:30Z\",\"level\":\"INFO\","
                + "\"host\":\"checkout-1\",\"message\":\"GET /api/cart 200 35ms\"}\n");
        assertThat(text(results.get(2))).isEqualTo("garbage");
    }

    private static Map<String, Object> record(String id, String line) {
        return Map.of("recordId", id, "data", Base64.getEncoder().encodeToString(line.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Map<String, Object> result) {
        return new String(Base64.getDecoder().decode((String) result.get("data")), StandardCharsets.UTF_8);
    }
}
