package io.kinesisworkbook.emulator.lambda;

import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.metrics.MetricsSink;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes what CloudWatch's AWS/Lambda namespace shows of a function, with AWS's names and units
 * under the dimension {@code FunctionName}: Invocations, Errors, Throttles, Duration,
 * ConcurrentExecutions (also account-wide, without dimensions) and, for Kinesis event source
 * mappings, IteratorAge.
 */
public final class LambdaMetrics {

    static final String NAMESPACE = "AWS/Lambda";

    private final MetricsSink sink;
    private final EmulatorClock clock;
    private final AtomicInteger running = new AtomicInteger();

    public LambdaMetrics(MetricsSink sink, EmulatorClock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** An invocation starts: the concurrency now, per function and for the account. */
    void started(String functionName) {
        int now = running.incrementAndGet();
        long at = clock.millis();
        sink.publish(NAMESPACE, "ConcurrentExecutions", Map.of("FunctionName", functionName), now, "Count", at);
        sink.publish(NAMESPACE, "ConcurrentExecutions", Map.of(), now, "Count", at);
    }

    /** An invocation ended: one invocation, an error or not, and how long it ran. */
    void finished(String functionName, boolean error, double durationMillis) {
        running.decrementAndGet();
        long at = clock.millis();
        Map<String, String> function = Map.of("FunctionName", functionName);
        sink.publish(NAMESPACE, "Invocations", function, 1, "Count", at);
        sink.publish(NAMESPACE, "Errors", function, error ? 1 : 0, "Count", at);
        sink.publish(NAMESPACE, "Duration", function, durationMillis, "Milliseconds", at);
    }

    void throttled(String functionName) {
        sink.publish(NAMESPACE, "Throttles", Map.of("FunctionName", functionName), 1, "Count", clock.millis());
    }

    /** A Kinesis mapping's batch reached the function: the age of its last record when it did. */
    public void iteratorAge(String functionName, long ageMillis) {
        sink.publish(NAMESPACE, "IteratorAge", Map.of("FunctionName", functionName), Math.max(0, ageMillis),
                "Milliseconds", clock.millis());
    }
}
