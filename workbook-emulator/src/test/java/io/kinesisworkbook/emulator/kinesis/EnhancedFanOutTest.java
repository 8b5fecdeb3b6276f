package io.kinesisworkbook.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.Consumer;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StartingPosition;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardEvent;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;

/**
 * Enhanced fan-out: consumers registered and pushed to over SubscribeToShard, read by the SDK's
 * async client over HTTP/2 cleartext (its default) and over HTTP/1.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnhancedFanOutTest {

    enum Http { HTTP2, HTTP1_1 }

    Emulator emulator;
    KinesisClient kinesis;
    /** Async clients are shared: closing one waits for its event loop to go quiet. */
    final java.util.Map<Http, KinesisAsyncClient> async = new java.util.EnumMap<>(Http.class);

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
        kinesis = SdkClients.kinesis(emulator.endpoint(), SdkClients.Wire.CBOR);
        for (Http http : Http.values()) {
            async.put(http, SdkClients.kinesisAsync(emulator.endpoint(), SdkClients.Wire.CBOR, protocol(http)));
        }
    }

    @AfterAll
    void stop() {
        async.values().forEach(KinesisAsyncClient::close);
        kinesis.close();
        emulator.close();
    }

    @Test
    void consumersAreRegisteredDescribedListedAndDeregistered() {
        String arn = stream("consumers", 1);
        Consumer registered = kinesis.registerStreamConsumer(b -> b.streamARN(arn).consumerName("dashboard")
                .tags(java.util.Map.of("team", "ops"))).consumer();
        assertThat(registered.consumerARN()).startsWith(arn + "/consumer/dashboard:");
        assertThat(kinesis.listTagsForResource(b -> b.resourceARN(registered.consumerARN())).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=ops");
        kinesis.registerStreamConsumer(b -> b.streamARN(arn).consumerName("fraud"));
        assertThatThrownBy(() -> kinesis.registerStreamConsumer(b -> b.streamARN(arn).consumerName("fraud")))
                .isInstanceOf(ResourceInUseException.class);

        var byArn = kinesis.describeStreamConsumer(b -> b.consumerARN(registered.consumerARN())).consumerDescription();
        assertThat(byArn.consumerStatus()).isEqualTo(ConsumerStatus.ACTIVE);
        assertThat(byArn.streamARN()).isEqualTo(arn);
        var byName = kinesis.describeStreamConsumer(b -> b.streamARN(arn).consumerName("fraud")).consumerDescription();
        assertThat(byName.consumerName()).isEqualTo("fraud");
        assertThat(kinesis.listStreamConsumers(b -> b.streamARN(arn)).consumers()).extracting(Consumer::consumerName)
                .containsExactly("dashboard", "fraud");
        assertThat(kinesis.describeStreamSummary(b -> b.streamARN(arn)).streamDescriptionSummary().consumerCount()).isEqualTo(2);

        kinesis.deregisterStreamConsumer(b -> b.consumerARN(registered.consumerARN()));
        assertThatThrownBy(() -> kinesis.describeStreamConsumer(b -> b.consumerARN(registered.consumerARN())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> kinesis.deleteStream(b -> b.streamARN(arn)))
                .isInstanceOf(ResourceInUseException.class).hasMessageContaining("has registered consumers");
        kinesis.deleteStream(b -> b.streamARN(arn).enforceConsumerDeletion(true));
    }

    @ParameterizedTest
    @EnumSource(Http.class)
    void subscribeToShardPushesRecordsAsTheyArrive(Http http) throws Exception {
        String arn = stream("push-" + http.name().toLowerCase().replace('_', '-'), 1);
        String consumerArn = kinesis.registerStreamConsumer(b -> b.streamARN(arn).consumerName("reader")).consumer().consumerARN();
        put(arn, "before");
        List<SubscribeToShardEvent> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> subscription = subscribe(http, consumerArn, p -> p.type(ShardIteratorType.TRIM_HORIZON), events);
        waitFor(() -> records(events).contains("before"));
        put(arn, "after-1");
        put(arn, "after-2");
        waitFor(() -> records(events).containsAll(List.of("after-1", "after-2")));
        assertThat(records(events)).containsExactly("before", "after-1", "after-2");
        SubscribeToShardEvent last = events.get(events.size() - 1);
        assertThat(last.millisBehindLatest()).isZero();
        assertThat(new BigInteger(last.continuationSequenceNumber()))
                .isGreaterThanOrEqualTo(new BigInteger(last.records().isEmpty() ? "0" : last.records().get(0).sequenceNumber()));
        assertThat(subscription).isNotDone();
        subscription.cancel(true);
    }

    @Test
    void theContinuationIsItsOwnNumberAndResumingAtOrAfterItGivesTheNextRecord() throws Exception {
        String arn = stream("continuation", 1);
        String consumerArn = kinesis.registerStreamConsumer(b -> b.streamARN(arn).consumerName("reader")).consumer().consumerARN();
        put(arn, "first");
        List<SubscribeToShardEvent> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> subscription = subscribe(Http.HTTP2, consumerArn, p -> p.type(ShardIteratorType.TRIM_HORIZON), events);
        waitFor(() -> records(events).contains("first"));
        subscription.cancel(true);
        SubscribeToShardEvent event = events.stream().filter(e -> !e.records().isEmpty()).findFirst().orElseThrow();
        String firstNumber = event.records().get(0).sequenceNumber();
        String continuation = event.continuationSequenceNumber();
        put(arn, "second");
        String secondNumber = kinesis.getRecords(b -> b.shardIterator(kinesis.getShardIterator(i -> i.streamARN(arn)
                .shardId("shardId-000000000000").shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()))
                .records().get(1).sequenceNumber();
        assertThat(new BigInteger(continuation)).as("strictly between the last record sent and the next")
                .isGreaterThan(new BigInteger(firstNumber)).isLessThan(new BigInteger(secondNumber));

        for (ShardIteratorType type : List.of(ShardIteratorType.AT_SEQUENCE_NUMBER, ShardIteratorType.AFTER_SEQUENCE_NUMBER)) {
            String resumed = kinesis.getRecords(b -> b.shardIterator(kinesis.getShardIterator(i -> i.streamARN(arn)
                    .shardId("shardId-000000000000").shardIteratorType(type).startingSequenceNumber(continuation))
                    .shardIterator())).records().get(0).data().asUtf8String();
            assertThat(resumed).as(type.toString()).isEqualTo("second");
        }
        // As KCL resubscribes: AFTER the continuation (another consumer, so no five-second takeover wait).
        String resumerArn = kinesis.registerStreamConsumer(b -> b.streamARN(arn).consumerName("resumer")).consumer().consumerARN();
        List<SubscribeToShardEvent> again = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> resubscribed = subscribe(Http.HTTP2, resumerArn,
                p -> p.type(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(continuation), again);
        waitFor(() -> records(again).contains("second"));
        assertThat(records(again)).containsExactly("second");
        resubscribed.cancel(true);
    }

    @Test
    void aSubscriptionToASplitShardEndsWithItsChildren() throws Exception {
        String arn = stream("split-push", 1);
        String consumerArn = kinesis.registerStreamConsumer(b -> b.streamARN(arn).consumerName("reader")).consumer().consumerARN();
        put(arn, "parent-record");
        kinesis.splitShard(b -> b.streamARN(arn).shardToSplit("shardId-000000000000")
                .newStartingHashKey(BigInteger.TWO.pow(127).toString()));
        List<SubscribeToShardEvent> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> subscription = subscribe(Http.HTTP2, consumerArn, p -> p.type(ShardIteratorType.TRIM_HORIZON), events);
        subscription.get(10, TimeUnit.SECONDS);
        assertThat(records(events)).containsExactly("parent-record");
        SubscribeToShardEvent last = events.get(events.size() - 1);
        assertThat(last.continuationSequenceNumber()).as("a closed shard's last event has no continuation").isNull();
        assertThat(last.childShards()).extracting(ChildShard::shardId)
                .containsExactlyInAnyOrder("shardId-000000000001", "shardId-000000000002");
    }

    @Test
    void anUnknownConsumerIsRefusedBeforeTheStreamStarts() {
        String arn = stream("no-consumer", 1);
        CompletableFuture<Void> subscription = async.get(Http.HTTP2).subscribeToShard(b -> b.consumerARN(arn + "/consumer/ghost:1")
                        .shardId("shardId-000000000000").startingPosition(p -> p.type(ShardIteratorType.LATEST)),
                SubscribeToShardResponseHandler.builder().subscriber(event -> { }).build());
        assertThatThrownBy(subscription::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    /** Subscribes a consumer to shard 0 from a starting position, collecting its events. */
    private CompletableFuture<Void> subscribe(Http http, String consumerArn,
                                              java.util.function.Consumer<StartingPosition.Builder> position,
                                              List<SubscribeToShardEvent> events) {
        return async.get(http).subscribeToShard(b -> b.consumerARN(consumerArn).shardId("shardId-000000000000")
                        .startingPosition(position),
                SubscribeToShardResponseHandler.builder()
                        .subscriber(SubscribeToShardResponseHandler.Visitor.builder().onSubscribeToShardEvent(events::add).build())
                        .build());
    }

    private String stream(String name, int shards) {
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
    }

    private void put(String arn, String data) {
        kinesis.putRecord(b -> b.streamARN(arn).partitionKey(data).data(SdkBytes.fromUtf8String(data)));
    }

    private static Protocol protocol(Http http) {
        return http == Http.HTTP2 ? Protocol.HTTP2 : Protocol.HTTP1_1;
    }

    private static List<String> records(List<SubscribeToShardEvent> events) {
        return events.stream().flatMap(e -> e.records().stream()).map(r -> r.data().asUtf8String()).toList();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
