package io.kinesisworkbook.emulator.cloudwatch;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.ManualClock;
import io.kinesisworkbook.emulator.SdkClients;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * One emulator per test class on a {@link ManualClock} (at a whole minute, so periods are easy to
 * reason about), and the SDK's CloudWatch client, which speaks Smithy RPC v2 CBOR.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CloudWatchTestBase {

    /** 2026-01-05T10:00:00Z. */
    static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    private static final AtomicInteger NAMES = new AtomicInteger();

    protected final ManualClock clock = new ManualClock(START);
    protected Emulator emulator;
    protected CloudWatchClient cloudWatch;

    @BeforeAll
    void startEmulator() {
        emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions().withClock(clock));
        cloudWatch = SdkClients.cloudWatch(emulator.endpoint());
    }

    @AfterAll
    void stopEmulator() {
        cloudWatch.close();
        emulator.close();
    }

    /** A namespace no other test uses. */
    protected static String newNamespace() {
        return "Workbook/Test" + NAMES.incrementAndGet();
    }
}
