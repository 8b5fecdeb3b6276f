package io.kinesisworkbook.lib.kcl;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.lib.Workbook;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.streams.Streams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A KCL 3.5.1 application on the embedded emulator, through the real KCL: two workers share the
 * shards, a crashed worker's shards move to the other one from the last checkpoint, and a reshard
 * is followed parents first; KCL's own metrics (MillisBehindLatest) reach the emulator's CloudWatch.
 * Every test ends with exactly the records produced processed at least once.
 */
class KclApplicationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static Workbook aws;
    private String stream;
    private KclApplication app;
    private int sent;

    @BeforeAll
    static void connect() {
        aws = Workbook.connect("embedded");
    }

    @BeforeEach
    void createStream() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        stream = "kcl-test-" + suffix;
        aws.streams().create(stream, 4);
        app = aws.kcl("kcl-test-app-" + suffix, stream).processor(record -> { }).build();
    }

    @AfterEach
    void stopAndCleanUp() {
        if (app == null) {
            return;
        }
        app.close();
        app.deleteLeaseTable();
        aws.streams().delete(stream);
    }

    @Test
    void twoWorkersShareTheShardsAndAGracefulShutdownHandsThemOnWithoutDuplicates() throws Exception {
        send(200);
        Instant start = Instant.now();
        KclWorker first = app.startWorker("worker-1");
        KclWorker second = app.startWorker("worker-2");

        awaitUnique(sent);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
        await("each worker to hold two of the four leases", () -> ownersCount("worker-1") == 2
                && ownersCount("worker-2") == 2);
        // KCL publishes its metrics through PutMetricData; the emulator's CloudWatch keeps them
        await("KCL's MillisBehindLatest per shard in CloudWatch", () -> aws.cloudWatchAsync()
                .listMetrics(b -> b.namespace(app.name()).metricName("MillisBehindLatest")).join().metrics().stream()
                .anyMatch(metric -> metric.dimensions().stream().anyMatch(d -> d.name().equals("ShardId"))));

        assertThat(first.shutdown(Duration.ofSeconds(60))).isTrue();
        assertThat(first.isRunning()).isFalse();
        await("worker-2 to hold all four leases", () -> ownersCount("worker-2") == 4);
        send(200);
        awaitUnique(sent);

        assertThat(app.processed().duplicateCount()).as("a graceful shutdown checkpoints first").isZero();
        assertThat(app.leases()).allSatisfy(lease -> assertThat(lease.checkpoint()).matches("\\d+"));
        assertThat(second.isRunning()).isTrue();
    }

    @Test
    void aCrashedWorkersShardsAreTakenOverFromTheLastCheckpoint() throws Exception {
        send(100);
        KclWorker first = app.startWorker("worker-1");
        app.startWorker("worker-2");
        awaitUnique(sent);
        await("each worker to hold two leases", () -> ownersCount("worker-1") == 2 && ownersCount("worker-2") == 2);

        first.crash();
        assertThat(first.isRunning()).isFalse();
        // The crashed worker's leases stay in its name until they expire, then the leader moves them.
        await("worker-2 to take worker-1's leases after they expired", () -> ownersCount("worker-2") == 4);
        send(100);
        awaitUnique(sent);

        List<ProcessedRecord> afterCrash = app.processed().all().stream()
                .filter(record -> record.worker().equals("worker-2")).toList();
        assertThat(afterCrash.stream().map(ProcessedRecord::shardId).collect(Collectors.toSet())).hasSize(4);
        assertThat(app.events()).anySatisfy(event -> assertThat(event.event()).isEqualTo("lease lost"));
    }

    @Test
    void afterASplitTheChildShardsAreProcessedOnceTheParentIsFinished() throws Exception {
        Streams streams = aws.streams();
        send(100);
        app.startWorker("worker-1");
        app.startWorker("worker-2");
        awaitUnique(sent);

        String parent = "shardId-000000000000";
        streams.split(stream, parent);
        send(400);
        awaitUnique(sent);

        List<LeaseRow> leases = app.leases();
        LeaseRow parentLease = leases.stream().filter(lease -> lease.leaseKey().equals(parent)).findFirst()
                .orElse(null);
        if (parentLease != null) {
            // KCL deletes a finished parent's lease only minutes after its children started.
            assertThat(parentLease.checkpoint()).isEqualTo("SHARD_END");
            assertThat(parentLease.childShards()).isEqualTo("shardId-000000000004, shardId-000000000005");
        }
        Set<String> children = Set.of("shardId-000000000004", "shardId-000000000005");
        assertThat(leases).filteredOn(lease -> children.contains(lease.leaseKey()))
                .hasSize(2)
                .allSatisfy(lease -> assertThat(lease.parentShards()).isEqualTo(parent));

        Instant parentDone = app.processed().all().stream().filter(record -> record.shardId().equals(parent))
                .map(ProcessedRecord::processedAt).max(Instant::compareTo).orElseThrow();
        Instant childrenStarted = app.processed().all().stream().filter(record -> children.contains(record.shardId()))
                .map(ProcessedRecord::processedAt).min(Instant::compareTo).orElseThrow();
        assertThat(childrenStarted).as("children wait for their parent's SHARD_END").isAfter(parentDone);
        assertThat(app.events()).anySatisfy(event -> {
            assertThat(event.shardId()).isEqualTo(parent);
            assertThat(event.event()).isEqualTo("shard ended");
        });
    }

    @Test
    void withEnhancedFanOutRecordsArePushedAcrossASplit() throws Exception {
        app.close();
        app.deleteLeaseTable();
        app = aws.kcl(app.name() + "-fan-out", stream).processor(record -> { }).retrieval(Retrieval.FAN_OUT).build();
        send(100);
        app.startWorker("worker-1");
        awaitUnique(sent);

        aws.streams().split(stream, "shardId-000000000001");
        send(200);
        awaitUnique(sent);

        assertThat(app.processed().countByShard()).containsKeys("shardId-000000000004", "shardId-000000000005");
        assertThat(aws.kinesis().listStreamConsumers(b -> b.streamARN(aws.streams().summary(stream).streamARN())).consumers())
                .as("KCL registered its own stream consumer").hasSize(1);
    }

    private void send(int records) {
        try (Producer producer = aws.producer(stream).build()) {
            for (int i = 0; i < records; i++) {
                producer.send("key-" + (sent + i), "{\"n\":" + (sent + i) + "}");
            }
        }
        sent += records;
    }

    private long ownersCount(String worker) {
        return app.leases().stream().filter(lease -> lease.owner().equals(worker) && lease.handingOverFrom().isEmpty())
                .count();
    }

    /** Waits until {@code unique} different records were processed, then checks they are exactly those sent. */
    private void awaitUnique(int unique) throws InterruptedException {
        assertThat(app.processed().awaitUnique(unique, PATIENCE))
                .as("%d different records processed within %s (processed %d, events %s)", unique, PATIENCE,
                        app.processed().uniqueCount(), app.events())
                .isTrue();
        Set<String> expected = IntStream.range(0, sent).mapToObj(n -> "{\"n\":" + n + "}").collect(Collectors.toSet());
        assertThat(app.processed().all().stream().map(ProcessedRecord::data).collect(Collectors.toSet()))
                .as("the records processed, at least once each, are exactly those produced").isEqualTo(expected);
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for %s; leases %s", PATIENCE, what, app.leases())
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
