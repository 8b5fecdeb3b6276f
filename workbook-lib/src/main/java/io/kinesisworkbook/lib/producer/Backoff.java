package io.kinesisworkbook.lib.producer;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: before retry {@code n}, wait a random time between zero and
 * {@code min(max, base * 2^n)}. The randomness spreads retries of many producers apart, so they do
 * not all hit a throttled shard again at the same instant (AWS's recommended scheme).
 */
public record Backoff(Duration base, Duration max) {

    public static Backoff defaults() {
        return new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    /** The longest wait before retry {@code attempt} (0 = the first retry). */
    public long ceilingMillis(int attempt) {
        long exponential = base.toMillis() << Math.min(attempt, 20);
        return Math.min(max.toMillis(), exponential);
    }

    public long delayMillis(int attempt) {
        return ThreadLocalRandom.current().nextLong(ceilingMillis(attempt) + 1);
    }
}
