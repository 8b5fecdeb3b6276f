package io.kinesisworkbook.lib;

import io.kinesisworkbook.lib.backend.WorkbookException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition instead of sleeping a fixed time and hoping:
 * <pre>{@code
 * Wait.until("both sides to process every event", Duration.ofMinutes(1),
 *         () -> batch.size() == made && stream.size() == made);
 * }</pre>
 * A fast machine goes on as soon as the condition holds; a slow one gets the whole, generous,
 * timeout. Only when that passes does it fail, saying what it was waiting for.
 */
public final class Wait {

    private static final Duration POLL = Duration.ofMillis(20);

    private Wait() {
    }

    /** Returns how long the condition took to hold; throws once {@code timeout} has passed without it. */
    public static Duration until(String what, Duration timeout, BooleanSupplier condition) {
        return until(what, timeout, POLL, condition);
    }

    /**
     * The same, asking every {@code poll}: slower for a condition that costs an API call, such as a
     * stream's status (DescribeStreamSummary allows 20 calls a second per account on AWS).
     */
    public static Duration until(String what, Duration timeout, Duration poll, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new WorkbookException("Gave up waiting for " + what + " after " + describe(timeout) + ".");
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkbookException("Interrupted while waiting for " + what + ".");
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** "5 minutes", "90 s": how a person says a timeout. */
    private static String describe(Duration timeout) {
        return timeout.toSeconds() % 60 == 0 && timeout.toMinutes() > 0
                ? timeout.toMinutes() + (timeout.toMinutes() == 1 ? " minute" : " minutes")
                : timeout.toSeconds() + " s";
    }
}
