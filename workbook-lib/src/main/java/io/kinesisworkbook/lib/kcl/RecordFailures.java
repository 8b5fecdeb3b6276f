package io.kinesisworkbook.lib.kcl;

import io.kinesisworkbook.lib.producer.Backoff;
import java.util.Objects;

/**
 * What a worker does when its {@link RecordHandler} throws on a record: try again, then hand the
 * record to a dead-letter destination if the application has one, and otherwise stop processing that
 * shard. Never skip it: a checkpoint past a record says "done with it" for good.
 *
 * @param retries     how many times a failed record is tried again before it counts as failed
 * @param backoff     the pause before each retry (exponential, with jitter)
 * @param deadLetters where a record that failed every retry goes, so that the shard can move on; {@code null}
 *                    for none, in which case the shard stops at that record
 */
public record RecordFailures(int retries, Backoff backoff, RecordHandler deadLetters) {

    public RecordFailures {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        Objects.requireNonNull(backoff, "backoff");
    }

    /** Three retries (50 ms, then up to 100 and 200 ms apart), no dead-letter destination. */
    public static RecordFailures defaults() {
        return new RecordFailures(3, Backoff.defaults(), null);
    }

    public RecordFailures withRetries(int newRetries) {
        return new RecordFailures(newRetries, backoff, deadLetters);
    }

    public RecordFailures withDeadLetters(RecordHandler destination) {
        return new RecordFailures(retries, backoff, Objects.requireNonNull(destination, "destination"));
    }
}
