package io.kinesisworkbook.lib.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.LocalAws;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.streams.Streams;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacedConsumerTest {

    @Test
    void twoConsumersEachReadEverythingAtTheirOwnPaceAndNoteTheirProgress() {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions().withoutThroughputLimits())) {
            new Streams(aws.kinesis).create("paced", 2);
            try (Producer producer = Producer.to(aws.kinesis, "paced").build()) {
                for (int i = 0; i < 600; i++) {
                    producer.send("key-" + i, Integer.toString(i));
                }
            }
            AtomicInteger handled = new AtomicInteger();

            PacedConsumer quick = PacedConsumer.of("quick", StreamReader.of(aws.kinesis, "paced").build())
                    .onRecord(record -> handled.incrementAndGet()).readUntil(600);
            PacedConsumer slow = PacedConsumer.of("slow", StreamReader.of(aws.kinesis, "paced").limitPerCall(100).build())
                    .workPerBatch(Duration.ofMillis(20)).readUntil(600);

            assertThat(quick.read()).isEqualTo(600);
            assertThat(slow.read()).as("reading did not take anything away from the other consumer").isEqualTo(600);
            assertThat(handled).hasValue(600);
            assertThat(slow.recordsRead()).startsWith(0.0).endsWith(600.0).isSorted();
            assertThat(slow.seconds()).isSorted().hasSameSizeAs(slow.recordsRead());
            assertThat(slow.seconds().length).as("a note per poll: 300 records a shard, 100 a call").isGreaterThanOrEqualTo(4);
            assertThat(slow.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        }
    }
}
