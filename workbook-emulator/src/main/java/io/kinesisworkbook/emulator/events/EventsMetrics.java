package io.kinesisworkbook.emulator.events;

import io.kinesisworkbook.emulator.metrics.MetricsSink;
import java.util.Map;

/**
 * Publishes what CloudWatch's AWS/Events namespace shows, with AWS's names, units and dimensions:
 * a rule on the default bus is {@code RuleName}, one on another bus {@code EventBusName} and
 * {@code RuleName}; some metrics are also published for the whole account (no dimensions).
 */
final class EventsMetrics {

    static final String NAMESPACE = "AWS/Events";
    private static final Map<String, String> ACCOUNT = Map.of();

    private final MetricsSink sink;

    EventsMetrics(MetricsSink sink) {
        this.sink = sink;
    }

    static Map<String, String> ruleDimensions(String busName, String ruleName) {
        return busName.equals(EventBus.DEFAULT) ? Map.of("RuleName", ruleName)
                : Map.of("EventBusName", busName, "RuleName", ruleName);
    }

    /** A PutEvents call: its entries, how many were accepted, its size. */
    void putEvents(int entries, int failed, long bytes, long now) {
        count("PutEventsApproximateCallCount", ACCOUNT, 1, now);
        count("PutEventsApproximateSuccessCount", ACCOUNT, entries - failed, now);
        count("PutEventsApproximateFailedCount", ACCOUNT, failed, now);
        sink.publish(NAMESPACE, "PutEventsRequestSize", ACCOUNT, bytes, "Bytes", now);
    }

    /** An event matched a rule (published once per rule, and once for the account per event). */
    void matched(String busName, String ruleName, long now) {
        Map<String, String> rule = ruleDimensions(busName, ruleName);
        count("TriggeredRules", rule, 1, now);
        count("MatchedEvents", rule, 1, now);
    }

    void matchedAny(long now) {
        count("MatchedEvents", ACCOUNT, 1, now);
    }

    /** One attempt to invoke a target; {@code retry} when it is not the first for this event and target. */
    void attempt(Map<String, String> rule, boolean retry, boolean succeeded, long now) {
        count("InvocationAttempts", rule, 1, now);
        count("InvocationAttempts", ACCOUNT, 1, now);
        if (retry) {
            count("RetryInvocationAttempts", rule, 1, now);
        }
        if (succeeded) {
            count("SuccessfulInvocationAttempts", rule, 1, now);
        }
    }

    void firstAttemptLatency(Map<String, String> rule, long millis, long now) {
        sink.publish(NAMESPACE, "IngestionToInvocationStartLatency", rule, millis, "Milliseconds", now);
    }

    void delivered(Map<String, String> rule, long ingestionToSuccessMillis, long now) {
        count("Invocations", rule, 1, now);
        count("Invocations", ACCOUNT, 1, now);
        sink.publish(NAMESPACE, "IngestionToInvocationSuccessLatency", rule, ingestionToSuccessMillis,
                "Milliseconds", now);
    }

    /** An invocation that failed for good; with a dead-letter queue configured, it could not reach it either. */
    void failed(Map<String, String> rule, boolean deadLetterConfigured, long now) {
        count("Invocations", rule, 1, now);
        count("Invocations", ACCOUNT, 1, now);
        count("FailedInvocations", rule, 1, now);
        if (deadLetterConfigured) {
            count("InvocationsFailedToBeSentToDlq", rule, 1, now);
        }
    }

    private void count(String metric, Map<String, String> dimensions, double value, long now) {
        sink.publish(NAMESPACE, metric, dimensions, value, "Count", now);
    }
}
