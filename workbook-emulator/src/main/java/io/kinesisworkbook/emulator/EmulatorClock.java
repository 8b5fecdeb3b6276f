package io.kinesisworkbook.emulator;

import java.time.Instant;

/**
 * The one source of time for every service in the emulator.
 *
 * <p>Iterator expiry, retention, state transitions, throughput buckets and metric periods all read
 * this clock, so a test can move time with {@link ManualClock} instead of sleeping.
 */
public interface EmulatorClock {

    /** Milliseconds since the epoch. */
    long millis();

    default Instant now() {
        return Instant.ofEpochMilli(millis());
    }

    /** The wall clock. */
    static EmulatorClock system() {
        return System::currentTimeMillis;
    }
}
