package io.kinesisworkbook.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CloudWatch's three wire protocols by hand, as a client other than the SDK sends them: AWS JSON
 * 1.0 (what newer botocore sends), the query protocol with a gzip body, Smithy RPC v2 CBOR read by
 * a plain CBOR decoder (timestamps under tag 1), and malformed bodies in each, which get a 4xx in
 * that protocol's shape, never a 5xx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudWatchWireTest {

    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=workbook/20260105/us-east-1/monitoring/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();

    private Emulator emulator;
    // Timeouts guard against a hang, not a slow machine: beside busy loops a connect to loopback once took
    // more than 5 s (the client's first request starts its selector thread and loads its classes).
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> json(String operation, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                .header("X-Amz-Target", "GraniteServiceVersion20100801." + operation)
                .header("Content-Type", "application/x-amz-json-1.0").header("Authorization", SIGNED)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<byte[]> rpcV2(String operation, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/service/GraniteServiceVersion20100801/operation/"
                        + operation)).header("smithy-protocol", "rpc-v2-cbor").header("Content-Type", "application/cbor")
                .header("Accept", "application/cbor").header("Authorization", SIGNED)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<byte[]> form(String form, boolean gzip) throws IOException, InterruptedException {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").header("Authorization", SIGNED);
        if (gzip) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                out.write(body);
            }
            body = zipped.toByteArray();
            request.header("Content-Encoding", "gzip");
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void json10CarriesMetricsAndQueryCompatibleErrors() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        HttpResponse<byte[]> put = json("PutMetricData", "{\"Namespace\":\"Wire/Json\",\"MetricData\":[{\"MetricName\":\"Hits\","
                + "\"Value\":4,\"Timestamp\":" + now + ",\"StorageResolution\":1}]}");
        assertThat(put.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> data = json("GetMetricData", "{\"StartTime\":" + (now - 60) + ",\"EndTime\":" + (now + 60)
                + ",\"MetricDataQueries\":[{\"Id\":\"m\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"Wire/Json\","
                + "\"MetricName\":\"Hits\"},\"Period\":1,\"Stat\":\"Sum\"}}]}");
        assertThat(data.statusCode()).isEqualTo(200);
        JsonNode result = JSON.readTree(data.body()).path("MetricDataResults").get(0);
        assertThat(result.path("Values").get(0).asDouble()).isEqualTo(4.0);
        assertThat(result.path("Timestamps").get(0).asLong()).isEqualTo(now);

        HttpResponse<byte[]> bad = json("PutMetricData", "{\"Namespace\":\"Wire/Json\",\"MetricData\":[{\"Value\":1}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("x-amzn-query-error")).hasValue("MissingParameter;Sender");
        assertThat(JSON.readTree(bad.body()).path("__type").asText()).isEqualTo("MissingRequiredParameterException");

        HttpResponse<byte[]> malformed = json("ListMetrics", "{\"Namespace\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).path("__type").asText()).isEqualTo("SerializationException");
        HttpResponse<byte[]> unknown = json("PutDashboard", "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).path("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void rpcV2CborWritesTimestampsUnderTagOne() throws Exception {
        double now = System.currentTimeMillis() / 1000.0;
        byte[] put = CBOR.writeValueAsBytes(JSON.readTree("{\"Namespace\":\"Wire/Cbor\",\"MetricData\":[{\"MetricName\":"
                + "\"Hits\",\"Value\":2,\"Timestamp\":" + now + ",\"StorageResolution\":1}]}"));
        HttpResponse<byte[]> stored = rpcV2("PutMetricData", put);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        byte[] query = CBOR.writeValueAsBytes(JSON.readTree("{\"Namespace\":\"Wire/Cbor\",\"MetricName\":\"Hits\","
                + "\"StartTime\":" + (now - 60) + ",\"EndTime\":" + (now + 60) + ",\"Period\":60,\"Statistics\":[\"Sum\"]}"));
        HttpResponse<byte[]> statistics = rpcV2("GetMetricStatistics", query);
        assertThat(statistics.statusCode()).isEqualTo(200);
        assertThat(statistics.headers().firstValue("Content-Type")).hasValue("application/cbor");
        // walk the CBOR by hand: the Timestamp must be tag 1 (epoch seconds), as Smithy RPC v2 CBOR says
        boolean taggedTimestamp = false;
        try (CBORParser parser = new CBORFactory().createParser(statistics.body())) {
            while (parser.nextToken() != null) {
                if ("Timestamp".equals(parser.currentName()) && parser.currentToken().isNumeric()) {
                    taggedTimestamp = parser.getCurrentTag() == 1;
                }
            }
        }
        assertThat(taggedTimestamp).isTrue();
        assertThat(CBOR.readTree(statistics.body()).path("Datapoints").get(0).path("Sum").asDouble()).isEqualTo(2.0);

        HttpResponse<byte[]> malformed = rpcV2("ListMetrics", new byte[] {(byte) 0xbf, 0x61});
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(CBOR.readTree(malformed.body()).path("__type").asText()).isEqualTo("SerializationException");
        HttpResponse<byte[]> invalid = rpcV2("GetMetricStatistics", CBOR.writeValueAsBytes(JSON.readTree(
                "{\"Namespace\":\"Wire/Cbor\",\"MetricName\":\"Hits\",\"StartTime\":10,\"EndTime\":5,\"Period\":60,"
                        + "\"Statistics\":[\"Sum\"]}")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("x-amzn-query-error")).hasValue("InvalidParameterValue;Sender");
        assertThat(CBOR.readTree(invalid.body()).path("__type").asText())
                .isEqualTo("com.amazonaws.cloudwatch#InvalidParameterValueException");
        HttpResponse<byte[]> unknown = rpcV2("PutDashboard", CBOR.writeValueAsBytes(JSON.createObjectNode()));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(CBOR.readTree(unknown.body()).path("__type").asText()).endsWith("UnknownOperationException");
    }

    @Test
    void queryFormsAnswerInXmlEvenGzipped() throws Exception {
        HttpResponse<byte[]> put = form("Action=PutMetricData&Version=2010-08-01&Namespace=Wire%2FQuery"
                + "&MetricData.member.1.MetricName=Hits&MetricData.member.1.Value=3"
                + "&MetricData.member.1.Dimensions.member.1.Name=Api&MetricData.member.1.Dimensions.member.1.Value=orders", true);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(text(put)).contains("<PutMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">")
                .contains("<RequestId>");
        HttpResponse<byte[]> list = form("Action=ListMetrics&Version=2010-08-01&Namespace=Wire%2FQuery", false);
        assertThat(text(list)).contains("<ListMetricsResult><Metrics><member><Namespace>Wire/Query</Namespace>"
                + "<MetricName>Hits</MetricName><Dimensions><member><Name>Api</Name><Value>orders</Value></member>"
                + "</Dimensions></member></Metrics></ListMetricsResult>");

        HttpResponse<byte[]> missing = form("Action=PutMetricData&Version=2010-08-01&Namespace=Wire%2FQuery"
                + "&MetricData.member.1.Value=3", false);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(text(missing)).contains("<ErrorResponse").contains("<Type>Sender</Type>")
                .contains("<Code>MissingParameter</Code>")
                .contains("<Message>The parameter MetricData.member.1.MetricName is required.</Message>");
        HttpResponse<byte[]> unknown = form("Action=PutDashboard&Version=2010-08-01", false);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(text(unknown)).contains("<Code>InvalidAction</Code>");
        HttpResponse<byte[]> malformed = form("Action=ListMetrics&Version=2010-08-01&Namespace=%zz", false);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(text(malformed)).contains("<Code>MalformedQueryString</Code>");
        HttpResponse<byte[]> notGzip = send(HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Content-Encoding", "gzip")
                .header("Authorization", SIGNED).POST(HttpRequest.BodyPublishers.ofString("Action=ListMetrics")));
        assertThat(notGzip.statusCode()).isEqualTo(400);
        assertThat(text(notGzip)).contains("<ErrorResponse");
        HttpResponse<byte[]> badNumber = form("Action=GetMetricStatistics&Version=2010-08-01&Namespace=A&MetricName=B"
                + "&StartTime=2026-01-01T00:00:00Z&EndTime=2026-01-01T01:00:00Z&Period=sixty&Statistics.member.1=Sum", false);
        assertThat(badNumber.statusCode()).isEqualTo(400);
    }

    @Test
    void healthListsCloudWatch() throws Exception {
        HttpResponse<byte[]> health = send(HttpRequest.newBuilder(emulator.endpoint().resolve("/_workbook/health")).GET());
        assertThat(text(health)).contains("\"cloudwatch\":\"running\"");
    }
}
