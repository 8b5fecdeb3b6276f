package io.kinesisworkbook.lib.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.lib.Skip;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.streams.Streams;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The same library calls on LocalStack and Floci, started by Testcontainers. Skipped, with the
 * reason printed, where there is no Docker (the embedded backend's tests cover the same paths).
 */
class LocalEmulatorContainersTest {

    @BeforeAll
    static void requireDocker() {
        Skip.unless(LocalEmulators.dockerAvailable(), "no Docker engine here, so LocalStack and Floci cannot be started; "
                + "the embedded backend's tests cover the same library paths");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"LOCALSTACK", "FLOCI"})
    void createProduceAndDescribeOnAContainer(Backend backend) {
        if (backend == Backend.LOCALSTACK) {
            Skip.unless(System.getenv("LOCALSTACK_AUTH_TOKEN") != null,
                    "LocalStack's image needs LOCALSTACK_AUTH_TOKEN since March 2026");
        }
        Properties none = new Properties();
        // An endpoint nothing listens on, so a container is started rather than something found.
        Settings settings = new Settings(Map.of("WORKBOOK_ENDPOINT", "http://127.0.0.1:1"), none, none);
        Connection connection = Backends.connect(backend, settings);
        try (KinesisClient kinesis = new AwsClients(connection).kinesis()) {
            Streams streams = new Streams(kinesis);
            streams.create("containers", 2);
            try (Producer producer = Producer.to(kinesis, "containers").build()) {
                for (int i = 0; i < 100; i++) {
                    producer.send("k" + i, "v" + i);
                }
            }
            assertThat(streams.describe("containers").rowCount()).isEqualTo(2);
        }
    }
}
