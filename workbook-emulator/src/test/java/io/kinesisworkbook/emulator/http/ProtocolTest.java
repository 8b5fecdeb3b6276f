package io.kinesisworkbook.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The wire itself, below any SDK: what a client that sends something odd gets back. Every answer
 * is an AWS-shaped error with a 400 status, never a 500, a stack trace or a hang.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolTest {

    static final String JSON = "application/x-amz-json-1.1";
    static final String CBOR = "application/x-amz-cbor-1.1";

    Emulator emulator;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build(); // a hang guard, not a speed limit

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Test
    void anUnknownOperationIsUnknownOperationException() throws Exception {
        HttpResponse<byte[]> response = post("Kinesis_20131202.FlyToTheMoon", JSON, "{}".getBytes());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
    }

    @Test
    void anUnknownServiceOrNoTargetIsUnknownOperationException() throws Exception {
        assertThat(json(post("Nope_2020.Op", JSON, "{}".getBytes())).get("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(json(post(null, JSON, "{}".getBytes())).get("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void aMalformedJsonBodyIsSerializationException() throws Exception {
        HttpResponse<byte[]> response = post("Kinesis_20131202.ListStreams", JSON, "{not json".getBytes());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void aMalformedCborBodyIsSerializationExceptionInCbor() throws Exception {
        HttpResponse<byte[]> response = post("Kinesis_20131202.ListStreams", CBOR, new byte[] {(byte) 0xff, 0x01, 0x02});
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValue(CBOR);
        assertThat(new CBORMapper().readTree(response.body()).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void aMemberOfTheWrongTypeIsSerializationException() throws Exception {
        HttpResponse<byte[]> response = post("Kinesis_20131202.CreateStream", JSON,
                "{\"StreamName\":\"s\",\"ShardCount\":\"two\"}".getBytes());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void aMissingRequiredMemberIsValidationException() throws Exception {
        HttpResponse<byte[]> response = post("Kinesis_20131202.PutRecord", JSON,
                "{\"StreamName\":\"s\",\"PartitionKey\":\"k\"}".getBytes());
        JsonNode error = json(response);
        assertThat(error.get("__type").asText()).isEqualTo("ValidationException");
        assertThat(error.get("message").asText()).isEqualTo("1 validation error detected: Value null at 'data' "
                + "failed to satisfy constraint: Member must not be null");
    }

    @Test
    void invalidBase64DataIsSerializationException() throws Exception {
        post("Kinesis_20131202.CreateStream", JSON, "{\"StreamName\":\"b64\",\"ShardCount\":1}".getBytes());
        HttpResponse<byte[]> response = post("Kinesis_20131202.PutRecord", JSON,
                "{\"StreamName\":\"b64\",\"PartitionKey\":\"k\",\"Data\":\"***\"}".getBytes());
        assertThat(json(response).get("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void cborTimestampsAreIntegerMillisecondsAndJsonOnesAreDecimalSeconds() throws Exception {
        post("Kinesis_20131202.CreateStream", JSON, "{\"StreamName\":\"times\",\"ShardCount\":1}".getBytes());
        CBORMapper cbor = new CBORMapper();
        JsonNode fromCbor = cbor.readTree(post("Kinesis_20131202.DescribeStreamSummary", CBOR,
                cbor.writeValueAsBytes(Map.of("StreamName", "times"))).body());
        JsonNode created = fromCbor.get("StreamDescriptionSummary").get("StreamCreationTimestamp");
        assertThat(created.isIntegralNumber()).isTrue();
        JsonNode fromJson = json(post("Kinesis_20131202.DescribeStreamSummary", JSON, "{\"StreamName\":\"times\"}".getBytes()));
        JsonNode seconds = fromJson.get("StreamDescriptionSummary").get("StreamCreationTimestamp");
        assertThat(seconds.decimalValue().movePointRight(3).longValue()).isEqualTo(created.longValue());
    }

    @Test
    void theHealthEndpointNamesTheEmulatorAndListsServices() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/_workbook/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"emulator\":\"kinesis-workbook\",")
                .contains("\"kinesis\":\"running\"").contains("\"events\":\"running\"");
    }

    @Test
    void itListensOnLoopbackOnlyByDefault() {
        assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    private HttpResponse<byte[]> post(String target, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }
}
