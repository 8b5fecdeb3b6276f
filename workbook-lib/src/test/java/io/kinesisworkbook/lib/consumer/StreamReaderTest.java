package io.kinesisworkbook.lib.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.ManualClock;
import io.kinesisworkbook.lib.LocalAws;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.streams.Streams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

class StreamReaderTest {

    @Test
    void readingAcrossASplitAndAMergeKeepsEveryKeyInOrder() {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions().withoutThroughputLimits())) {
            Streams streams = new Streams(aws.kinesis);
            streams.create("resharded", 2);
            try (Producer producer = Producer.to(aws.kinesis, "resharded").build()) {
                write(producer, 0, 1000);
                producer.flush();
                streams.split("resharded", "shardId-000000000000");
                write(producer, 1000, 2000);
                producer.flush();
                streams.merge("resharded", "shardId-000000000002", "shardId-000000000003");
                write(producer, 2000, 3000);
            }
            List<ConsumedRecord> records = StreamReader.of(aws.kinesis, "resharded").build().readAvailable();
            assertThat(records).hasSize(3000);
            Map<String, List<Integer>> byKey = new LinkedHashMap<>();
            records.forEach(r -> byKey.computeIfAbsent(r.partitionKey(), k -> new ArrayList<>()).add(Integer.parseInt(r.text())));
            byKey.values().forEach(values -> assertThat(values).isSorted());
            assertThat(records.stream().map(ConsumedRecord::shardId).distinct())
                    .contains("shardId-000000000000", "shardId-000000000002", "shardId-000000000004");
        }
    }

    @Test
    void readAvailableReturnsWhileAProducerKeepsWriting() throws Exception {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions())) {
            new Streams(aws.kinesis).create("busy", 2);
            put(aws, "busy", "before");
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread producer = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    put(aws, "busy", "live-" + i);
                    LockSupport.parkNanos(5_000_000);   // 200 a second, within the shards' write limits
                }
            });
            producer.start();
            try {
                List<ConsumedRecord> read = assertTimeoutPreemptively(Duration.ofSeconds(30),
                        () -> StreamReader.of(aws.kinesis, "busy").build().readAvailable());
                assertThat(read).extracting(ConsumedRecord::text).contains("before");
            } finally {
                writing.set(false);
                producer.join();
            }
        }
    }

    @Test
    void fromLatestOnlyNewRecordsAreRead() {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions())) {
            new Streams(aws.kinesis).create("live", 2);
            put(aws, "live", "old");
            StreamReader reader = StreamReader.of(aws.kinesis, "live").from(ReadFrom.latest()).build();
            assertThat(reader.readAvailable()).isEmpty();
            put(aws, "live", "new");
            assertThat(reader.readAvailable()).extracting(ConsumedRecord::text).containsExactly("new");
            put(aws, "live", "streamed");
            assertThat(reader.stream().limit(1).toList()).extracting(ConsumedRecord::text).containsExactly("streamed");
        }
    }

    @Test
    void anExpiredIteratorIsReplacedAfterTheLastRecordRead() {
        ManualClock clock = new ManualClock();
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions().withClock(clock))) {
            new Streams(aws.kinesis).create("slow-reader", 1);
            put(aws, "slow-reader", "first");
            ShardReader reader = new ShardReader(aws.kinesis, "slow-reader", "shardId-000000000000",
                    ReadFrom.trimHorizon(), 10);
            assertThat(reader.poll()).extracting(ConsumedRecord::text).containsExactly("first");
            put(aws, "slow-reader", "second");
            clock.advance(Duration.ofMinutes(6));
            assertThat(reader.poll()).as("the expired iterator is dropped").isEmpty();
            assertThat(reader.poll()).extracting(ConsumedRecord::text).containsExactly("second");
        }
    }

    @Test
    void recordsDecodeAsJson() {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions())) {
            new Streams(aws.kinesis).create("json", 1);
            put(aws, "json", "{\"user\":\"ada\",\"clicks\":3}");
            ConsumedRecord record = StreamReader.of(aws.kinesis, "json").build().readAvailable().get(0);
            assertThat(record.json().get("clicks").asInt()).isEqualTo(3);
            assertThat(record.as(Click.class)).isEqualTo(new Click("ada", 3));
        }
    }

    record Click(String user, int clicks) {
    }

    static void write(Producer producer, int from, int to) {
        for (int i = from; i < to; i++) {
            producer.send("key-" + (i % 37), Integer.toString(i));
        }
    }

    static void put(LocalAws aws, String stream, String text) {
        aws.kinesis.putRecord(b -> b.streamName(stream).partitionKey(text).data(SdkBytes.fromUtf8String(text)));
    }
}
