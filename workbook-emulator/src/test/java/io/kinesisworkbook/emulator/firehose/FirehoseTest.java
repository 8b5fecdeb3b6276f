package io.kinesisworkbook.emulator.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.ManualClock;
import io.kinesisworkbook.emulator.SdkClients;
import io.kinesisworkbook.emulator.http.EdgeRouter;
import io.kinesisworkbook.emulator.http.EdgeServer;
import io.kinesisworkbook.emulator.kinesis.KinesisService;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.ConcurrentModificationException;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.FirehoseException;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.ProcessorParameterName;
import software.amazon.awssdk.services.firehose.model.ProcessorType;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Firehose through the real SDK client: delivery streams, buffering by size and by time on a manual
 * clock, keys, compression, the Lambda processor's contract, the error output, a Kinesis source,
 * and no record lost while S3 or the function fails for a while. S3 and Lambda are in-process
 * stand-ins here, so that a test can make them fail; FirehoseEndToEndTest uses the real ones.
 */
class FirehoseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "deliveries";
    private static final String BUCKET_ARN = "arn:aws:s3:::" + BUCKET;
    private static final String ROLE = "arn:aws:iam::000000000000:role/firehose";
    private static final String TRANSFORM = "arn:aws:lambda:us-east-1:000000000000:function:transform";

    private final ManualClock clock = new ManualClock(java.time.Instant.parse("2026-11-26T10:15:30Z"));
    private final InMemoryObjectStore s3 = new InMemoryObjectStore();
    private final FunctionsInProcess lambda = new FunctionsInProcess();
    private FirehoseService firehoseService;
    private EdgeServer server;
    private FirehoseClient firehose;
    private KinesisClient kinesis;

    @BeforeEach
    void start() {
        EmulatorOptions options = EmulatorOptions.defaults().withClock(clock);
        KinesisService kinesisService = new KinesisService(options, new InMemoryMetrics());
        firehoseService = new FirehoseService(options, kinesisService.tap(), s3, lambda);
        server = EdgeServer.start("127.0.0.1", 0, new EdgeRouter(List.of(kinesisService, firehoseService), "us-east-1"));
        URI endpoint = URI.create("http://127.0.0.1:" + server.port());
        firehose = FirehoseClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        kinesis = SdkClients.kinesis(endpoint, SdkClients.Wire.CBOR);
        s3.createBucket(BUCKET);
    }

    @AfterEach
    void stop() {
        firehose.close();
        kinesis.close();
        server.close();
        firehoseService.close();
    }

    @Test
    void aDeliveryStreamIsCreatingThenActiveAndCanBeListedAndDeleted() {
        String arn = firehose.createDeliveryStream(b -> b.deliveryStreamName("logs")
                .extendedS3DestinationConfiguration(destination(60, 5, CompressionFormat.UNCOMPRESSED).build()))
                .deliveryStreamARN();

        assertThat(arn).isEqualTo("arn:aws:firehose:us-east-1:000000000000:deliverystream/logs");
        assertThat(describe("logs").deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.CREATING);
        settle();
        DeliveryStreamDescription active = describe("logs");
        assertThat(active.deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.ACTIVE);
        assertThat(active.deliveryStreamType()).isEqualTo(DeliveryStreamType.DIRECT_PUT);
        assertThat(active.versionId()).isEqualTo("1");
        assertThat(active.destinations().get(0).extendedS3DestinationDescription().bufferingHints().intervalInSeconds())
                .isEqualTo(60);
        assertThat(firehose.listDeliveryStreams(b -> { }).deliveryStreamNames()).containsExactly("logs");

        firehose.deleteDeliveryStream(b -> b.deliveryStreamName("logs"));
        settle();
        assertThatThrownBy(() -> describe("logs")).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Firehose logs under account 000000000000 not found.");
    }

    @Test
    void aBufferIsDeliveredWhenItsIntervalHasPassedAsOneObjectOfConcatenatedRecords() {
        activeStream("logs", destination(60, 5, CompressionFormat.UNCOMPRESSED));
        putBatch("logs", "first\n", "second\n", "third\n");

        firehoseService.deliverDue();
        assertThat(s3.objects(BUCKET)).as("the interval has not passed").isEmpty();
        clock.advance(Duration.ofSeconds(60));
        firehoseService.deliverDue();

        Map<String, byte[]> objects = s3.objects(BUCKET);
        assertThat(objects).hasSize(1);
        String key = objects.keySet().iterator().next();
        assertThat(key).matches("2026/11/26/10/logs-1-2026-11-26-10-15-3\\d-[0-9a-f-]{36}");
        assertThat(new String(objects.get(key), StandardCharsets.UTF_8)).isEqualTo("first\nsecond\nthird\n");
    }

    @Test
    void aFullBufferIsDeliveredBeforeItsInterval() {
        activeStream("big", destination(900, 1, CompressionFormat.UNCOMPRESSED));
        byte[] chunk = new byte[100_000];
        for (int i = 0; i < 15; i++) {
            firehose.putRecord(b -> b.deliveryStreamName("big").record(r -> r.data(SdkBytes.fromByteArray(chunk))));
        }

        firehoseService.deliverDue();

        assertThat(s3.objects(BUCKET)).hasSize(1);
        assertThat(s3.objects(BUCKET).values().iterator().next()).hasSize(10 * 100_000);
    }

    @Test
    void prefixesWithExpressionsAndGzipShapeTheKeysAndTheBodies() throws IOException {
        activeStream("zipped", destination(60, 5, CompressionFormat.GZIP)
                .prefix("logs/day=!{timestamp:yyyy-MM-dd}/").errorOutputPrefix("errors/!{firehose:error-output-type}/"));
        putBatch("zipped", "a\n", "b\n");
        clock.advance(Duration.ofSeconds(61));
        firehoseService.deliverDue();

        String key = s3.objects(BUCKET).keySet().iterator().next();
        assertThat(key).startsWith("logs/day=2026-11-26/zipped-1-").endsWith(".gz");
        assertThat(gunzip(s3.objects(BUCKET).get(key))).isEqualTo("a\nb\n");
        assertThatThrownBy(() -> firehose.createDeliveryStream(b -> b.deliveryStreamName("no-error-prefix")
                .extendedS3DestinationConfiguration(destination(60, 5, CompressionFormat.GZIP)
                        .prefix("logs/!{timestamp:yyyy}/").build())))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("ErrorOutputPrefix cannot be null or empty when Prefix contains expressions.");
    }

    @Test
    void aFileExtensionEndsTheKeysInPlaceOfTheCompressions() throws IOException {
        activeStream("extended", destination(60, 5, CompressionFormat.GZIP).fileExtension(".json.gz"));
        assertThat(describe("extended").destinations().get(0).extendedS3DestinationDescription().fileExtension())
                .isEqualTo(".json.gz");
        putBatch("extended", "{}\n");
        clock.advance(Duration.ofSeconds(61));
        firehoseService.deliverDue();

        String key = s3.objects(BUCKET).keySet().iterator().next();
        assertThat(key).matches(".*/extended-1-2026-11-26-10-1\\d-\\d\\d-[0-9a-f-]{36}\\.json\\.gz");
        assertThat(gunzip(s3.objects(BUCKET).get(key))).isEqualTo("{}\n");
        assertThatThrownBy(() -> firehose.createDeliveryStream(b -> b.deliveryStreamName("bad-extension")
                .extendedS3DestinationConfiguration(destination(60, 5, CompressionFormat.GZIP).fileExtension("json").build())))
                .isInstanceOf(FirehoseException.class)
                .hasMessageContaining("Value 'json' at 'extendedS3DestinationConfiguration.fileExtension' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern");
    }

    @Test
    void theTransformLambdaGetsAwsEventAndItsResultsDecideWhatIsDeliveredDroppedOrFailed() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        lambda.define(TRANSFORM, event -> transform(event, events));
        activeStream("transformed", withTransform(destination(60, 5, CompressionFormat.UNCOMPRESSED), 3));
        putBatch("transformed", "INFO started", "DEBUG noise", "oops", "WARN disk");
        clock.advance(Duration.ofSeconds(60));
        firehoseService.deliverDue();

        JsonNode event = events.get(0);
        assertThat(event.get("deliveryStreamArn").asText()).endsWith(":deliverystream/transformed");
        assertThat(event.get("region").asText()).isEqualTo("us-east-1");
        assertThat(event.get("records")).hasSize(4);
        assertThat(event.get("records").get(0).get("approximateArrivalTimestamp").asLong()).isEqualTo(clock.millis() - 60_000);
        Map<String, byte[]> objects = s3.objects(BUCKET);
        assertThat(objects).hasSize(2);
        String delivered = objects.keySet().stream().filter(k -> k.startsWith("2026/")).findFirst().orElseThrow();
        assertThat(new String(objects.get(delivered), StandardCharsets.UTF_8))
                .isEqualTo("{\"level\":\"INFO\",\"message\":\"started\"}\n{\"level\":\"WARN\",\"message\":\"disk\"}\n");
        String failedKey = objects.keySet().stream().filter(k -> k.startsWith("processing-failed/")).findFirst().orElseThrow();
        assertThat(failedKey).matches("processing-failed/2026/11/26/10/transformed-1-.*");
        JsonNode failure = JSON.readTree(objects.get(failedKey));
        assertThat(failure.get("errorCode").asText()).isEqualTo("Lambda.ProcessingFailedStatus");
        assertThat(failure.get("attemptsMade").asInt()).isEqualTo(1);
        assertThat(failure.get("lambdaArn").asText()).isEqualTo(TRANSFORM);
        assertThat(new String(Base64.getDecoder().decode(failure.get("rawData").asText()), StandardCharsets.UTF_8))
                .isEqualTo("oops");
    }

    @Test
    void aFunctionThatFailsForAWhileIsRetriedAndOneThatKeepsFailingSendsTheBatchToTheErrorOutput() throws IOException {
        lambda.define(TRANSFORM, event -> transform(event, new ArrayList<>()));
        activeStream("flaky", withTransform(destination(60, 5, CompressionFormat.UNCOMPRESSED), 3));
        lambda.failNextInvocations(2);
        putBatch("flaky", "INFO one");
        clock.advance(Duration.ofSeconds(60));
        firehoseService.deliverDue();
        assertThat(s3.objects(BUCKET).keySet()).singleElement().satisfies(key -> assertThat(key).startsWith("2026/"));

        lambda.failNextInvocations(10);
        putBatch("flaky", "INFO two");
        clock.advance(Duration.ofSeconds(60));
        firehoseService.deliverDue();
        String failedKey = s3.objects(BUCKET).keySet().stream().filter(k -> k.startsWith("processing-failed/"))
                .findFirst().orElseThrow();
        JsonNode failure = JSON.readTree(s3.objects(BUCKET).get(failedKey));
        assertThat(failure.get("errorCode").asText()).isEqualTo("Lambda.FunctionError");
        assertThat(failure.get("attemptsMade").asInt()).as("the first try and three retries").isEqualTo(4);
    }

    @Test
    void noRecordIsLostOrRepeatedWhileS3RefusesWrites() {
        activeStream("patient", destination(1, 5, CompressionFormat.UNCOMPRESSED));
        s3.failNextWrites(3);
        List<String> sent = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            String text = "record-" + round + "\n";
            sent.add(text);
            putBatch("patient", text);
            clock.advance(Duration.ofSeconds(2));
            firehoseService.deliverDue();
        }
        clock.advance(Duration.ofSeconds(2));
        firehoseService.deliverDue();

        StringBuilder delivered = new StringBuilder();
        s3.objects(BUCKET).values().forEach(data -> delivered.append(new String(data, StandardCharsets.UTF_8)));
        assertThat(delivered.toString()).isEqualTo(String.join("", sent));
    }

    @Test
    void aKinesisSourceIsReadFromLatestAndAcrossASplitWithItsMetadataInTheEvent() {
        kinesis.createStream(b -> b.streamName("app-logs").shardCount(1));
        settle();
        String streamArn = kinesis.describeStreamSummary(b -> b.streamName("app-logs")).streamDescriptionSummary().streamARN();
        kinesis.putRecord(b -> b.streamName("app-logs").partitionKey("k").data(SdkBytes.fromUtf8String("before\n")));
        List<JsonNode> events = new ArrayList<>();
        lambda.define(TRANSFORM, event -> {
            events.add(read(event));
            return passThrough(event);
        });
        firehose.createDeliveryStream(b -> b.deliveryStreamName("from-stream")
                .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
                .kinesisStreamSourceConfiguration(s -> s.kinesisStreamARN(streamArn).roleARN(ROLE))
                .extendedS3DestinationConfiguration(withTransform(destination(60, 5, CompressionFormat.UNCOMPRESSED), 0).build()));
        settle();
        firehoseService.deliverDue();   // starts reading at LATEST

        kinesis.putRecord(b -> b.streamName("app-logs").partitionKey("k").data(SdkBytes.fromUtf8String("one\n")));
        kinesis.splitShard(b -> b.streamName("app-logs").shardToSplit("shardId-000000000000")
                .newStartingHashKey(java.math.BigInteger.TWO.pow(127).toString()));
        settle();
        kinesis.putRecord(b -> b.streamName("app-logs").partitionKey("k").data(SdkBytes.fromUtf8String("two\n")));
        firehoseService.deliverDue();
        firehoseService.deliverDue();
        clock.advance(Duration.ofSeconds(60));
        firehoseService.deliverDue();

        StringBuilder delivered = new StringBuilder();
        s3.objects(BUCKET).values().forEach(data -> delivered.append(new String(data, StandardCharsets.UTF_8)));
        assertThat(delivered.toString()).isEqualTo("one\ntwo\n");
        JsonNode first = events.get(0).get("records").get(0);
        assertThat(events.get(0).get("sourceKinesisStreamArn").asText()).isEqualTo(streamArn);
        assertThat(first.get("kinesisRecordMetadata").get("shardId").asText()).isEqualTo("shardId-000000000000");
        assertThat(first.get("kinesisRecordMetadata").get("partitionKey").asText()).isEqualTo("k");
        assertThatThrownBy(() -> firehose.putRecord(b -> b.deliveryStreamName("from-stream")
                .record(r -> r.data(SdkBytes.fromUtf8String("x")))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("This operation is not permitted on KinesisStreamAsSource type delivery stream.");
    }

    @Test
    void recordsAndBatchesAreHeldToAwsLimits() {
        activeStream("limits", destination(60, 5, CompressionFormat.UNCOMPRESSED));
        List<Record> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(Record.builder().data(SdkBytes.fromUtf8String("x")).build());
        }

        assertThatThrownBy(() -> firehose.putRecordBatch(b -> b.deliveryStreamName("limits").records(tooMany)))
                .isInstanceOf(FirehoseException.class)
                .hasMessageContaining("Member must have length less than or equal to 500");
        assertThatThrownBy(() -> firehose.putRecord(b -> b.deliveryStreamName("limits")
                .record(r -> r.data(SdkBytes.fromByteArray(new byte[1_024_001])))))
                .hasMessageContaining("Member must have length less than or equal to 1024000");
        List<Record> tooBig = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tooBig.add(Record.builder().data(SdkBytes.fromByteArray(new byte[1_000_000])).build());
        }
        assertThatThrownBy(() -> firehose.putRecordBatch(b -> b.deliveryStreamName("limits").records(tooBig)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageStartingWith("Records size exceeds 4 MB limit");
        assertThatThrownBy(() -> firehose.putRecord(b -> b.deliveryStreamName("missing")
                .record(r -> r.data(SdkBytes.fromUtf8String("x")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void updateDestinationNeedsTheCurrentVersionAndNewObjectsCarryTheNext() {
        activeStream("versioned", destination(60, 5, CompressionFormat.UNCOMPRESSED));

        assertThatThrownBy(() -> firehose.updateDestination(b -> b.deliveryStreamName("versioned")
                .currentDeliveryStreamVersionId("7").destinationId("destinationId-000000000001")
                .extendedS3DestinationUpdate(u -> u.compressionFormat(CompressionFormat.GZIP))))
                .isInstanceOf(ConcurrentModificationException.class);
        firehose.updateDestination(b -> b.deliveryStreamName("versioned").currentDeliveryStreamVersionId("1")
                .destinationId("destinationId-000000000001")
                .extendedS3DestinationUpdate(u -> u.compressionFormat(CompressionFormat.GZIP)));
        putBatch("versioned", "x\n");
        clock.advance(Duration.ofSeconds(60));
        firehoseService.deliverDue();

        assertThat(describe("versioned").versionId()).isEqualTo("2");
        assertThat(s3.objects(BUCKET).keySet()).singleElement()
                .satisfies(key -> assertThat(key).contains("/versioned-2-").endsWith(".gz"));
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static ExtendedS3DestinationConfiguration.Builder destination(int seconds, int megabytes,
                                                                          CompressionFormat compression) {
        return ExtendedS3DestinationConfiguration.builder().bucketARN(BUCKET_ARN).roleARN(ROLE)
                .bufferingHints(h -> h.intervalInSeconds(seconds).sizeInMBs(megabytes)).compressionFormat(compression);
    }

    private static ExtendedS3DestinationConfiguration.Builder withTransform(
            ExtendedS3DestinationConfiguration.Builder destination, int retries) {
        return destination.processingConfiguration(p -> p.enabled(true).processors(processor -> processor
                .type(ProcessorType.LAMBDA).parameters(
                        parameter -> parameter.parameterName(ProcessorParameterName.LAMBDA_ARN).parameterValue(TRANSFORM),
                        parameter -> parameter.parameterName(ProcessorParameterName.NUMBER_OF_RETRIES)
                                .parameterValue(Integer.toString(retries)))));
    }

    private void activeStream(String name, ExtendedS3DestinationConfiguration.Builder destination) {
        firehose.createDeliveryStream(b -> b.deliveryStreamName(name).extendedS3DestinationConfiguration(destination.build()));
        settle();
    }

    private void putBatch(String stream, String... texts) {
        List<Record> records = new ArrayList<>();
        for (String text : texts) {
            records.add(Record.builder().data(SdkBytes.fromUtf8String(text)).build());
        }
        assertThat(firehose.putRecordBatch(b -> b.deliveryStreamName(stream).records(records)).failedPutCount()).isZero();
    }

    private DeliveryStreamDescription describe(String name) {
        return firehose.describeDeliveryStream(b -> b.deliveryStreamName(name)).deliveryStreamDescription();
    }

    private void settle() {
        clock.advance(EmulatorOptions.DEFAULT_TRANSITION_DELAY.plusMillis(1));
    }

    /** The workbook's transform: drop DEBUG, fail lines without a level, turn the rest into JSON lines. */
    private static byte[] transform(byte[] eventBytes, List<JsonNode> events) {
        JsonNode event = read(eventBytes);
        events.add(event);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode records = answer.putArray("records");
        for (JsonNode record : event.get("records")) {
            String line = new String(Base64.getDecoder().decode(record.get("data").asText()), StandardCharsets.UTF_8);
            ObjectNode result = records.addObject().put("recordId", record.get("recordId").asText());
            String[] parts = line.split(" ", 2);
            if (parts.length < 2) {
                result.put("result", "ProcessingFailed").put("data", record.get("data").asText());
            } else if (parts[0].equals("DEBUG")) {
                result.put("result", "Dropped");
            } else {
                String json = JSON.createObjectNode().put("level", parts[0]).put("message", parts[1]) + "\n";
                result.put("result", "Ok").put("data", Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return answer.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] passThrough(byte[] eventBytes) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode records = answer.putArray("records");
        for (JsonNode record : read(eventBytes).get("records")) {
            records.addObject().put("recordId", record.get("recordId").asText()).put("result", "Ok")
                    .put("data", record.get("data").asText());
        }
        return answer.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
