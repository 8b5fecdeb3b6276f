package io.kinesisworkbook.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when a test moves it. */
public final class ManualClock implements EmulatorClock {

    private final AtomicLong millis;

    public ManualClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    /** Starts at the current wall-clock time, so timestamps still look real. */
    public ManualClock() {
        this(Instant.now());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward, not by " + by);
        }
        millis.addAndGet(by.toMillis());
    }
}
