package io.kinesisworkbook.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.SdkClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Kinesis streams feeding functions: records put with the SDK reach the function as AWS's KinesisEvent. */
class EventSourceMappingTest extends LambdaTestBase {

    private KinesisClient kinesis;

    @BeforeAll
    void startKinesis() {
        kinesis = SdkClients.kinesis(emulator.endpoint(), SdkClients.Wire.CBOR);
    }

    @AfterAll
    void stopKinesis() {
        kinesis.close();
    }

    private String stream(int shards) {
        String name = "esm-stream-" + newFunctionName();
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
    }

    /** A consumer function writing one line per batch to a file: "shard|data,...|arrival millis|ok". */
    private Consumer consumer() throws Exception {
        String name = newFunctionName();
        Path out = Files.createTempFile("batches-", ".txt");
        lambda.createFunction(b -> b.functionName(name).runtime("java17").handler("demo.Consumer::handleRequest")
                .role(ROLE).timeout(10).environment(e -> e.variables(Map.of("OUT", out.toString())))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.kinesisConsumer()))));
        return new Consumer(name, out);
    }

    private record Consumer(String name, Path out) {
        List<String[]> batches() throws Exception {
            List<String[]> batches = new ArrayList<>();
            for (String line : Files.readAllLines(out)) {
                batches.add(line.split("\\|", -1));
            }
            return batches;
        }

        void awaitBatches(Predicate<List<String[]>> done) throws Exception {
            long deadline = System.currentTimeMillis() + 20_000;
            while (!done.test(batches())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("timed out; batches so far: " + Files.readString(out));
                }
                Thread.sleep(50);
            }
        }
    }

    private static int records(List<String[]> batches, boolean okOnly) {
        int count = 0;
        for (String[] batch : batches) {
            if (!okOnly || batch[3].equals("ok")) {
                count += batch[1].split(",").length;
            }
        }
        return count;
    }

    @Test
    void recordsArriveInOrderPerShardInBatchesOfAtMostBatchSize() throws Exception {
        String streamArn = stream(2);
        Consumer consumer = consumer();
        long before = System.currentTimeMillis();
        CreateEventSourceMappingResponse mapping = lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn)
                .functionName(consumer.name()).batchSize(5).startingPosition(EventSourcePosition.TRIM_HORIZON));

        assertThat(mapping.state()).isEqualTo("Creating");
        assertThat(mapping.batchSize()).isEqualTo(5);
        assertThat(mapping.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:" + consumer.name());
        assertThat(mapping.maximumRetryAttempts()).isEqualTo(-1);

        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String key = "key-" + (i % 7);
            String data = "r" + i;
            PutRecordResponse put = kinesis.putRecord(b -> b.streamARN(streamArn).partitionKey(key)
                    .data(SdkBytes.fromUtf8String(data)));
            expected.computeIfAbsent(put.shardId(), s -> new ArrayList<>()).add(data);
        }

        consumer.awaitBatches(batches -> records(batches, true) == 40);
        Map<String, List<String>> seen = new LinkedHashMap<>();
        for (String[] batch : consumer.batches()) {
            List<String> data = List.of(batch[1].split(","));
            assertThat(data).hasSizeLessThanOrEqualTo(5);
            seen.computeIfAbsent(batch[0], s -> new ArrayList<>()).addAll(data);
            assertThat(Long.parseLong(batch[2])).as("arrival time, read from epoch seconds").isBetween(before - 1000, System.currentTimeMillis());
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(mapping.uuid())).state()).isEqualTo("Enabled");
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(mapping.uuid())).lastProcessingResult()).isEqualTo("OK");

        lambda.deleteEventSourceMapping(b -> b.uuid(mapping.uuid()));
    }

    @Test
    void bisectingAFailedBatchIsolatesTheBadRecord() throws Exception {
        String streamArn = stream(1);
        Consumer consumer = consumer();
        for (String data : List.of("a", "b", "c", "poison", "d", "e", "f", "g")) {
            kinesis.putRecord(b -> b.streamARN(streamArn).partitionKey("same").data(SdkBytes.fromUtf8String(data)));
        }

        lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn).functionName(consumer.name()).batchSize(8)
                .startingPosition(EventSourcePosition.TRIM_HORIZON).bisectBatchOnFunctionError(true).maximumRetryAttempts(1));

        consumer.awaitBatches(batches -> records(batches, true) == 7);
        List<String[]> batches = consumer.batches();
        List<String> delivered = new ArrayList<>();
        for (String[] batch : batches) {
            if (batch[3].equals("ok")) {
                delivered.addAll(List.of(batch[1].split(",")));
            }
        }
        assertThat(delivered).containsExactly("a", "b", "c", "d", "e", "f", "g");
        List<String> failed = batches.stream().filter(b -> b[3].equals("failed")).map(b -> b[1]).toList();
        assertThat(failed).first().isEqualTo("a,b,c,poison,d,e,f,g");
        assertThat(failed).as("the poison alone, tried once and retried once, then skipped")
                .endsWith("poison", "poison");
    }

    @Test
    void afterAReshardParentsAreReadBeforeTheirChildren() throws Exception {
        String streamArn = stream(1);
        Consumer consumer = consumer();
        for (int i = 0; i < 6; i++) {
            String data = "before-" + i;
            kinesis.putRecord(b -> b.streamARN(streamArn).partitionKey("k" + data).data(SdkBytes.fromUtf8String(data)));
        }
        kinesis.updateShardCount(b -> b.streamARN(streamArn).targetShardCount(2)
                .scalingType(software.amazon.awssdk.services.kinesis.model.ScalingType.UNIFORM_SCALING));
        for (int i = 0; i < 6; i++) {
            String data = "after-" + i;
            kinesis.putRecord(b -> b.streamARN(streamArn).partitionKey("k" + data).data(SdkBytes.fromUtf8String(data)));
        }

        lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn).functionName(consumer.name()).batchSize(2)
                .startingPosition(EventSourcePosition.TRIM_HORIZON));

        consumer.awaitBatches(batches -> records(batches, true) == 12);
        List<String[]> batches = consumer.batches();
        assertThat(batches.subList(0, 3)).as("the parent's three batches come first")
                .allSatisfy(batch -> assertThat(batch[0]).isEqualTo("shardId-000000000000"));
        assertThat(batches.subList(3, batches.size()))
                .allSatisfy(batch -> assertThat(batch[0]).isNotEqualTo("shardId-000000000000"));
    }

    @Test
    void latestSkipsWhatWasAlreadyInTheStream() throws Exception {
        String streamArn = stream(1);
        Consumer consumer = consumer();
        kinesis.putRecord(b -> b.streamARN(streamArn).partitionKey("k").data(SdkBytes.fromUtf8String("old")));

        lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn).functionName(consumer.name())
                .startingPosition(EventSourcePosition.LATEST));
        kinesis.putRecord(b -> b.streamARN(streamArn).partitionKey("k").data(SdkBytes.fromUtf8String("new")));

        // One shard is read in order: had the mapping started before "old", "old" would have come first.
        consumer.awaitBatches(batches -> batches.stream().anyMatch(batch -> List.of(batch[1].split(",")).contains("new")));
        assertThat(consumer.batches()).extracting(b -> b[1]).containsExactly("new");
    }

    @Test
    void mappingsAreListedUpdatedAndDeleted() throws Exception {
        String streamArn = stream(1);
        Consumer consumer = consumer();
        CreateEventSourceMappingResponse created = lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn)
                .functionName(consumer.name()).startingPosition(EventSourcePosition.TRIM_HORIZON));

        assertThat(created.batchSize()).isEqualTo(100);
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(streamArn)).eventSourceMappings())
                .extracting(m -> m.uuid()).containsExactly(created.uuid());
        assertThat(lambda.listEventSourceMappings(b -> b.functionName(consumer.name())).eventSourceMappings()).hasSize(1);

        var disabled = lambda.updateEventSourceMapping(b -> b.uuid(created.uuid()).enabled(false).batchSize(10));
        assertThat(disabled.batchSize()).isEqualTo(10);
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(created.uuid())).state()).isEqualTo("Disabled");

        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn)
                .functionName(consumer.name()).startingPosition(EventSourcePosition.TRIM_HORIZON)))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining(created.uuid());

        var deleted = lambda.deleteEventSourceMapping(b -> b.uuid(created.uuid()));
        assertThat(deleted.state()).isEqualTo("Deleting");
        assertThatThrownBy(() -> lambda.getEventSourceMapping(b -> b.uuid(created.uuid())))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("The resource you requested does not exist.");
    }

    @Test
    void badMappingsAreRefusedAsAwsRefusesThem() throws Exception {
        String streamArn = stream(1);
        Consumer consumer = consumer();

        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn)
                .functionName(consumer.name()).batchSize(0).startingPosition(EventSourcePosition.LATEST)))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: "
                                + "Member must have value greater than or equal to 1"));
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn)
                .functionName("no-such-function").startingPosition(EventSourcePosition.LATEST)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn + "-missing")
                .functionName(consumer.name()).startingPosition(EventSourcePosition.LATEST)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("Stream not found");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(streamArn)
                .functionName(consumer.name())))
                .isInstanceOf(InvalidParameterValueException.class);
    }
}
