package io.kinesisworkbook.lib.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.lib.LocalBackends;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.streams.Streams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The same library calls on LocalStack and Floci: one already answering at {@code WORKBOOK_ENDPOINT}
 * (LocalStack's Kinesis engine, kinesis-mock, stands in for LocalStack), or one Testcontainers
 * starts where Docker is. Skipped, with the reason printed, where neither is.
 */
class LocalEmulatorContainersTest {

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"LOCALSTACK", "FLOCI"})
    void createProduceAndDescribe(Backend backend) {
        LocalBackends.require(backend);
        Connection connection = Backends.connect(backend, Settings.current());
        String stream = "local-backend-" + System.nanoTime() % 1_000_000;
        try (KinesisClient kinesis = new AwsClients(connection).kinesis()) {
            Streams streams = new Streams(kinesis);
            streams.create(stream, 2);
            try (Producer producer = Producer.to(kinesis, stream).build()) {
                for (int i = 0; i < 100; i++) {
                    producer.send("k" + i, "v" + i);
                }
            }
            assertThat(streams.describe(stream).rowCount()).isEqualTo(2);
            streams.delete(stream);
        }
    }
}
