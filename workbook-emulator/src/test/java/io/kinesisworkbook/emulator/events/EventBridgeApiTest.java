package io.kinesisworkbook.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * EventBridge's control plane and PutEvents through the real SDK client: buses, rules, targets,
 * tags, TestEventPattern, and AWS's errors and words for what it refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventBridgeApiTest {

    private static final String PATTERN = "{\"source\": [\"shop.orders\"], \"detail-type\": [\"Order Placed\"]}";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private Emulator emulator;
    private EventBridgeClient events;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
        events = SdkClients.eventBridge(emulator.endpoint());
    }

    @AfterAll
    void stop() {
        events.close();
        emulator.close();
    }

    @Test
    void customBusesAreCreatedDescribedListedAndDeletedBesideTheDefaultOne() {
        String name = name("bus");
        String arn = events.createEventBus(b -> b.name(name).description("orders")).eventBusArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:event-bus/" + name);

        var described = events.describeEventBus(b -> b.name(arn));
        assertThat(described.name()).isEqualTo(name);
        assertThat(described.description()).isEqualTo("orders");
        assertThat(described.creationTime()).isNotNull();
        assertThat(events.describeEventBus(b -> { }).name()).isEqualTo("default");
        assertThat(events.listEventBuses(b -> { }).eventBuses()).extracting(bus -> bus.name()).contains("default", name);
        assertThat(events.listEventBuses(b -> b.namePrefix(name)).eventBuses()).extracting(bus -> bus.name())
                .containsExactly(name);

        assertThatThrownBy(() -> events.createEventBus(b -> b.name(name)))
                .isInstanceOf(ResourceAlreadyExistsException.class).hasMessageStartingWith("Event bus " + name + " already exists.");
        events.deleteEventBus(b -> b.name(name));
        assertThatThrownBy(() -> events.describeEventBus(b -> b.name(name)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Event bus " + name + " does not exist.");
        assertThatThrownBy(() -> events.deleteEventBus(b -> b.name("default")))
                .isInstanceOf(EventBridgeException.class).hasMessageStartingWith("Cannot delete event bus default.")
                .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void rulesArePutDescribedListedDisabledAndDeleted() {
        String bus = name("bus");
        events.createEventBus(b -> b.name(bus));
        String rule = name("rule");
        String arn = events.putRule(b -> b.name(rule).eventBusName(bus).eventPattern(PATTERN).description("orders in"))
                .ruleArn();
        assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/" + bus + "/" + rule);

        DescribeRuleResponse described = events.describeRule(b -> b.name(rule).eventBusName(bus));
        assertThat(described.eventPattern()).isEqualTo(PATTERN);
        assertThat(described.state()).isEqualTo(RuleState.ENABLED);
        assertThat(described.createdBy()).isEqualTo("000000000000");
        assertThat(described.eventBusName()).isEqualTo(bus);

        events.disableRule(b -> b.name(rule).eventBusName(bus));
        assertThat(events.describeRule(b -> b.name(rule).eventBusName(bus)).state()).isEqualTo(RuleState.DISABLED);
        events.enableRule(b -> b.name(rule).eventBusName(bus));
        assertThat(events.listRules(b -> b.eventBusName(bus)).rules()).extracting(r -> r.name()).containsExactly(rule);

        events.deleteRule(b -> b.name(rule).eventBusName(bus));
        assertThat(events.listRules(b -> b.eventBusName(bus)).rules()).isEmpty();
        events.deleteRule(b -> b.name(rule).eventBusName(bus));  // deleting it again succeeds, as on AWS
        assertThatThrownBy(() -> events.describeRule(b -> b.name(rule)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Rule " + rule + " does not exist on EventBus default.");
    }

    @Test
    void listsArePagedWithLimitAndNextToken() {
        String prefix = name("paged");
        IntStream.range(0, 5).forEach(i -> events.putRule(b -> b.name(prefix + "-" + i).eventPattern(PATTERN)));
        var first = events.listRules(b -> b.namePrefix(prefix).limit(3));
        assertThat(first.rules()).hasSize(3);
        var second = events.listRules(b -> b.namePrefix(prefix).limit(3).nextToken(first.nextToken()));
        assertThat(second.rules()).extracting(r -> r.name()).containsExactly(prefix + "-3", prefix + "-4");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void patternsAndSchedulesAreCheckedAsAwsChecksThem() {
        assertThatThrownBy(() -> events.putRule(b -> b.name(name("bad")).eventPattern("{\"source\": \"shop\"}")))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageStartingWith("Event pattern is not valid. Reason: \"source\" must be an object or an array\n"
                        + " at [Source: (String)\"{\"source\": \"shop\"}\"; line: 1, column: 13]");
        assertError(() -> events.putRule(b -> b.name(name("nothing"))), "ValidationException",
                "Parameter(s) EventPattern or ScheduleExpression must be specified.");
        assertError(() -> events.putRule(b -> b.name(name("sched")).scheduleExpression("rate(1 minutes)")),
                "ValidationException", "Parameter ScheduleExpression is not valid.");
        String bus = name("bus");
        events.createEventBus(b -> b.name(bus));
        assertError(() -> events.putRule(b -> b.name(name("sched")).eventBusName(bus).scheduleExpression("rate(1 minute)")),
                "ValidationException", "ScheduleExpression is supported only on the default event bus.");
        assertError(() -> events.putRule(b -> b.name("has spaces").eventPattern(PATTERN)), "ValidationException",
                "1 validation error detected: Value 'has spaces' at 'name' failed to satisfy constraint: Member must "
                        + "satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        assertThatThrownBy(() -> events.putRule(b -> b.name(name("r")).eventBusName("no-such-bus").eventPattern(PATTERN)))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Event bus no-such-bus does not exist.");
    }

    @Test
    void targetsAreAddedListedReplacedAndRemovedAndKeepTheirRuleAlive() {
        String rule = name("rule");
        events.putRule(b -> b.name(rule).eventPattern(PATTERN));
        Target stream = Target.builder().id("stream").arn("arn:aws:kinesis:us-east-1:000000000000:stream/orders")
                .kinesisParameters(k -> k.partitionKeyPath("$.detail.orderId")).build();
        var put = events.putTargets(b -> b.rule(rule).targets(stream,
                Target.builder().id("fn").arn("arn:aws:lambda:us-east-1:000000000000:function:f").inputPath("$.detail").build()));
        assertThat(put.failedEntryCount()).isZero();
        assertThat(events.listTargetsByRule(b -> b.rule(rule)).targets()).containsExactly(stream,
                Target.builder().id("fn").arn("arn:aws:lambda:us-east-1:000000000000:function:f").inputPath("$.detail").build());
        assertThat(events.listRuleNamesByTarget(b -> b.targetArn(stream.arn())).ruleNames()).contains(rule);

        assertError(() -> events.deleteRule(b -> b.name(rule)), "ValidationException", "Rule can't be deleted since it has targets.");
        events.removeTargets(b -> b.rule(rule).ids("stream", "fn"));
        assertThat(events.listTargetsByRule(b -> b.rule(rule)).targets()).isEmpty();
        events.deleteRule(b -> b.name(rule));
    }

    @Test
    void targetsAreCheckedAsAwsChecksThem() {
        String rule = name("rule");
        events.putRule(b -> b.name(rule).eventPattern(PATTERN));
        String arn = "arn:aws:kinesis:us-east-1:000000000000:stream/s";
        assertError(() -> events.putTargets(b -> b.rule(rule).targets(t -> t.id("!@#$@!#$").arn(arn))), "ValidationException",
                "1 validation error detected: Value '!@#$@!#$' at 'targets.1.member.id' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");
        assertError(() -> events.putTargets(b -> b.rule(rule).targets(t -> t.id("t").arn(arn).input("{}").inputPath("$"))),
                "ValidationException", "Only one of Input, InputPath, or InputTransformer must be provided for target t.");
        assertError(() -> events.putTargets(b -> b.rule(rule).targets(t -> t.id("t").arn(arn)
                        .inputTransformer(x -> x.inputPathsMap(Map.of("a", "$.detail.a")).inputTemplate("\"<a> and <b>\"")))),
                "ValidationException", "InputTemplate for target t contains invalid placeholder b.");
        assertThatThrownBy(() -> events.putTargets(b -> b.rule("no-such-rule").targets(t -> t.id("t").arn(arn))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Rule no-such-rule does not exist on EventBus default.");
        List<Target> six = IntStream.range(0, 6).mapToObj(i -> Target.builder().id("t" + i).arn(arn).build()).toList();
        assertThatThrownBy(() -> events.putTargets(b -> b.rule(rule).targets(six)))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("The requested resource exceeds the maximum number allowed.");
    }

    @Test
    void putEventsRefusesBadEntriesOneByOne() {
        PutEventsResponse response = events.putEvents(b -> b.entries(
                entry("shop.orders", "Order Placed", "{\"orderId\": 1}"),
                entry(null, "Order Placed", "{}"),
                entry("shop.orders", null, "{}"),
                entry("shop.orders", "Order Placed", null),
                entry("shop.orders", "Order Placed", "[1, 2]"),
                entry("shop.orders", "Order Placed", "{not json"),
                entry("aws.s3", "Object Created", "{}")));
        assertThat(response.failedEntryCount()).isEqualTo(6);
        assertThat(response.entries().get(0).eventId()).isNotBlank();
        assertThat(response.entries().subList(1, response.entries().size())).extracting(e -> e.errorCode() + ": " + e.errorMessage()).containsExactly(
                "InvalidArgument: Parameter Source is not valid. Reason: Source is a required argument.",
                "InvalidArgument: Parameter DetailType is not valid. Reason: DetailType is a required argument.",
                "InvalidArgument: Parameter Detail is not valid. Reason: Detail is a required argument.",
                "MalformedDetail: Detail is malformed.",
                "MalformedDetail: Detail is malformed.",
                "NotAuthorizedForSourceException: Not authorized for the source.");
    }

    @Test
    void putEventsRefusesMoreThanTenEntriesAndMoreThan256KiB() {
        List<PutEventsRequestEntry> eleven = IntStream.range(0, 11).mapToObj(i -> entry("shop", "t", "{}")).toList();
        assertThatThrownBy(() -> events.putEvents(b -> b.entries(eleven)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageStartingWith("1 validation error detected: Value '[PutEventsRequestEntry(time=null, source=shop, "
                        + "resources=null, detailType=t, detail={}, eventBusName=null, traceHeader=null, "
                        + "kmsKeyIdentifier=null, internalMetadata=null), PutEventsRequestEntry(")
                .hasMessageContaining("at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10");
        String big = "{\"text\": \"" + "x".repeat(140 * 1024) + "\"}";
        assertError(() -> events.putEvents(b -> b.entries(entry("shop", "t", big), entry("shop", "t", big))),
                "ValidationException", "Total size of the entries in the request is over the limit.");
    }

    @Test
    void anEventForABusThatDoesNotExistIsAcceptedAsOnAws() {
        PutEventsResponse response = events.putEvents(b -> b.entries(
                entry("shop.orders", "Order Placed", "{}").toBuilder().eventBusName("no-such-bus").build()));
        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries().get(0).eventId()).isNotBlank();
    }

    @Test
    void testEventPatternMatchesAnEventWithItsEnvelope() {
        String event = "{\"id\": \"1\", \"account\": \"000000000000\", \"source\": \"shop.orders\", \"time\": "
                + "\"2026-11-26T10:00:00Z\", \"region\": \"us-east-1\", \"resources\": [], \"detail-type\": \"Order Placed\", "
                + "\"detail\": {\"total\": 120}}";
        assertThat(events.testEventPattern(b -> b.eventPattern(PATTERN).event(event)).result()).isTrue();
        assertThat(events.testEventPattern(b -> b.event(event)
                .eventPattern("{\"detail\": {\"total\": [{\"numeric\": [\">\", 200]}]}}")).result()).isFalse();
        assertError(() -> events.testEventPattern(b -> b.eventPattern(PATTERN).event("{\"source\": \"shop.orders\"}")),
                "ValidationException", "Parameter Event is not valid.");
        assertThatThrownBy(() -> events.testEventPattern(b -> b.eventPattern("{\"source\": []}").event(event)))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageStartingWith("Event pattern is not valid. Reason: Empty arrays are not allowed");
    }

    @Test
    void rulesAndBusesAreTaggedByArn() {
        String bus = name("bus");
        String busArn = events.createEventBus(b -> b.name(bus).tags(t -> t.key("owner").value("workbook"))).eventBusArn();
        String ruleArn = events.putRule(b -> b.name(name("rule")).eventBusName(bus).eventPattern(PATTERN)).ruleArn();
        events.tagResource(b -> b.resourceARN(ruleArn).tags(t -> t.key("kinesis-workbook").value("true")));
        assertThat(events.listTagsForResource(b -> b.resourceARN(ruleArn)).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("kinesis-workbook=true");
        assertThat(events.listTagsForResource(b -> b.resourceARN(busArn)).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("owner=workbook");
        events.untagResource(b -> b.resourceARN(ruleArn).tagKeys("kinesis-workbook"));
        assertThat(events.listTagsForResource(b -> b.resourceARN(ruleArn)).tags()).isEmpty();
        assertThatThrownBy(() -> events.listTagsForResource(b -> b.resourceARN(
                "arn:aws:events:us-east-1:000000000000:rule/" + bus + "/missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Rule missing does not exist on EventBus " + bus + ".");
    }

    @Test
    void anOperationItDoesNotServeIsUnknown() {
        assertError(() -> events.listArchives(b -> { }), "UnknownOperationException", "Unknown operation AWSEvents.ListArchives");
    }

    static PutEventsRequestEntry entry(String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder().source(source).detailType(detailType).detail(detail).build();
    }

    private static void assertError(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(EventBridgeException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    private static String name(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }
}
