package io.kinesisworkbook.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Events delivered by the whole emulator, on the wall clock: to a Kinesis stream (the partition key
 * from the event, the record read back through the Kinesis API), shaped by an input transformer,
 * to a Firehose delivery stream that writes them to S3, and counted in AWS/Events metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventDeliveryTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private Emulator emulator;
    private EventBridgeClient events;
    private KinesisClient kinesis;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
        events = SdkClients.eventBridge(emulator.endpoint());
        kinesis = SdkClients.kinesis(emulator.endpoint(), SdkClients.Wire.CBOR);
    }

    @AfterAll
    void stop() {
        events.close();
        kinesis.close();
        emulator.close();
    }

    @Test
    void matchedEventsReachAStreamInOrderKeyedByThePartitionKeyPath() {
        String stream = newStream(2);
        String rule = "orders-" + NAMES.incrementAndGet();
        events.putRule(b -> b.name(rule).eventPattern("{\"source\": [\"shop.orders\"], \"detail\": {\"total\": [{\"numeric\": [\">\", 100]}]}}"));
        events.putTargets(b -> b.rule(rule).targets(t -> t.id("stream").arn(streamArn(stream))
                .kinesisParameters(k -> k.partitionKeyPath("$.detail.customer"))));

        for (int i = 1; i <= 20; i++) {
            int total = i % 2 == 0 ? 150 + i : 50;
            int order = i;
            events.putEvents(b -> b.entries(EventBridgeApiTest.entry("shop.orders", "Order Placed",
                    "{\"order\": " + order + ", \"customer\": \"alice\", \"total\": " + total + "}")));
        }

        List<Record> records = StreamRecords.await(kinesis, stream, 10);
        assertThat(records).hasSize(10).allMatch(r -> r.partitionKey().equals("alice"));
        List<JsonNode> delivered = records.stream().map(r -> EventPatternTest.json(StreamRecords.text(r))).toList();
        assertThat(delivered).extracting(e -> e.get("detail").get("order").asInt()).containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18, 20);
        assertThat(delivered.get(0).get("source").asText()).isEqualTo("shop.orders");
        assertThat(delivered.get(0).get("account").asText()).isEqualTo("000000000000");
        assertThat(delivered.get(0).get("region").asText()).isEqualTo("us-east-1");

        Map<String, String> ruleDimensions = Map.of("RuleName", rule);
        assertThat(metric("TriggeredRules", ruleDimensions)).isEqualTo(10);
        assertThat(metric("Invocations", ruleDimensions)).isEqualTo(10);
        assertThat(metric("FailedInvocations", ruleDimensions)).isZero();
    }

    @Test
    void anInputTransformerShapesWhatTheStreamReceives() {
        String stream = newStream(1);
        String bus = "bus-" + NAMES.incrementAndGet();
        events.createEventBus(b -> b.name(bus));
        events.putRule(b -> b.name("shaped").eventBusName(bus).eventPattern("{\"detail-type\": [\"Order Placed\"]}"));
        events.putTargets(b -> b.rule("shaped").eventBusName(bus).targets(t -> t.id("stream").arn(streamArn(stream))
                .inputTransformer(x -> x.inputPathsMap(Map.of("order", "$.detail.order", "customer", "$.detail.customer"))
                        .inputTemplate("{\"order\": <order>, \"who\": \"customer <customer>\", \"rule\": <aws.events.rule-name>}"))));

        events.putEvents(b -> b.entries(EventBridgeApiTest.entry("shop.orders", "Order Placed",
                "{\"order\": 7, \"customer\": \"bob\"}").toBuilder().eventBusName(bus).build()));

        List<Record> records = StreamRecords.await(kinesis, stream, 1);
        assertThat(records).hasSize(1);
        assertThat(StreamRecords.text(records.get(0)))
                .isEqualTo("{\"order\": 7, \"who\": \"customer bob\", \"rule\": \"shaped\"}");
        assertThat(metric("Invocations", Map.of("EventBusName", bus, "RuleName", "shaped"))).isEqualTo(1);
    }

    @Test
    void aFirehoseTargetDeliversEventsToS3() {
        try (FirehoseClient firehose = FirehoseClient.builder().endpointOverride(emulator.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
                .build();
             S3Client s3 = SdkClients.s3(emulator.endpoint())) {
            String bucket = "events-archive-" + NAMES.incrementAndGet();
            s3.createBucket(b -> b.bucket(bucket));
            String arn = firehose.createDeliveryStream(b -> b.deliveryStreamName(bucket)
                    .extendedS3DestinationConfiguration(d -> d.bucketARN("arn:aws:s3:::" + bucket)
                            .roleARN("arn:aws:iam::000000000000:role/firehose").prefix("events/")
                            .bufferingHints(h -> h.intervalInSeconds(0).sizeInMBs(1)))).deliveryStreamARN();
            String rule = "archive-" + NAMES.incrementAndGet();
            events.putRule(b -> b.name(rule).eventPattern("{\"source\": [\"shop.archive\"]}"));
            events.putTargets(b -> b.rule(rule).targets(t -> t.id("firehose").arn(arn)));

            events.putEvents(b -> b.entries(EventBridgeApiTest.entry("shop.archive", "Order Placed", "{\"order\": 1}")));

            long deadline = System.currentTimeMillis() + 10_000;
            List<String> keys = List.of();
            while (keys.isEmpty() && System.currentTimeMillis() < deadline) {
                StreamRecords.sleep(50);
                keys = s3.listObjectsV2(b -> b.bucket(bucket).prefix("events/")).contents().stream().map(o -> o.key()).toList();
            }
            assertThat(keys).hasSize(1);
            String object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(
                    s3.listObjectsV2(l -> l.bucket(bucket)).contents().get(0).key())).asUtf8String();
            JsonNode event = EventPatternTest.json(object);
            assertThat(event.get("detail").get("order").asInt()).isEqualTo(1);
            assertThat(object).doesNotEndWith("\n");  // EventBridge adds no separator, as on AWS
        }
    }

    @Test
    void aTargetThatDoesNotExistFailsWithoutRetriesAndIsKept() {
        String rule = "nowhere-" + NAMES.incrementAndGet();
        events.putRule(b -> b.name(rule).eventPattern("{\"source\": [\"shop.nowhere\"]}"));
        events.putTargets(b -> b.rule(rule).targets(t -> t.id("gone").arn(streamArn("no-such-stream"))));

        events.putEvents(b -> b.entries(EventBridgeApiTest.entry("shop.nowhere", "Order Placed", "{}")));

        long deadline = System.currentTimeMillis() + 10_000;
        while (metric("FailedInvocations", Map.of("RuleName", rule)) == 0 && System.currentTimeMillis() < deadline) {
            StreamRecords.sleep(20);
        }
        assertThat(metric("FailedInvocations", Map.of("RuleName", rule))).isEqualTo(1);
        assertThat(metric("InvocationAttempts", Map.of("RuleName", rule))).isEqualTo(1);
        assertThat(emulator.events().undelivered()).filteredOn(u -> u.ruleArn().endsWith("/" + rule)).singleElement()
                .satisfies(u -> assertThat(u.reason()).startsWith("ResourceNotFoundException: Stream no-such-stream under account"));
    }

    private double metric(String name, Map<String, String> dimensions) {
        return emulator.metrics().total("AWS/Events", name, dimensions);
    }

    private String newStream(int shards) {
        String stream = "events-" + NAMES.incrementAndGet();
        kinesis.createStream(b -> b.streamName(stream).shardCount(shards));
        return stream;
    }

    private static String streamArn(String stream) {
        return "arn:aws:kinesis:us-east-1:000000000000:stream/" + stream;
    }
}
