package io.kinesisworkbook.emulator.kinesis;

/**
 * A token bucket: refills at {@code ratePerSecond} up to one second's worth. It models AWS's
 * per-shard limits (1,000 records/s and 1 MiB/s in; 5 GetRecords calls/s and 2 MiB/s out),
 * including the short bursts AWS lets through.
 */
final class ThroughputBucket {

    private final double ratePerSecond;
    private double tokens;
    private long lastRefillMillis;

    ThroughputBucket(double ratePerSecond, long nowMillis) {
        this.ratePerSecond = ratePerSecond;
        this.tokens = ratePerSecond;
        this.lastRefillMillis = nowMillis;
    }

    /**
     * Takes {@code amount} if the bucket holds it. An amount larger than the whole bucket (a 10 MiB
     * record on a 1 MiB/s shard) is let through once the bucket is full, and leaves it in debt.
     */
    boolean tryTake(double amount, long nowMillis) {
        if (canTake(amount, nowMillis)) {
            tokens -= amount;
            return true;
        }
        return false;
    }

    boolean canTake(double amount, long nowMillis) {
        refill(nowMillis);
        return tokens >= Math.min(amount, ratePerSecond);
    }

    /** True while the bucket is not in debt: reads check first, then pay for what they returned. */
    boolean canSpend(long nowMillis) {
        refill(nowMillis);
        return tokens > 0;
    }

    void spend(double amount, long nowMillis) {
        refill(nowMillis);
        tokens -= amount;
    }

    private void refill(long nowMillis) {
        long elapsed = nowMillis - lastRefillMillis;
        if (elapsed > 0) {
            tokens = Math.min(ratePerSecond, tokens + ratePerSecond * elapsed / 1000.0);
            lastRefillMillis = nowMillis;
        }
    }
}
