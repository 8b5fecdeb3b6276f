package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers matched events to targets, asynchronously, at least once, and in order per target: each
 * target (a rule's target id) has a queue, and a delivery that fails for a reason that may pass (a
 * throttled stream, a function not ready yet) is retried with exponential backoff, by the
 * emulator's clock, while the events behind it wait. A delivery gives up when the target's retry
 * policy runs out (185 retries or 24 hours by default) or the failure cannot pass (the target does
 * not exist); it is then counted in {@code FailedInvocations}, logged, and kept in
 * {@link #undelivered()}.
 *
 * <p>The delivery thread starts with the first event to deliver or the first schedule, not with the
 * emulator. It delivers what is submitted at once, and every {@value #TICK_MILLIS} ms looks for
 * retries and schedules that have come due by the emulator's clock (a test on a {@code ManualClock}
 * calls {@link #deliverDue()} instead of waiting).
 */
final class Delivery implements AutoCloseable {

    static final long TICK_MILLIS = 50;
    static final long FIRST_RETRY_DELAY_MILLIS = 1_000;
    static final long MAX_RETRY_DELAY_MILLIS = 300_000;
    private static final int KEPT_UNDELIVERED = 1_000;
    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());

    /** One event on its way to one target; attempts and the next attempt's time change as it is retried. */
    static final class Pending {
        final Event event;
        final ObjectNode eventJson;
        final EventBus.Match rule;
        final Target target;
        int attempts;
        long notBeforeMillis;
        byte[] payload;

        Pending(Event event, ObjectNode eventJson, EventBus.Match rule, Target target) {
            this.event = event;
            this.eventJson = eventJson;
            this.rule = rule;
            this.target = target;
        }
    }

    private final EmulatorClock clock;
    private final Destinations destinations;
    private final EventsMetrics metrics;
    private final Runnable onTick;
    private final Map<String, Deque<Pending>> queues = new ConcurrentHashMap<>();
    private final Deque<UndeliveredEvent> undelivered = new ArrayDeque<>();
    private ScheduledExecutorService thread;
    private boolean closed;

    /** @param onTick run on every tick before deliveries (the scheduler's firing of due schedules) */
    Delivery(EmulatorClock clock, Destinations destinations, EventsMetrics metrics, Runnable onTick) {
        this.clock = clock;
        this.destinations = destinations;
        this.metrics = metrics;
        this.onTick = onTick;
    }

    /** Queues an event for a target and has it delivered as soon as the events before it are. */
    void submit(Pending pending) {
        Deque<Pending> queue = queues.computeIfAbsent(pending.rule.ruleArn() + "\n" + pending.target.id(),
                key -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addLast(pending);
        }
        ScheduledExecutorService running = start();
        if (running != null) {
            try {
                running.execute(() -> drain(queue));
            } catch (RejectedExecutionException closing) {
                // the emulator is closing
            }
        }
    }

    /** Starts the delivery thread if it is not running yet; null once closed. */
    synchronized ScheduledExecutorService start() {
        if (closed) {
            return null;
        }
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread daemon = new Thread(runnable, "events-delivery");
                daemon.setDaemon(true);
                return daemon;
            });
            thread.scheduleWithFixedDelay(this::tickQuietly, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
        return thread;
    }

    /** Whether the delivery thread has started (for the lazy start-up test). */
    synchronized boolean started() {
        return thread != null;
    }

    /** Fires due schedules and delivers everything due now; the delivery thread calls it, and so can a test. */
    void deliverDue() {
        onTick.run();
        for (Deque<Pending> queue : queues.values()) {
            drain(queue);
        }
    }

    /** The events given up on, oldest first (the last {@value #KEPT_UNDELIVERED}). */
    List<UndeliveredEvent> undelivered() {
        synchronized (undelivered) {
            return new ArrayList<>(undelivered);
        }
    }

    /** How many deliveries wait, retries included. */
    int waiting() {
        int waiting = 0;
        for (Deque<Pending> queue : queues.values()) {
            synchronized (queue) {
                waiting += queue.size();
            }
        }
        return waiting;
    }

    private void tickQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "EventBridge delivery tick failed", e);
        }
    }

    /** Delivers a target's queue from its head while deliveries succeed or give up; stops at a retry. */
    private void drain(Deque<Pending> queue) {
        synchronized (queue) {
            Pending head;
            while ((head = queue.peekFirst()) != null) {
                long now = clock.millis();
                if (head.notBeforeMillis > now) {
                    return;
                }
                if (!attempt(head, now)) {
                    return;
                }
                queue.pollFirst();
            }
        }
    }

    /** One attempt; true when the delivery is finished (delivered or given up), false to retry later. */
    private boolean attempt(Pending pending, long now) {
        Map<String, String> rule = EventsMetrics.ruleDimensions(pending.rule.busName(), pending.rule.ruleName());
        Destinations.Outcome outcome = invoke(pending);
        pending.attempts++;
        if (pending.attempts == 1) {
            metrics.firstAttemptLatency(rule, Math.max(0, now - pending.event.ingestionMillis()), now);
        }
        metrics.attempt(rule, pending.attempts > 1, outcome.kind() == Destinations.Kind.DELIVERED, now);
        if (outcome.kind() == Destinations.Kind.DELIVERED) {
            metrics.delivered(rule, Math.max(0, now - pending.event.ingestionMillis()), now);
            return true;
        }
        if (outcome.kind() == Destinations.Kind.RETRY && mayRetry(pending, now)) {
            pending.notBeforeMillis = now + retryDelay(pending.attempts);
            return false;
        }
        giveUp(pending, outcome.message(), rule, now);
        return true;
    }

    private Destinations.Outcome invoke(Pending pending) {
        try {
            if (pending.payload == null) {
                pending.payload = TargetInput.payload(pending.target, pending.event, pending.eventJson,
                        pending.rule.ruleArn(), pending.rule.ruleName());
            }
        } catch (InputTemplate.InvalidOutputException e) {
            return Destinations.Outcome.failed("InputTransformer: " + e.getMessage());
        }
        String partitionKey = TargetInput.partitionKey(pending.target, pending.event, pending.eventJson);
        return destinations.deliver(pending.target, pending.payload, partitionKey, pending.event);
    }

    private static boolean mayRetry(Pending pending, long now) {
        Target.RetryPolicy policy = pending.target.retryPolicy();
        return pending.attempts <= policy.maximumRetryAttempts()
                && now - pending.event.ingestionMillis() < policy.maximumEventAgeSeconds() * 1000L;
    }

    /** 1 s after the first failure, doubling to at most 5 minutes. */
    static long retryDelay(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 20);
        return Math.min(MAX_RETRY_DELAY_MILLIS, FIRST_RETRY_DELAY_MILLIS << doublings);
    }

    private void giveUp(Pending pending, String reason, Map<String, String> rule, long now) {
        metrics.failed(rule, pending.target.deadLetterArn() != null, now);
        String payload = pending.payload == null ? pending.eventJson.toString()
                : new String(pending.payload, StandardCharsets.UTF_8);
        UndeliveredEvent lost = new UndeliveredEvent(pending.rule.ruleArn(), pending.target.id(), pending.target.arn(),
                pending.event.id(), pending.attempts, reason, payload);
        synchronized (undelivered) {
            if (undelivered.size() == KEPT_UNDELIVERED) {
                undelivered.pollFirst();
            }
            undelivered.addLast(lost);
        }
        LOG.warning("EventBridge gave up delivering event " + pending.event.id() + " to target " + pending.target.id()
                + " (" + pending.target.arn() + ") of rule " + pending.rule.ruleArn() + " after " + pending.attempts
                + " attempt(s): " + reason);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
