package io.kinesisworkbook.lib.dr;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.lib.Wait;
import io.kinesisworkbook.lib.data.Events;
import io.kinesisworkbook.lib.firehose.DeliveredObjects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every JSON line Firehose wrote under the DR bucket's {@code captured/}, with the object it is in,
 * and the records waiting under the error output: what the pipeline delivered, read straight from
 * S3 (Athena reads the same objects).
 *
 * @param lines  every captured line, in object order
 * @param errors the records under {@code capture-errors/}, one JSON document each
 */
public record CapturedLines(List<Line> lines, List<JsonNode> errors) {

    /** One captured line and the S3 object it is in. */
    public record Line(String objectKey, JsonNode json) {

        public String kind() {
            return json.path("kind").asText();
        }

        public String eventId() {
            return json.path("event_id").asText();
        }
    }

    public static CapturedLines read(S3Client s3, String drBucket) {
        List<Line> lines = new ArrayList<>();
        for (DeliveredObjects.DeliveredObject object : DeliveredObjects.under(s3, drBucket, DrResources.CAPTURED)) {
            object.lines().forEach(line -> lines.add(new Line(object.key(), Events.fromJson(line, JsonNode.class))));
        }
        List<JsonNode> errors = new ArrayList<>();
        for (DeliveredObjects.DeliveredObject object : DeliveredObjects.under(s3, drBucket, DrResources.ERRORS)) {
            object.lines().forEach(line -> errors.add(Events.fromJson(line, JsonNode.class)));
        }
        return new CapturedLines(List.copyOf(lines), List.copyOf(errors));
    }

    /**
     * Reads the DR bucket until it holds {@code objectEvents} distinct object events and
     * {@code logLines} distinct log lines (twice a second: each read lists and gets objects), and
     * returns that read; fails after {@code timeout}, saying what it waited for.
     */
    public static CapturedLines await(S3Client s3, String drBucket, int objectEvents, int logLines, Duration timeout) {
        AtomicReference<CapturedLines> last = new AtomicReference<>();
        Wait.until(objectEvents + " object events and " + logLines + " log lines in s3://" + drBucket + "/"
                + DrResources.CAPTURED, timeout, Duration.ofMillis(500), () -> {
            CapturedLines read = read(s3, drBucket);
            last.set(read);
            return read.distinct("object") == objectEvents && read.distinct("log") == logLines;
        });
        return last.get();
    }

    /** Lines of one kind ({@code object} or {@code log}), repeats included. */
    public long count(String kind) {
        return lines.stream().filter(line -> line.kind().equals(kind)).count();
    }

    /** Distinct events of one kind: what at-least-once delivery promises to be complete. */
    public int distinct(String kind) {
        Set<String> ids = new HashSet<>();
        lines.stream().filter(line -> line.kind().equals(kind)).forEach(line -> ids.add(line.eventId()));
        return ids.size();
    }
}
