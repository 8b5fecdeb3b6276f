package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.firehose.FirehoseWriter;
import io.kinesisworkbook.emulator.http.Operations;
import io.kinesisworkbook.emulator.http.OperationsService;
import io.kinesisworkbook.emulator.kinesis.StreamTap;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import io.kinesisworkbook.emulator.metrics.MetricsSink;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Amazon EventBridge ({@code X-Amz-Target: AWSEvents.*}, AWS JSON 1.1): event buses, rules with
 * event patterns (matched by Event Ruler, EventBridge's own engine) or schedules, and targets that
 * receive matched events through the other services' ports: Kinesis streams, Firehose delivery
 * streams, Lambda functions and other buses. Other services put events on buses through
 * {@link #publisher()}.
 *
 * <p>Nothing runs until it is needed: the delivery thread starts with the first event that matches
 * a rule with targets, or the first schedule.
 */
public final class EventsService extends OperationsService implements AutoCloseable {

    public static final String TARGET_PREFIX = "AWSEvents";
    private static final Logger LOG = Logger.getLogger(EventsService.class.getName());
    /** A clock moved far ahead fires a schedule at most this many times at once. */
    private static final int MAX_FIRINGS_PER_TICK = 1_000;

    private final EventsContext context;
    private final Delivery delivery;
    private final EventPublisher publisher;

    public EventsService(EmulatorOptions options, MetricsSink metrics, StreamTap streams, FirehoseWriter firehose,
                         FunctionInvoker functions) {
        super(TARGET_PREFIX, "events");
        context = new EventsContext(new EventBusRegistry(options.accountId(), options.clock()), options.clock(),
                new EventsMetrics(metrics));
        Destinations destinations = new Destinations(streams, firehose, functions, this::forward);
        delivery = new Delivery(options.clock(), destinations, context.metrics, this::fireDueSchedules);
        publisher = this::publishFromService;

        BusOperations buses = new BusOperations(context);
        RuleOperations rules = new RuleOperations(context, delivery::start);
        TargetOperations targets = new TargetOperations(context);
        EventOperations events = new EventOperations(context, this::publish);
        TagOperations tags = new TagOperations(context);

        operations.structure("CreateEventBus", buses::create);
        operations.structure("DescribeEventBus", buses::describe);
        operations.structure("ListEventBuses", buses::list);
        operations.structure("DeleteEventBus", buses::delete);
        operations.structure("PutRule", rules::put);
        operations.structure("DescribeRule", rules::describe);
        operations.structure("ListRules", rules::list);
        operations.structure("DeleteRule", rules::delete);
        operations.structure("EnableRule", rules::enable);
        operations.structure("DisableRule", rules::disable);
        operations.structure("ListRuleNamesByTarget", rules::namesByTarget);
        operations.structure("PutTargets", targets::put);
        operations.structure("RemoveTargets", targets::remove);
        operations.structure("ListTargetsByRule", targets::list);
        operations.structure("PutEvents", events::putEvents);
        operations.structure("TestEventPattern", events::testEventPattern);
        operations.structure("TagResource", tags::tag);
        operations.structure("UntagResource", tags::untag);
        operations.structure("ListTagsForResource", tags::list);
    }

    /** How the emulator's other services (S3) put events on buses. */
    public EventPublisher publisher() {
        return publisher;
    }

    /** Delivers every retry and fires every schedule due now by the emulator's clock (tests on a ManualClock). */
    public void deliverDue() {
        delivery.deliverDue();
    }

    /** Events given up on after their retries, most recent last: what AWS would drop or dead-letter. */
    public List<UndeliveredEvent> undelivered() {
        return delivery.undelivered();
    }

    /** How many deliveries wait to be made or retried. */
    public int waitingDeliveries() {
        return delivery.waiting();
    }

    /** Whether the delivery thread has started (it starts with the first delivery or schedule). */
    public boolean deliveryStarted() {
        return delivery.started();
    }

    @Override
    public void close() {
        delivery.close();
    }

    /** Matches an event against a bus's rules and queues it for each matching rule's targets. */
    boolean publish(String region, String busName, Event event) {
        EventBus bus = context.buses.find(region, busName);
        if (bus == null) {
            LOG.warning("event " + event.id() + " was put on event bus " + busName + " in " + region
                    + ", which does not exist: as on AWS, it is accepted and goes nowhere");
            return false;
        }
        ObjectNode json = event.toJson();
        List<EventBus.Match> matches = bus.match(json);
        long now = context.now();
        if (!matches.isEmpty()) {
            context.metrics.matchedAny(now);
        }
        for (EventBus.Match match : matches) {
            context.metrics.matched(match.busName(), match.ruleName(), now);
            for (Target target : match.targets()) {
                delivery.submit(new Delivery.Pending(event, json, match, target));
            }
        }
        return true;
    }

    private String publishFromService(String region, EventPublisher.Entry entry) {
        long now = context.now();
        Event event = new Event(UUID.randomUUID().toString(), entry.detailType(), entry.source(),
                context.buses.accountId(), entry.time() == null ? now : entry.time(), region, entry.resources(),
                entry.detail(), now);
        publish(region, EventBus.DEFAULT, event);
        return event.id();
    }

    /** A rule whose target is another bus: the event, as it is, onto that bus. */
    private boolean forward(String busArn, Event event) {
        String[] parts = busArn.split(":", 6);
        if (parts.length < 6 || !parts[5].startsWith("event-bus/")) {
            return false;
        }
        return publish(parts[3], parts[5].substring("event-bus/".length()), event);
    }

    /** Sends a "Scheduled Event" to the targets of every schedule rule that has come due. */
    private void fireDueSchedules() {
        long now = context.now();
        for (String region : context.buses.regions()) {
            EventBus bus = context.buses.find(region, EventBus.DEFAULT);
            if (bus == null) {
                continue;
            }
            for (Rule rule : bus.rules()) {
                List<Long> firings;
                List<Target> targets;
                synchronized (bus) {
                    firings = rule.takeDueFirings(now, MAX_FIRINGS_PER_TICK);
                    targets = rule.targetList();
                }
                for (long firing : firings) {
                    Event event = new Event(UUID.randomUUID().toString(), "Scheduled Event", "aws.events",
                            context.buses.accountId(), firing, region, List.of(rule.arn()),
                            Event.JSON.createObjectNode(), now);
                    EventBus.Match match = new EventBus.Match(rule.name(), rule.arn(), bus.name(), targets);
                    context.metrics.matched(bus.name(), rule.name(), now);
                    ObjectNode json = event.toJson();
                    targets.forEach(target -> delivery.submit(new Delivery.Pending(event, json, match, target)));
                }
            }
        }
    }
}
