package io.kinesisworkbook.lib.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.lib.backend.WorkbookException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The event Firehose sends a transform function, and the function's answer read back: to call a
 * transform by hand, as Firehose would, before wiring it to a delivery stream.
 *
 * <pre>{@code
 * String event = TransformEvent.of("2026-11-26T10:15:30Z INFO checkout-1 GET /api/cart 200 35ms");
 * var invocation = aws.lambdas().invoke("log-transform", event);
 * Show.table(Tables.fromRecords("answers", TransformEvent.answers(invocation.payload())));
 * }</pre>
 *
 * <p>The event is Firehose's: {@code {invocationId, records: [{recordId, approximateArrivalTimestamp,
 * data}]}} with each record's data in base64; the records get the ids "1", "2", ... in order. The
 * answer must name every recordId once, with a result ({@code Ok}, {@code Dropped},
 * {@code ProcessingFailed}) and, for {@code Ok}, the new data in base64.
 */
public final class TransformEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TransformEvent() {
    }

    /** A record as the function answered it, its data decoded from base64 (and stripped of its line end). */
    public record Answer(String recordId, String result, String data) {
    }

    /** Firehose's event for {@code lines}, one record each. */
    public static String of(String... lines) {
        ObjectNode event = JSON.createObjectNode().put("invocationId", "by-hand");
        ArrayNode records = event.putArray("records");
        long now = System.currentTimeMillis();
        for (int i = 0; i < lines.length; i++) {
            records.addObject().put("recordId", Integer.toString(i + 1)).put("approximateArrivalTimestamp", now)
                    .put("data", Base64.getEncoder().encodeToString(lines[i].getBytes(StandardCharsets.UTF_8)));
        }
        return event.toString();
    }

    /** The records of a transform's answer, in the order it gave them. */
    public static List<Answer> answers(String payload) {
        try {
            List<Answer> answers = new ArrayList<>();
            for (JsonNode record : JSON.readTree(payload).path("records")) {
                String data = record.hasNonNull("data")
                        ? new String(Base64.getDecoder().decode(record.get("data").asText()), StandardCharsets.UTF_8).strip()
                        : "";
                answers.add(new Answer(record.path("recordId").asText(), record.path("result").asText(), data));
            }
            return answers;
        } catch (IOException | IllegalArgumentException e) {
            throw new WorkbookException("The transform's answer is not Firehose's answer format: " + e.getMessage());
        }
    }
}
