package io.kinesisworkbook.lib.dr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each change to the primary bucket took to reach the DR bucket: from the moment the
 * application called S3 to the moment the object holding its captured line appeared (when Athena
 * could first see it). A change is found by S3's request id, which its event carries.
 */
public final class EndToEnd {

    private EndToEnd() {
    }

    /**
     * @param writes    the application's calls
     * @param captured  what Firehose delivered
     * @param firstSeen when each delivered object appeared (a {@link DeliveryWatch})
     * @return each change's delay, for the changes whose line and object were found, in the order of the calls
     */
    public static List<Duration> delays(List<PrimaryWriter.Write> writes, CapturedLines captured,
                                        Map<String, Instant> firstSeen) {
        Map<String, Instant> deliveredByRequest = new HashMap<>();
        for (CapturedLines.Line line : captured.lines()) {
            Instant seen = firstSeen.get(line.objectKey());
            if (line.kind().equals("object") && seen != null) {
                deliveredByRequest.merge(line.json().path("request_id").asText(), seen,
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<Duration> delays = new ArrayList<>();
        for (PrimaryWriter.Write write : writes) {
            Instant delivered = deliveredByRequest.get(write.requestId());
            if (delivered != null) {
                delays.add(Duration.between(write.started(), delivered));
            }
        }
        return delays;
    }

    /** Delays in seconds, for a histogram. */
    public static List<Double> seconds(List<Duration> delays) {
        return delays.stream().map(d -> d.toMillis() / 1000.0).toList();
    }
}
