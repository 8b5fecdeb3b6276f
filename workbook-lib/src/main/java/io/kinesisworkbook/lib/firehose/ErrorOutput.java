package io.kinesisworkbook.lib.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinesisworkbook.lib.backend.WorkbookException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The records Firehose could not deliver as they were, read back from under the error output
 * prefix: one JSON document a line ({@code attemptsMade}, {@code errorCode}, {@code errorMessage},
 * the record's {@code rawData} in base64, ...), so nothing is lost and someone can fix and replay
 * them.
 *
 * <pre>{@code
 * List<ErrorOutput.FailedRecord> failed = ErrorOutput.of(DeliveredObjects.under(aws.s3(), bucket, "errors/"));
 * failed.get(0).rawData();     // the line as the producer sent it
 * }</pre>
 */
public final class ErrorOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorOutput() {
    }

    /**
     * One failed record.
     *
     * @param errorCode    why, in Firehose's words: {@code Lambda.ProcessingFailedStatus} for a record the
     *                     transform marked ProcessingFailed, {@code Lambda.FunctionError} for a function that failed...
     * @param attemptsMade how many times Firehose tried
     * @param rawData      the record's data as it arrived, decoded from base64
     */
    public record FailedRecord(String errorCode, int attemptsMade, String rawData) {
    }

    /** Every failed record in {@code objects} (the objects under the error output prefix), in order. */
    public static List<FailedRecord> of(List<DeliveredObjects.DeliveredObject> objects) {
        List<FailedRecord> failed = new ArrayList<>();
        for (DeliveredObjects.DeliveredObject object : objects) {
            for (String line : object.lines()) {
                JsonNode document = document(line);
                String raw = new String(Base64.getDecoder().decode(document.path("rawData").asText()), StandardCharsets.UTF_8);
                failed.add(new FailedRecord(document.path("errorCode").asText(), document.path("attemptsMade").asInt(), raw));
            }
        }
        return failed;
    }

    /** One line of an error object, as a JSON document. */
    public static JsonNode document(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new WorkbookException("Not an error output document: " + line);
        }
    }
}
