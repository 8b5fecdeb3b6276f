package io.kinesisworkbook.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.ManualClock;
import io.kinesisworkbook.emulator.SdkClients;
import io.kinesisworkbook.emulator.firehose.FirehoseWriter;
import io.kinesisworkbook.emulator.http.EdgeRouter;
import io.kinesisworkbook.emulator.http.EdgeServer;
import io.kinesisworkbook.emulator.kinesis.KinesisService;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Delivery on a manual clock: retries with backoff while a target cannot take an event (a function
 * not ready, a throttled stream), order kept behind a retry, giving up by the retry policy, and
 * schedules that fire as the clock moves. Lambda is a stand-in here, which a test can make refuse.
 */
class RetriesAndSchedulesTest {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:consumer";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T10:00:00Z"));
    // on the test's clock: the store keeps what is recent by its clock, and this clock stands a week back
    private final InMemoryMetrics metrics = new InMemoryMetrics(clock, InMemoryMetrics.DEFAULT_RETENTION);
    private final Functions functions = new Functions();
    private EventsService service;
    private EdgeServer server;
    private EventBridgeClient events;
    private KinesisClient kinesis;

    @BeforeEach
    void start() {
        EmulatorOptions options = EmulatorOptions.defaults().withClock(clock).withInstantTransitions();
        KinesisService kinesisService = new KinesisService(options, metrics);
        FirehoseWriter noFirehose = (arn, data) -> new FirehoseWriter.Result(FirehoseWriter.Status.NO_SUCH_DELIVERY_STREAM, null, "none");
        service = new EventsService(options, metrics, kinesisService.tap(), noFirehose, functions);
        server = EdgeServer.start("127.0.0.1", 0, new EdgeRouter(List.of(kinesisService, service), "us-east-1"));
        URI endpoint = URI.create("http://127.0.0.1:" + server.port());
        events = SdkClients.eventBridge(endpoint);
        kinesis = SdkClients.kinesis(endpoint, SdkClients.Wire.CBOR);
    }

    @AfterEach
    void stop() {
        events.close();
        kinesis.close();
        server.close();
        service.close();
    }

    @Test
    void nothingRunsUntilAnEventHasSomewhereToGo() {
        assertThat(service.deliveryStarted()).isFalse();
        events.putRule(b -> b.name("r").eventPattern("{\"source\": [\"shop\"]}"));
        events.putEvents(b -> b.entries(entry(1)));
        assertThat(service.deliveryStarted()).as("a rule without targets needs no thread").isFalse();

        events.putTargets(b -> b.rule("r").targets(t -> t.id("fn").arn(FUNCTION)));
        events.putEvents(b -> b.entries(entry(2)));
        assertThat(service.deliveryStarted()).isTrue();
    }

    @Test
    void aTargetThatIsNotReadyIsRetriedWithBackoffAndTheEventsBehindItWait() {
        events.putRule(b -> b.name("r").eventPattern("{\"source\": [\"shop\"]}"));
        events.putTargets(b -> b.rule("r").targets(t -> t.id("fn").arn(FUNCTION)));
        functions.refuseNext(3);

        events.putEvents(b -> b.entries(entry(1), entry(2), entry(3)));
        service.deliverDue();
        assertThat(functions.received()).isEmpty();
        assertThat(service.waitingDeliveries()).isEqualTo(3);

        // Retries after 1 s, then 2 s, then 4 s: the third retry is the fourth attempt, and it succeeds.
        clock.advance(Duration.ofMillis(999));
        service.deliverDue();
        assertThat(functions.attempts.get()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        service.deliverDue();
        clock.advance(Duration.ofSeconds(2));
        service.deliverDue();
        assertThat(functions.received()).isEmpty();
        clock.advance(Duration.ofSeconds(4));
        service.deliverDue();

        assertThat(functions.received()).extracting(e -> e.get("detail").get("n").asInt()).containsExactly(1, 2, 3);
        assertThat(metric("RetryInvocationAttempts")).isEqualTo(3);
        assertThat(metric("InvocationAttempts")).isEqualTo(6);
        assertThat(metric("Invocations")).isEqualTo(3);
        assertThat(metric("FailedInvocations")).isZero();
        assertThat(service.waitingDeliveries()).isZero();
    }

    @Test
    void theRetryPolicyDecidesWhenToGiveUp() {
        events.putRule(b -> b.name("r").eventPattern("{\"source\": [\"shop\"]}"));
        events.putTargets(b -> b.rule("r").targets(t -> t.id("fn").arn(FUNCTION)
                .retryPolicy(p -> p.maximumRetryAttempts(2)).deadLetterConfig(d -> d.arn("arn:aws:sqs:us-east-1:000000000000:dlq"))));
        functions.refuseNext(10);

        events.putEvents(b -> b.entries(entry(1)));
        for (int i = 0; i < 5; i++) {
            service.deliverDue();
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(functions.attempts.get()).isEqualTo(3);
        assertThat(metric("FailedInvocations")).isEqualTo(1);
        assertThat(metric("InvocationsFailedToBeSentToDlq")).isEqualTo(1);
        assertThat(service.undelivered()).singleElement().satisfies(lost -> {
            assertThat(lost.attempts()).isEqualTo(3);
            assertThat(lost.reason()).startsWith("ResourceConflictException: ");
            assertThat(lost.payload()).contains("\"n\":1");
        });
    }

    @Test
    void aFunctionThatDoesNotExistIsNotRetried() {
        events.putRule(b -> b.name("r").eventPattern("{\"source\": [\"shop\"]}"));
        events.putTargets(b -> b.rule("r").targets(t -> t.id("fn").arn(FUNCTION + "-missing")));

        events.putEvents(b -> b.entries(entry(1)));
        service.deliverDue();

        assertThat(metric("InvocationAttempts")).isEqualTo(1);
        assertThat(metric("FailedInvocations")).isEqualTo(1);
        assertThat(service.undelivered()).singleElement()
                .satisfies(lost -> assertThat(lost.reason()).startsWith("ResourceNotFoundException: "));
    }

    @Test
    void aThrottledStreamGetsEveryEventOnceTheClockMovesOn() {
        kinesis.createStream(b -> b.streamName("one-shard").shardCount(1));
        events.putRule(b -> b.name("r").eventPattern("{\"source\": [\"shop\"]}"));
        events.putTargets(b -> b.rule("r").targets(t -> t.id("s").arn("arn:aws:kinesis:us-east-1:000000000000:stream/one-shard")
                .kinesisParameters(k -> k.partitionKeyPath("$.source"))));

        // A shard takes 1,000 records a second: the 1,001st waits for the clock.
        for (int call = 0; call < 101; call++) {
            int first = call * 10;
            events.putEvents(b -> b.entries(IntStream.range(first, first + 10).mapToObj(RetriesAndSchedulesTest::entry).toList()));
        }
        service.deliverDue();
        assertThat(service.waitingDeliveries()).isEqualTo(10);
        clock.advance(Duration.ofSeconds(1));
        service.deliverDue();

        List<Integer> delivered = StreamRecords.all(kinesis, "one-shard").stream()
                .map(r -> EventPatternTest.json(StreamRecords.text(r)).get("detail").get("n").asInt()).toList();
        assertThat(delivered).hasSize(1010).isSorted().doesNotHaveDuplicates();
        assertThat(metrics.total("AWS/Kinesis", "WriteProvisionedThroughputExceeded", Map.of("StreamName", "one-shard")))
                .isEqualTo(1);
    }

    @Test
    void aScheduleFiresOnTheEmulatorsClock() {
        String arn = events.putRule(b -> b.name("every-minute").scheduleExpression("rate(1 minute)")).ruleArn();
        events.putTargets(b -> b.rule("every-minute").targets(t -> t.id("fn").arn(FUNCTION)));

        clock.advance(Duration.ofSeconds(59));
        service.deliverDue();
        assertThat(functions.received()).isEmpty();
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        service.deliverDue();

        assertThat(functions.received()).hasSize(3).allSatisfy(event -> {
            assertThat(event.get("source").asText()).isEqualTo("aws.events");
            assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
            assertThat(event.get("resources").get(0).asText()).isEqualTo(arn);
        });
        assertThat(functions.received()).extracting(e -> e.get("time").asText())
                .containsExactly("2026-11-26T10:01:00Z", "2026-11-26T10:02:00Z", "2026-11-26T10:03:00Z");

        events.disableRule(b -> b.name("every-minute"));
        clock.advance(Duration.ofMinutes(5));
        service.deliverDue();
        assertThat(functions.received()).hasSize(3);
    }

    private double metric(String name) {
        return metrics.total("AWS/Events", name, Map.of("RuleName", "r"));
    }

    private static PutEventsRequestEntry entry(int n) {
        return EventBridgeApiTest.entry("shop", "Order Placed", "{\"n\": " + n + "}");
    }

    /** Functions that take asynchronous invocations, which a test can make refuse a few as not ready. */
    private static final class Functions implements FunctionInvoker {
        final AtomicInteger attempts = new AtomicInteger();
        private final AtomicInteger refusals = new AtomicInteger();
        private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());

        void refuseNext(int count) {
            refusals.set(count);
        }

        List<JsonNode> received() {
            synchronized (received) {
                return new ArrayList<>(received);
            }
        }

        @Override
        public Invocation invoke(String region, String functionNameOrArn, byte[] payload) {
            throw new UnsupportedOperationException("EventBridge invokes asynchronously");
        }

        @Override
        public void invokeAsync(String region, String functionNameOrArn, byte[] payload) {
            if (!exists(region, functionNameOrArn)) {
                throw new FunctionNotFoundException("Function not found: " + functionNameOrArn);
            }
            attempts.incrementAndGet();
            if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new FunctionNotReadyException("The operation cannot be performed at this time. The function is currently in the following state: Pending");
            }
            received.add(EventPatternTest.json(new String(payload, StandardCharsets.UTF_8)));
        }

        @Override
        public boolean exists(String region, String functionNameOrArn) {
            return functionNameOrArn.equals(FUNCTION);
        }
    }
}
