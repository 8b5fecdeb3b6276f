package io.kinesisworkbook.lib.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.LocalAws;
import io.kinesisworkbook.lib.Wait;
import io.kinesisworkbook.lib.data.Clickstream;
import io.kinesisworkbook.lib.producer.BackgroundProducer;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.streams.Streams;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A background producer and a consumer group that slows down and scales while records flow. */
class ConsumerGroupTest {

    @Test
    void workersShareTheShardsAndScalingLosesOrRepeatsNothing() {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions().withoutThroughputLimits())) {
            new Streams(aws.kinesis).create("group", 4);
            Clickstream clicks = Clickstream.seeded(3);
            BackgroundProducer producer = BackgroundProducer.start(Producer.to(aws.kinesis, "group").build(), clicks::next, 400);
            ConsumerGroup consumers = ConsumerGroup.reading(aws.kinesis, "group").workers(1)
                    .workPerRecord(Duration.ofMillis(1)).start();

            Wait.until("the first records to be read", Duration.ofSeconds(30), () -> consumers.read() >= 100);
            consumers.workPerRecord(Duration.ZERO).scaleTo(4);
            Wait.until("a few more records to be made", Duration.ofSeconds(30), () -> producer.made() >= 300);
            producer.close();
            long made = producer.made();
            Wait.until("every record to be read", Duration.ofSeconds(30), () -> consumers.read() >= made);
            Wait.until("the readers to be caught up", Duration.ofSeconds(30), () -> consumers.millisBehindLatest() == 0);
            consumers.close();

            assertThat(producer.metrics().sent()).as("every record made was accepted").isEqualTo(made);
            assertThat(consumers.read()).as("each record read exactly once across the scaling").isEqualTo(made);
            assertThat(consumers.workers()).isZero();
            assertThat(consumers.shards()).isEqualTo(4);
            assertThatThrownBy(() -> consumers.scaleTo(5)).hasMessageContaining("one per shard at most");
        }
    }

    @Test
    void aGroupDescribesItself() {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions())) {
            new Streams(aws.kinesis).create("described", 2);
            try (ConsumerGroup consumers = ConsumerGroup.reading(aws.kinesis, "described").workers(2)
                    .workPerRecord(Duration.ofMillis(20)).start()) {
                assertThat(consumers.toString()).startsWith("2 workers on 2 shards, 20 ms a record, 0 records read, ");
            }
        }
    }
}
