package io.kinesisworkbook.flink;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.backend.AwsClients;
import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.Connection;
import io.kinesisworkbook.lib.consumer.ConsumedRecord;
import io.kinesisworkbook.lib.consumer.StreamReader;
import io.kinesisworkbook.lib.data.StreamEvent;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.streams.Streams;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** An emulator, clients built as the library builds them, and a Flink cluster, for one test class. */
final class FlinkFixture implements AutoCloseable {

    final Emulator emulator;
    final Connection connection;
    final KinesisClient kinesis;
    final EmbeddedFlink flink;

    FlinkFixture(EmulatorOptions options, String clusterName) {
        emulator = Emulator.start(options);
        connection = new Connection(Backend.EMBEDDED, Optional.of(emulator.endpoint()), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), Integer.MAX_VALUE);
        kinesis = new AwsClients(connection).kinesis();
        flink = EmbeddedFlink.start(Path.of("target", clusterName));
    }

    StreamingSql session() {
        return StreamingSql.on(connection, kinesis, flink);
    }

    void stream(String name, int shards) {
        new Streams(kinesis).create(name, shards);
    }

    void put(String stream, List<? extends StreamEvent> events) {
        try (Producer producer = Producer.to(kinesis, stream).build()) {
            events.forEach(producer::send);
        }
    }

    List<ConsumedRecord> read(String stream) {
        return StreamReader.of(kinesis, stream).build().readAvailable();
    }

    @Override
    public void close() {
        flink.close();
        kinesis.close();
        emulator.close();
    }
}
