package io.kinesisworkbook.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinesisworkbook.emulator.SdkClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Object Created and Object Deleted events, from S3 through EventBridge into a Kinesis stream, as
 * the disaster-recovery pipeline captures them: PutObject, CopyObject, CompleteMultipartUpload,
 * DeleteObject, DeleteObjects and writes through the in-process port, in order, with AWS's fields.
 */
class ObjectEventsTest extends S3TestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventBridgeClient events;
    private KinesisClient kinesis;

    @BeforeAll
    void clients() {
        events = SdkClients.eventBridge(emulator.endpoint());
        kinesis = SdkClients.kinesis(emulator.endpoint(), SdkClients.Wire.CBOR);
    }

    @AfterAll
    void closeClients() {
        events.close();
        kinesis.close();
    }

    @Test
    void everyObjectChangeReachesTheStreamInOrderWithItsDetail() {
        String bucket = newBucket();
        String stream = captureEventsOf(bucket);

        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("orders/a.json"), RequestBody.fromString("hello"));
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("orders/a.json").destinationBucket(bucket).destinationKey("orders/b.json"));
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key("big/c.bin")).uploadId();
        String part = s3.uploadPart(b -> b.bucket(bucket).key("big/c.bin").uploadId(upload).partNumber(1),
                RequestBody.fromBytes(new byte[1234])).eTag();
        s3.completeMultipartUpload(b -> b.bucket(bucket).key("big/c.bin").uploadId(upload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part))));
        s3.deleteObject(b -> b.bucket(bucket).key("orders/a.json"));
        s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.quiet(true).objects(o -> o.key("orders/b.json"), o -> o.key("big/c.bin"))));

        List<JsonNode> received = await(stream, 6);
        assertThat(received).extracting(e -> e.get("detail-type").asText() + " " + e.get("detail").get("object").get("key").asText()
                + " " + e.get("detail").get("reason").asText()).containsExactly(
                "Object Created orders/a.json PutObject",
                "Object Created orders/b.json CopyObject",
                "Object Created big/c.bin CompleteMultipartUpload",
                "Object Deleted orders/a.json DeleteObject",
                "Object Deleted orders/b.json DeleteObject",
                "Object Deleted big/c.bin DeleteObject");

        JsonNode created = received.get(0);
        assertThat(created.get("source").asText()).isEqualTo("aws.s3");
        assertThat(created.get("account").asText()).isEqualTo("000000000000");
        assertThat(created.get("region").asText()).isEqualTo("us-east-1");
        assertThat(created.get("resources").get(0).asText()).isEqualTo("arn:aws:s3:::" + bucket);
        JsonNode detail = created.get("detail");
        assertThat(detail.get("version").asText()).isEqualTo("0");
        assertThat(detail.get("bucket").get("name").asText()).isEqualTo(bucket);
        assertThat(detail.get("object").get("size").asLong()).isEqualTo(5);
        assertThat(detail.get("object").get("etag").asText()).isEqualTo(put.eTag().replace("\"", ""));
        assertThat(detail.get("object").has("version-id")).isFalse();
        assertThat(detail.get("request-id").asText()).isEqualTo(put.responseMetadata().requestId());
        assertThat(detail.get("requester").asText()).isEqualTo("000000000000");
        assertThat(detail.get("source-ip-address").asText()).isEqualTo("127.0.0.1");
        assertThat(received.get(1).get("detail").get("object").get("size").asLong()).isEqualTo(5);
        assertThat(received.get(2).get("detail").get("object").get("size").asLong()).isEqualTo(1234);

        JsonNode deleted = received.get(3).get("detail");
        assertThat(deleted.get("deletion-type").asText()).isEqualTo("Permanently Deleted");
        assertThat(deleted.get("object").has("etag")).isFalse();
        assertThat(deleted.get("object").has("size")).isFalse();

        List<String> sequencers = received.stream().map(e -> e.get("detail").get("object").get("sequencer").asText()).toList();
        assertThat(sequencers).isSorted().doesNotHaveDuplicates().allMatch(s -> s.matches("[0-9a-f]{16}"));
    }

    @Test
    void objectsWrittenThroughThePortSendEventsToo() {
        String bucket = newBucket();
        String stream = captureEventsOf(bucket);

        emulator.objectStore().putObject(bucket, "firehose/2026/11/26/batch-1.gz", new byte[] {1, 2, 3}, "application/octet-stream");

        JsonNode event = await(stream, 1).get(0);
        assertThat(event.get("detail-type").asText()).isEqualTo("Object Created");
        assertThat(event.get("detail").get("object").get("key").asText()).isEqualTo("firehose/2026/11/26/batch-1.gz");
        assertThat(event.get("detail").get("object").get("size").asInt()).isEqualTo(3);
        assertThat(event.get("detail").get("reason").asText()).isEqualTo("PutObject");
    }

    @Test
    void aBucketWithoutEventBridgeConfigurationSendsNothing() {
        String quiet = newBucket();
        String loud = newBucket();
        String stream = captureEventsOf(loud);
        s3.putBucketNotificationConfiguration(b -> b.bucket(quiet).notificationConfiguration(n -> { }));

        s3.putObject(b -> b.bucket(quiet).key("k"), RequestBody.fromString("x"));
        s3.putObject(b -> b.bucket(loud).key("k"), RequestBody.fromString("x"));
        s3.putBucketNotificationConfiguration(b -> b.bucket(loud).notificationConfiguration(n -> { }));
        s3.putObject(b -> b.bucket(loud).key("after"), RequestBody.fromString("x"));
        s3.putBucketNotificationConfiguration(b -> b.bucket(loud).notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })));
        s3.putObject(b -> b.bucket(loud).key("marker"), RequestBody.fromString("x"));

        assertThat(awaitKey(stream, "marker")).extracting(e -> e.get("detail").get("object").get("key").asText())
                .containsExactly("k", "marker");
    }

    @Test
    void aFailedWriteSendsNothing() {
        String bucket = newBucket();
        String stream = captureEventsOf(bucket);
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key("never")).uploadId();
        try {
            s3.completeMultipartUpload(b -> b.bucket(bucket).key("never").uploadId(upload)
                    .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag("\"nope\""))));
        } catch (RuntimeException expected) {
            // S3 refuses a part that was never uploaded
        }
        s3.putObject(b -> b.bucket(bucket).key("marker"), RequestBody.fromString("x"));

        assertThat(awaitKey(stream, "marker")).extracting(e -> e.get("detail").get("object").get("key").asText())
                .containsExactly("marker");
    }

    /** A bucket whose events go to EventBridge, and a rule sending them to a new one-shard stream. */
    private String captureEventsOf(String bucket) {
        String stream = "capture-" + bucket;
        kinesis.createStream(b -> b.streamName(stream).shardCount(1));
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })));
        events.putRule(b -> b.name(stream).eventPattern("{\"source\": [\"aws.s3\"], \"detail\": {\"bucket\": {\"name\": [\"" + bucket + "\"]}}}"));
        events.putTargets(b -> b.rule(stream).targets(t -> t.id("stream").arn("arn:aws:kinesis:us-east-1:000000000000:stream/" + stream)
                .kinesisParameters(k -> k.partitionKeyPath("$.detail.object.key"))));
        long deadline = System.currentTimeMillis() + 10_000;
        while (!kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary().streamStatusAsString().equals("ACTIVE")
                && System.currentTimeMillis() < deadline) {
            sleep(20);
        }
        return stream;
    }

    /**
     * Waits (generously) for at least {@code count} records. Polls four times a second: a shard
     * serves five GetRecords calls a second.
     */
    private List<JsonNode> await(String stream, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<JsonNode> records = read(stream);
        while (records.size() < count && System.nanoTime() < deadline) {
            sleep(250);
            records = read(stream);
        }
        return records;
    }

    /** Waits for the event of {@code key}, written last, so that nothing before it can still be on its way. */
    private List<JsonNode> awaitKey(String stream, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<JsonNode> records = read(stream);
        while (records.stream().noneMatch(e -> e.get("detail").get("object").get("key").asText().equals(key))
                && System.nanoTime() < deadline) {
            sleep(250);
            records = read(stream);
        }
        return records;
    }

    private List<JsonNode> read(String stream) {
        String shard = kinesis.listShards(b -> b.streamName(stream)).shards().get(0).shardId();
        String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<JsonNode> events = new ArrayList<>();
        kinesis.getRecords(b -> b.shardIterator(iterator)).records().forEach(record -> {
            try {
                events.add(JSON.readTree(record.data().asString(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return events;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
