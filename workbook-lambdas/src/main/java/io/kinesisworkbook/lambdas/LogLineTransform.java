package io.kinesisworkbook.lambdas;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Firehose transform: application log lines in, JSON lines out.
 *
 * <p>Firehose hands the function a batch of records ({@code records[].recordId}, base64 {@code data})
 * and expects every recordId back with a result:
 * <ul>
 *   <li>{@code Ok} with the new data: a line such as {@code 2026-11-26T10:15:30Z INFO checkout-1 GET /api/cart 200 35ms}
 *       becomes {@code {"timestamp":"...","level":"INFO","host":"checkout-1","message":"GET /api/cart 200 35ms"}}
 *       and a newline, because Firehose concatenates records with no separator;</li>
 *   <li>{@code Dropped} for DEBUG lines, which nobody queries later;</li>
 *   <li>{@code ProcessingFailed} for a line that is not a log line, which Firehose writes under the
 *       error output prefix with its raw data, for someone to look at.</li>
 * </ul>
 *
 * <p>The event and the answer are plain maps, so the jar needs nothing but Jackson and runs the same
 * on AWS, LocalStack, Floci and the embedded emulator.
 */
public final class LogLineTransform implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** {@code <timestamp> <LEVEL> <host> <message>}. */
    static final Pattern LOG_LINE = Pattern.compile("^(\\S+) (DEBUG|INFO|WARN|ERROR) (\\S+) (.+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        List<Map<String, Object>> results = new ArrayList<>();
        int ok = 0;
        int dropped = 0;
        int failed = 0;
        for (Map<String, Object> record : (List<Map<String, Object>>) event.get("records")) {
            Map<String, Object> result = transform(record);
            results.add(result);
            switch ((String) result.get("result")) {
                case "Ok" -> ok++;
                case "Dropped" -> dropped++;
                default -> failed++;
            }
        }
        if (context != null) {
            context.getLogger().log("transformed " + results.size() + " records: " + ok + " Ok, " + dropped
                    + " Dropped, " + failed + " ProcessingFailed");
        }
        return Map.of("records", results);
    }

    /** One record's result: its recordId, Ok/Dropped/ProcessingFailed, and its data. */
    static Map<String, Object> transform(Map<String, Object> record) {
        String recordId = (String) record.get("recordId");
        String data = (String) record.get("data");
        String line = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8).strip();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("recordId", recordId);
        Matcher parsed = LOG_LINE.matcher(line);
        if (!parsed.matches()) {
            result.put("result", "ProcessingFailed");
            result.put("data", data);   // Firehose keeps the original for the error output
        } else if (parsed.group(2).equals("DEBUG")) {
            result.put("result", "Dropped");
            result.put("data", data);
        } else {
            result.put("result", "Ok");
            result.put("data", Base64.getEncoder().encodeToString(toJsonLine(parsed)));
        }
        return result;
    }

    private static byte[] toJsonLine(Matcher parsed) {
        ObjectNode json = JSON.createObjectNode()
                .put("timestamp", parsed.group(1))
                .put("level", parsed.group(2))
                .put("host", parsed.group(3))
                .put("message", parsed.group(4));
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
