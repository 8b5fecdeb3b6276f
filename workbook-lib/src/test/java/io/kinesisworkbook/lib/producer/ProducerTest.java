package io.kinesisworkbook.lib.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.LocalAws;
import io.kinesisworkbook.lib.consumer.ConsumedRecord;
import io.kinesisworkbook.lib.consumer.StreamReader;
import io.kinesisworkbook.lib.streams.Streams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The producer against an emulator that enforces AWS's per-shard limits, on the wall clock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProducerTest {

    LocalAws aws;
    Streams streams;

    @BeforeAll
    void start() {
        aws = new LocalAws(EmulatorOptions.defaults().withTransitionDelay(Duration.ofMillis(50)));
        streams = new Streams(aws.kinesis);
    }

    @AfterAll
    void stop() {
        aws.close();
    }

    @Test
    void fiveTimesOverloadDeliversEveryRecordExactlyOnce() {
        streams.create("overloaded", 1);
        int records = 5_000; // five seconds' worth for one shard, offered at once
        ProducerMetrics metrics;
        try (Producer producer = Producer.to(aws.kinesis, "overloaded").build()) {
            for (int i = 0; i < records; i++) {
                producer.send("key-" + (i % 50), "record-" + i);
            }
            producer.flush();
            metrics = producer.metrics();
        }
        assertThat(metrics.sent()).isEqualTo(records);
        assertThat(metrics.throttled()).as("the shard must have throttled").isGreaterThan(records);
        assertThat(metrics.retried()).isEqualTo(metrics.throttled());
        assertThat(metrics.gaveUp()).isZero();

        List<ConsumedRecord> read = StreamReader.of(aws.kinesis, "overloaded").build().readAvailable();
        Set<String> unique = new HashSet<>();
        read.forEach(r -> unique.add(r.text()));
        assertThat(read).hasSize(records);
        assertThat(unique).hasSize(records);
    }

    @Test
    void callsAndRetryRoundsAccountForEveryRecordAndEveryThrottle() {
        streams.create("rounds", 1);
        List<PutRecordsCall> calls;
        List<RetryRound> rounds;
        ProducerMetrics metrics;
        try (Producer producer = Producer.to(aws.kinesis, "rounds").build()) {
            for (int i = 0; i < 2_000; i++) {
                producer.send("key-" + (i % 50), "record-" + i);
            }
            producer.flush();
            calls = producer.calls();
            rounds = producer.retryRounds();
            metrics = producer.metrics();
        }
        assertThat(calls).hasSize((int) metrics.requests());
        assertThat(calls.get(0).call()).isEqualTo(1);
        assertThat(calls.get(0).retries()).isZero();
        assertThat(calls.get(0).backoffMillis()).isZero();
        assertThat(calls).allSatisfy(call -> assertThat(call.accepted() + call.throttled()).isEqualTo(call.records()));
        assertThat(calls.stream().mapToInt(PutRecordsCall::accepted).sum()).isEqualTo(2_000);
        assertThat(calls.stream().mapToInt(PutRecordsCall::throttled).sum()).isEqualTo((int) metrics.throttled());
        assertThat(calls.stream().filter(call -> call.retries() > 0)).isNotEmpty()
                .allSatisfy(call -> assertThat(call.backoffMillis()).isGreaterThanOrEqualTo(0));
        assertThat(PutRecordsCall.seconds(calls)).isSorted();
        double[] acceptedSoFar = PutRecordsCall.acceptedSoFar(calls);
        assertThat(acceptedSoFar[acceptedSoFar.length - 1]).isEqualTo(2_000);

        assertThat(rounds.get(0)).isEqualTo(new RetryRound(1, 2_000, rounds.get(0).accepted(), 2_000 - rounds.get(0).accepted()));
        assertThat(rounds.size()).as("two seconds' worth into one shard needs retries").isGreaterThan(1);
        for (int i = 1; i < rounds.size(); i++) {
            assertThat(rounds.get(i).offered()).as("round %d offers what round %d had throttled", i + 1, i)
                    .isEqualTo(rounds.get(i - 1).throttled());
        }
        assertThat(rounds.get(rounds.size() - 1).throttled()).isZero();
        assertThat(rounds.stream().mapToLong(RetryRound::accepted).sum()).isEqualTo(2_000);
    }

    @Test
    void putSpeedWritesEveryRecordItTimes() {
        streams.create("speed", 4);
        PutSpeed speed = PutSpeed.of(aws.kinesis, "speed").recordBytes(10);
        assertThat(speed.putRecord(20)).isPositive();
        assertThat(speed.putRecords(7, 30)).isPositive();   // 4 calls of 7 and one of 2
        List<ConsumedRecord> read = StreamReader.of(aws.kinesis, "speed").build().readAvailable();
        assertThat(read).hasSize(50).allSatisfy(record -> assertThat(record.data()).hasSize(10));
        assertThat(read.stream().map(ConsumedRecord::partitionKey).distinct()).hasSize(50);
        assertThatThrownBy(() -> speed.putRecords(501, 1_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepingOrderPerKeySurvivesThrottling() {
        streams.create("ordered", 1);
        try (Producer producer = Producer.to(aws.kinesis, "ordered").keepOrderPerKey().build()) {
            for (int i = 0; i < 3_000; i++) {
                producer.send("key-" + (i % 20), Integer.toString(i));
            }
        }
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (ConsumedRecord record : StreamReader.of(aws.kinesis, "ordered").build().readAvailable()) {
            byKey.computeIfAbsent(record.partitionKey(), k -> new ArrayList<>()).add(Integer.parseInt(record.text()));
        }
        assertThat(byKey).hasSize(20);
        byKey.values().forEach(values -> assertThat(values).hasSize(150).isSorted());
    }

    @Test
    void batchesHoldAtMost500RecordsAndFiveMebibytes() {
        streams.create("batches", 4);
        try (Producer producer = Producer.to(aws.kinesis, "batches").build()) {
            for (int i = 0; i < 1_200; i++) {
                producer.send("k" + i, new byte[10]);
            }
            producer.flush();
            assertThat(producer.metrics().requests()).isEqualTo(3);
        }
        try (Producer producer = Producer.to(aws.kinesis, "batches").build()) {
            for (int i = 0; i < 12; i++) {
                producer.send("k" + i, new byte[1024 * 1024 - 100]); // twelve near-1 MiB records: 5 a request
            }
            producer.flush();
            assertThat(producer.metrics().sent()).isEqualTo(12);
            assertThat(producer.metrics().requests()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void backoffGrowsExponentiallyUpToItsCeiling() {
        Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2));
        assertThat(backoff.ceilingMillis(0)).isEqualTo(50);
        assertThat(backoff.ceilingMillis(3)).isEqualTo(400);
        assertThat(backoff.ceilingMillis(10)).isEqualTo(2000);
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.delayMillis(2)).isBetween(0L, 200L);
        }
    }
}
