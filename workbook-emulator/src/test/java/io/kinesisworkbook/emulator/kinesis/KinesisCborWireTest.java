package io.kinesisworkbook.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.PythonScript;
import io.kinesisworkbook.emulator.PythonScriptTest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kinesis's CBOR answers byte by byte, read by a generic CBOR decoder (cbor2) rather than an AWS SDK,
 * which reads past what a generic decoder trips over: timestamps must be tag 1 around integer epoch
 * milliseconds, blobs byte strings, errors {@code __type} and {@code message}.
 */
class KinesisCborWireTest extends PythonScriptTest {

    final long started = System.currentTimeMillis();

    @Override
    protected PythonScript script() {
        return PythonScript.named("kinesis_cbor_wire.py").requires("cbor2");
    }

    @Test
    void everyTimestampIsTagOneAroundIntegerEpochMillis() {
        List<JsonNode> timestamps = new ArrayList<>();
        timestamps.add(seen.at("/summary/body/StreamDescriptionSummary/StreamCreationTimestamp"));
        timestamps.add(seen.at("/list/body/StreamSummaries/0/StreamCreationTimestamp"));
        timestamps.add(seen.at("/records/body/Records/0/ApproximateArrivalTimestamp"));
        timestamps.add(seen.at("/consumer/body/Consumer/ConsumerCreationTimestamp"));
        timestamps.add(seen.at("/consumers/body/Consumers/0/ConsumerCreationTimestamp"));
        timestamps.add(seen.at("/subscription/1/payload/Records/0/ApproximateArrivalTimestamp"));
        for (JsonNode timestamp : timestamps) {
            assertThat(timestamp.get("tag").asInt()).as(timestamp.toString()).isEqualTo(1);
            assertThat(timestamp.get("valueType").asText()).as(timestamp.toString()).isEqualTo("int");
            assertThat(timestamp.get("value").asLong()).as("epoch millis, not seconds")
                    .isBetween(started - 60_000, System.currentTimeMillis());
        }
    }

    @Test
    void aTimestampSentAsTheJavaSdksSendItIsRead() {
        assertThat(seen.at("/atTimestamp/status").asInt()).isEqualTo(200);
        assertThat(seen.at("/atTimestamp/body/Records")).hasSize(1);
    }

    @Test
    void blobsAreByteStrings() {
        JsonNode data = seen.at("/records/body/Records/0/Data");
        assertThat(Base64.getDecoder().decode(data.get("bytes").asText())).containsExactly(0, 0xff, 'r', 'a', 'w');
        assertThat(seen.at("/records/contentType").asText()).isEqualTo("application/x-amz-cbor-1.1");
    }

    @Test
    void subscribeToShardSendsCborEventsWithTheSameShapes() {
        JsonNode events = seen.get("subscription");
        assertThat(events.at("/0/headers/:event-type").asText()).isEqualTo("initial-response");
        assertThat(events.at("/1/headers/:content-type").asText()).isEqualTo("application/x-amz-cbor-1.1");
        assertThat(events.at("/1/payload/Records/0/Data/bytes").asText()).isNotEmpty();
        assertThat(events.at("/1/payload/ContinuationSequenceNumber").asText()).isNotEmpty();
    }

    @Test
    void errorsAreTypeAndLowercaseMessageAsKinesisSendsThem() {
        JsonNode missing = seen.get("missing");
        assertThat(missing.get("status").asInt()).isEqualTo(400);
        assertThat(missing.get("errorType").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(memberNames(missing.get("body"))).containsExactlyInAnyOrder("__type", "message");
        assertThat(missing.at("/body/message").asText()).isEqualTo("Stream no-such-stream under account 000000000000 not found.");
        assertThat(seen.at("/invalid/body/__type").asText()).isEqualTo("ValidationException");
        assertThat(seen.at("/invalid/body/message").asText()).startsWith("2 validation errors detected");
    }

}
