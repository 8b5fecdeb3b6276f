package io.kinesisworkbook.exercises;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Exercise 08 (notebook 08-firehose): a Firehose transform from CSV clicks to JSON lines. */
public final class E08ClickTransform {

    private static final ObjectMapper JSON = new ObjectMapper();

    private E08ClickTransform() {
    }

    /** One record: Ok with a JSON line, Dropped for health probes, ProcessingFailed for a malformed line. */
    public static Map<String, Object> transform(Map<String, Object> record) {
        String data = (String) record.get("data");
        String line = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8).strip();
        String[] fields = line.split(",", -1);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("recordId", record.get("recordId"));
        if (fields.length != 3 || fields[0].isBlank() || fields[1].isBlank() || fields[2].isBlank()) {
            result.put("result", "ProcessingFailed");
            result.put("data", data);
        } else if (fields[2].startsWith("/health")) {
            result.put("result", "Dropped");
            result.put("data", data);
        } else {
            String json = JSON.createObjectNode().put("timestamp", fields[0]).put("user", fields[1])
                    .put("page", fields[2]) + "\n";
            result.put("result", "Ok");
            result.put("data", Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        }
        return result;
    }

    /** The whole Lambda: one result per record, in order. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> handle(Map<String, Object> event) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map<String, Object> record : (List<Map<String, Object>>) event.get("records")) {
            results.add(transform(record));
        }
        return Map.of("records", results);
    }
}
