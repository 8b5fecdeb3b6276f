package io.kinesisworkbook.emulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * One emulator per test class, with AWS's limits and a 500 ms CREATING/UPDATING period, on a
 * {@link ManualClock}: tests move time instead of sleeping. Subclasses choose the wire encoding.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KinesisTestBase {

    private static final AtomicInteger NAMES = new AtomicInteger();

    protected final SdkClients.Wire wire;
    protected ManualClock clock;
    protected Emulator emulator;
    protected KinesisClient kinesis;

    protected KinesisTestBase(SdkClients.Wire wire) {
        this.wire = wire;
    }

    protected EmulatorOptions options() {
        return EmulatorOptions.defaults().withClock(clock);
    }

    @BeforeAll
    void startEmulator() {
        clock = new ManualClock();
        emulator = Emulator.start(options());
        kinesis = SdkClients.kinesis(emulator.endpoint(), wire);
    }

    @AfterAll
    void stopEmulator() {
        kinesis.close();
        emulator.close();
    }

    /** A stream name no other test uses. */
    protected String newStreamName() {
        return "stream-" + NAMES.incrementAndGet();
    }

    /** Moves the clock past the end of any transition. */
    protected void settle() {
        clock.advance(EmulatorOptions.DEFAULT_TRANSITION_DELAY.plus(Duration.ofMillis(1)));
    }

    /** Creates a stream and moves time until it is ACTIVE. */
    protected String activeStream(int shards) {
        String name = newStreamName();
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        settle();
        StreamStatus status = kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus();
        if (status != StreamStatus.ACTIVE) {
            throw new IllegalStateException(name + " is " + status + " after its transition");
        }
        return name;
    }
}
