package io.kinesisworkbook.emulator.kinesis;

import java.util.function.LongConsumer;

/**
 * A change that AWS makes over time: a stream stays CREATING, UPDATING or DELETING for a while, and
 * the change (new shards, a reshard) takes effect when the state ends. Transitions are settled
 * lazily, whenever the stream is next touched, against the emulator's clock: no timer threads, and
 * a test that moves the clock sees the change at once.
 */
final class Transition {

    private StreamStatus status;
    private long endsMillis;
    private LongConsumer change;

    Transition(StreamStatus initial) {
        this.status = initial;
    }

    StreamStatus status() {
        return status;
    }

    /** Enters {@code during} until {@code now + delay}, then applies {@code change} and becomes ACTIVE. */
    void begin(StreamStatus during, long now, long delayMillis, LongConsumer change) {
        if (delayMillis <= 0) {
            change.accept(now);
            status = StreamStatus.ACTIVE;
            return;
        }
        this.status = during;
        this.endsMillis = now + delayMillis;
        this.change = change;
    }

    /** Starts deleting; {@link #isGone} turns true once the delay has passed. */
    void beginDeleting(long now, long delayMillis) {
        status = StreamStatus.DELETING;
        endsMillis = now + delayMillis;
        change = null;
    }

    boolean isGone(long now) {
        return status == StreamStatus.DELETING && now >= endsMillis;
    }

    /** Applies a change whose time has come. */
    void settle(long now) {
        if (change != null && now >= endsMillis) {
            LongConsumer due = change;
            change = null;
            status = StreamStatus.ACTIVE;
            due.accept(endsMillis);
        }
    }
}
