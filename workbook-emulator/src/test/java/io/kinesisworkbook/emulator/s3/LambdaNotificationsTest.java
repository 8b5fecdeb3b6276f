package io.kinesisworkbook.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinesisworkbook.emulator.SdkClients;
import io.kinesisworkbook.emulator.events.EventPublisher;
import io.kinesisworkbook.emulator.http.EdgeRouter;
import io.kinesisworkbook.emulator.http.EdgeServer;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;

/**
 * S3 alone, with EventBridge and Lambda as stand-ins that record what S3 sends them: the S3 event
 * records functions receive (only for events and keys their rule wants), and the region events go
 * to, which is the bucket's.
 */
class LambdaNotificationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:on-csv";

    private final List<String> published = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> invoked = Collections.synchronizedList(new ArrayList<>());
    private S3Service service;
    private EdgeServer server;
    private S3Client s3;

    @BeforeEach
    void start() {
        service = new S3Service();
        service.notifyThrough((region, entry) -> {
            published.add(region + " " + entry.detailType() + " " + entry.detail().get("object").get("key").asText());
            return "id";
        }, new Functions());
        server = EdgeServer.start("127.0.0.1", 0, new EdgeRouter(List.of(), List.of(service), "us-east-1"));
        s3 = SdkClients.s3(URI.create("http://127.0.0.1:" + server.port()));
    }

    @AfterEach
    void stop() {
        s3.close();
        server.close();
        service.close();
    }

    @Test
    void aFunctionReceivesS3RecordsForTheEventsAndKeysItsRuleWants() {
        s3.createBucket(b -> b.bucket("uploads"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("uploads").notificationConfiguration(n -> n
                .lambdaFunctionConfigurations(LambdaFunctionConfiguration.builder().id("csv-in").lambdaFunctionArn(FUNCTION)
                        .events(Event.S3_OBJECT_CREATED).filter(f -> f.key(k -> k.filterRules(
                                r -> r.name("prefix").value("in/"), r -> r.name("suffix").value(".csv")))).build())));

        s3.putObject(b -> b.bucket("uploads").key("in/day one.csv"), RequestBody.fromString("a,b\n1,2\n"));
        s3.putObject(b -> b.bucket("uploads").key("in/day-two.json"), RequestBody.fromString("{}"));
        s3.putObject(b -> b.bucket("uploads").key("out/day-one.csv"), RequestBody.fromString("a,b"));
        s3.deleteObject(b -> b.bucket("uploads").key("in/day one.csv"));

        assertThat(invoked).hasSize(1);
        JsonNode record = invoked.get(0).get("Records").get(0);
        assertThat(record.get("eventVersion").asText()).isEqualTo("2.1");
        assertThat(record.get("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.get("eventTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode s3Part = record.get("s3");
        assertThat(s3Part.get("configurationId").asText()).isEqualTo("csv-in");
        assertThat(s3Part.get("bucket").get("arn").asText()).isEqualTo("arn:aws:s3:::uploads");
        assertThat(s3Part.get("object").get("key").asText()).isEqualTo("in/day+one.csv");
        assertThat(s3Part.get("object").get("size").asInt()).isEqualTo(8);
        assertThat(s3Part.get("object").get("sequencer").asText()).matches("[0-9A-F]{16}");
        assertThat(published).isEmpty();
    }

    @Test
    void eventsGoToTheDefaultBusOfTheBucketsRegion() {
        s3.createBucket(b -> b.bucket("in-ireland").createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        s3.createBucket(b -> b.bucket("at-home"));
        for (String bucket : List.of("in-ireland", "at-home")) {
            s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })));
            s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        }
        s3.deleteObject(b -> b.bucket("at-home").key("k"));

        assertThat(published).containsExactly("eu-west-1 Object Created k", "us-east-1 Object Created k",
                "us-east-1 Object Deleted k");
    }

    @Test
    void aBucketDeletedAndMadeAgainStartsWithoutNotifications() {
        s3.createBucket(b -> b.bucket("reborn"));
        s3.putBucketNotificationConfiguration(b -> b.bucket("reborn").notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })));
        s3.deleteBucket(b -> b.bucket("reborn"));
        s3.createBucket(b -> b.bucket("reborn"));
        s3.putObject(b -> b.bucket("reborn").key("k"), RequestBody.fromString("x"));

        assertThat(s3.getBucketNotificationConfiguration(b -> b.bucket("reborn")).eventBridgeConfiguration()).isNull();
        assertThat(published).isEmpty();
    }

    /** One function, FUNCTION, which records its asynchronous invocations. */
    private final class Functions implements FunctionInvoker {
        @Override
        public Invocation invoke(String region, String functionNameOrArn, byte[] payload) {
            throw new UnsupportedOperationException("S3 invokes asynchronously");
        }

        @Override
        public void invokeAsync(String region, String functionNameOrArn, byte[] payload) {
            try {
                invoked.add(JSON.readTree(payload));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean exists(String region, String functionNameOrArn) {
            return functionNameOrArn.equals(FUNCTION);
        }
    }
}
