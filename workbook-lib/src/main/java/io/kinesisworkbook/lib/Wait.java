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
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new WorkbookException("Gave up waiting for " + what + " after " + timeout.toSeconds() + " s.");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkbookException("Interrupted while waiting for " + what + ".");
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
