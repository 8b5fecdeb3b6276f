package io.kinesisworkbook.lib.metrics;

import io.kinesisworkbook.emulator.ManualClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The emulator's manual clock as a java.time.Clock, so the library's ranges end where the emulator's time is. */
final class EmulatorTime extends Clock {

    private final ManualClock clock;

    EmulatorTime(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public Instant instant() {
        return clock.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
