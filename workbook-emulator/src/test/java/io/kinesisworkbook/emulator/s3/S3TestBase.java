package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.s3.S3Client;

/** One emulator per test class and a real SDK S3 client on it, path-style, default checksums, no retries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class S3TestBase {

    private static final AtomicInteger NAMES = new AtomicInteger();

    protected Emulator emulator;
    protected S3Client s3;

    @BeforeAll
    void startEmulator() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        s3 = SdkClients.s3(emulator.endpoint());
    }

    @AfterAll
    void stopEmulator() {
        s3.close();
        emulator.close();
    }

    /** A new, empty bucket. */
    protected String newBucket() {
        String bucket = "bucket-" + NAMES.incrementAndGet();
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }
}
