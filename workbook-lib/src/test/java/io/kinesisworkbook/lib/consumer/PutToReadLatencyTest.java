package io.kinesisworkbook.lib.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.backend.AwsClients;
import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.Connection;
import io.kinesisworkbook.lib.streams.Streams;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Polling readers and fan-out subscribers of one shard, each receiving every record, against the emulator. */
class PutToReadLatencyTest {

    @Test
    void everyConsumerReceivesEveryRecordAndFanOutConsumersAreDeregisteredAfterwards() {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions())) {
            AwsClients clients = new AwsClients(new Connection(Backend.EMBEDDED, Optional.of(emulator.endpoint()),
                    Region.US_EAST_1, StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                    Integer.MAX_VALUE));
            try (KinesisClient kinesis = clients.kinesis(); KinesisAsyncClient kinesisAsync = clients.kinesisAsync()) {
                new Streams(kinesis).create("latency", 1);
                PutToReadLatency race = PutToReadLatency.on(kinesis, kinesisAsync, "latency")
                        .records(10, Duration.ofMillis(20));

                ConsumerLatency polled = race.polling(3);
                assertThat(polled.consumers()).isEqualTo(3);
                assertThat(polled.deliveries()).as("each of 3 readers got each of 10 records").isEqualTo(30);
                assertThat(polled.medianMillis()).isPositive().isLessThanOrEqualTo(polled.p90Millis());

                ConsumerLatency pushed = race.fanOut(2);
                assertThat(pushed.deliveries()).as("each of 2 subscribers got each of 10 records").isEqualTo(20);
                assertThat(pushed.medianMillis()).isPositive().isLessThanOrEqualTo(pushed.p90Millis());
                String arn = kinesis.describeStreamSummary(b -> b.streamName("latency")).streamDescriptionSummary().streamARN();
                assertThat(kinesis.listStreamConsumers(b -> b.streamARN(arn)).consumers())
                        .allSatisfy(consumer -> assertThat(consumer.consumerStatusAsString()).isNotEqualTo("ACTIVE"));

                assertThat(race.fanOut(1).deliveries()).as("a second run registers consumers of its own").isEqualTo(10);
            }
        }
    }
}
