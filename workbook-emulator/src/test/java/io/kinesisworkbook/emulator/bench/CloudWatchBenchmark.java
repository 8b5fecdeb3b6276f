package io.kinesisworkbook.emulator.bench;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.ManualClock;
import io.kinesisworkbook.emulator.SdkClients;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * CloudWatch in the emulator, measured (a main that prints numbers, not a timed test):
 *
 * <ol>
 *   <li>GetMetricData of the talk's five graphs (GetRecords.Bytes, GetRecords.IteratorAgeMilliseconds,
 *       GetRecords.Latency, IncomingBytes, IncomingRecords) over one hour at one-second resolution,
 *       through the SDK (RPC v2 CBOR): 5 x 3,600 values a call. Target: 50 ms.</li>
 *   <li>Memory of one hour of one-second metrics for 100 streams of 4 shards, each second one
 *       PutRecords a stream and one GetRecords a shard, enhanced monitoring on (ALL): the values the
 *       Kinesis service publishes for those calls, written into the store as it writes them.</li>
 *   <li>PutRecords throughput with the services' metrics on and off ({@link EmulatorOptions#withoutServiceMetrics()}),
 *       alternating rounds, one client, 500 x 100 B records a call, throughput limits off. Target: at most 5% lower with them on.</li>
 * </ol>
 */
public final class CloudWatchBenchmark {

    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    private static final String[] DASHBOARD = {"GetRecords.Bytes", "GetRecords.IteratorAgeMilliseconds",
            "GetRecords.Latency", "IncomingBytes", "IncomingRecords"};
    private static final String[] DASHBOARD_STATS = {"Sum", "Maximum", "Average", "Sum", "Sum"};

    private CloudWatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("CloudWatch in the emulator: benchmark");
        System.out.println();
        dashboardQuery();
        memory();
        putRecordsCost(args.length > 0 ? Integer.parseInt(args[0]) : 9);
    }

    // ---- 1. the dashboard's GetMetricData -------------------------------------------------------

    private static void dashboardQuery() {
        ManualClock clock = new ManualClock(START);
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withClock(clock));
             CloudWatchClient cloudWatch = SdkClients.cloudWatch(emulator.endpoint())) {
            Random random = new Random(1);
            InMemoryMetrics store = emulator.metrics();
            for (int second = 0; second < 3600; second++) {
                long at = START.toEpochMilli() + second * 1000L;
                clock.advance(Duration.ofSeconds(1));
                publishStreamSecond(store, "dashboard", 4, at, random);
            }
            List<MetricDataQuery> queries = new ArrayList<>();
            for (int i = 0; i < DASHBOARD.length; i++) {
                String metric = DASHBOARD[i];
                String stat = DASHBOARD_STATS[i];
                queries.add(MetricDataQuery.builder().id("m" + i).metricStat(s -> s.period(1).stat(stat)
                        .metric(m -> m.namespace("AWS/Kinesis").metricName(metric)
                                .dimensions(d -> d.name("StreamName").value("dashboard")))).build());
            }
            double[] millis = new double[60];
            int values = 0;
            for (int i = -20; i < millis.length; i++) {
                long started = System.nanoTime();
                GetMetricDataResponse response = cloudWatch.getMetricData(b -> b.startTime(START)
                        .endTime(START.plusSeconds(3600)).metricDataQueries(queries));
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - started) / 1e6;
                }
                values = response.metricDataResults().stream().mapToInt(r -> r.values().size()).sum();
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "1. GetMetricData, 5 dashboard metrics x 1 hour at 1 s (%,d values), SDK over "
                            + "HTTP, 60 calls after 20 of warm-up: median %.1f ms, p95 %.1f ms, max %.1f ms (target 50 ms)%n%n",
                    values, millis[30], millis[56], millis[59]);
        }
    }

    // ---- 2. memory ------------------------------------------------------------------------------

    private static void memory() {
        ManualClock clock = new ManualClock(START);
        long before = heapUsed();
        InMemoryMetrics store = new InMemoryMetrics(clock, InMemoryMetrics.DEFAULT_RETENTION);
        Random random = new Random(2);
        int streams = 100;
        int shards = 4;
        long started = System.nanoTime();
        for (int second = 0; second < 3600; second++) {
            long at = START.toEpochMilli() + second * 1000L;
            clock.advance(Duration.ofSeconds(1));
            for (int s = 0; s < streams; s++) {
                publishStreamSecond(store, "stream-" + s, shards, at, random);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long after = heapUsed();
        System.out.printf(Locale.ROOT, "2. Memory: %d streams x %d shards x 1 hour at 1 s, enhanced monitoring on: %,d series, "
                        + "%.1f MiB of heap (%.1f MiB by the store's own count), filled in %.1f s%n%n",
                streams, shards, store.seriesCount(), (after - before) / 1048576.0, store.footprintBytes() / 1048576.0,
                seconds);
        if (store.seriesCount() < 0) {
            System.out.println(store); // keeps the store reachable until measured
        }
    }

    /**
     * One second of a stream, as the Kinesis service publishes it: one PutRecords (100 to 500
     * records) and one GetRecords a shard, with stream- and shard-level metrics.
     */
    private static void publishStreamSecond(InMemoryMetrics store, String stream, int shards, long at, Random random) {
        Map<String, String> dims = Map.of("StreamName", stream);
        int records = 100 + random.nextInt(400);
        long bytes = records * (200L + random.nextInt(100));
        store.publish("AWS/Kinesis", "IncomingRecords", dims, records, "Count", at);
        store.publish("AWS/Kinesis", "IncomingBytes", dims, bytes, "Bytes", at);
        store.publish("AWS/Kinesis", "PutRecords.Records", dims, records, "Count", at);
        store.publish("AWS/Kinesis", "PutRecords.Bytes", dims, bytes, "Bytes", at);
        store.publish("AWS/Kinesis", "PutRecords.TotalRecords", dims, records, "Count", at);
        store.publish("AWS/Kinesis", "PutRecords.SuccessfulRecords", dims, records, "Count", at);
        store.publish("AWS/Kinesis", "PutRecords.FailedRecords", dims, 0, "Count", at);
        store.publish("AWS/Kinesis", "PutRecords.ThrottledRecords", dims, 0, "Count", at);
        store.publish("AWS/Kinesis", "PutRecords.Success", dims, 1, "Count", at);
        store.publish("AWS/Kinesis", "PutRecords.Latency", dims, latency(random), "Milliseconds", at);
        for (int shard = 0; shard < shards; shard++) {
            Map<String, String> shardDims = Map.of("StreamName", stream, "ShardId", "shardId-00000000000" + shard);
            int out = records / shards;
            long outBytes = bytes / shards;
            long age = random.nextInt(2000);
            store.publish("AWS/Kinesis", "GetRecords.Records", dims, out, "Count", at);
            store.publish("AWS/Kinesis", "GetRecords.Bytes", dims, outBytes, "Bytes", at);
            store.publish("AWS/Kinesis", "GetRecords.Success", dims, 1, "Count", at);
            store.publish("AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", dims, age, "Milliseconds", at);
            store.publish("AWS/Kinesis", "GetRecords.Latency", dims, latency(random), "Milliseconds", at);
            store.publish("AWS/Kinesis", "IncomingRecords", shardDims, out, "Count", at);
            store.publish("AWS/Kinesis", "IncomingBytes", shardDims, outBytes, "Bytes", at);
            store.publish("AWS/Kinesis", "OutgoingRecords", shardDims, out, "Count", at);
            store.publish("AWS/Kinesis", "OutgoingBytes", shardDims, outBytes, "Bytes", at);
            store.publish("AWS/Kinesis", "IteratorAgeMilliseconds", shardDims, age, "Milliseconds", at);
        }
    }

    /** A latency as the services measure it: milliseconds to the microsecond. */
    private static double latency(Random random) {
        return Math.round((0.2 + random.nextDouble() * 3) * 1000) / 1000.0;
    }

    private static long heapUsed() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---- 3. what recording costs PutRecords -----------------------------------------------------

    private static void putRecordsCost(int rounds) throws Exception {
        List<PutRecordsRequestEntry> batch = new ArrayList<>();
        byte[] data = new byte[100];
        for (int i = 0; i < 500; i++) {
            batch.add(PutRecordsRequestEntry.builder().partitionKey("key-" + i).data(SdkBytes.fromByteArray(data)).build());
        }
        EmulatorOptions base = EmulatorOptions.defaults().withoutThroughputLimits().withInstantTransitions();
        try (Emulator on = Emulator.start(base); Emulator off = Emulator.start(base.withoutServiceMetrics());
             KinesisClient onClient = SdkClients.kinesis(on.endpoint(), SdkClients.Wire.CBOR);
             KinesisClient offClient = SdkClients.kinesis(off.endpoint(), SdkClients.Wire.CBOR)) {
            createActive(onClient);
            createActive(offClient);
            putFor(onClient, batch, 3);   // warm-up
            putFor(offClient, batch, 3);
            double[] withMetrics = new double[rounds];
            double[] without = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                withMetrics[round] = putFor(onClient, batch, 2);
                without[round] = putFor(offClient, batch, 2);
            }
            double medianOn = median(withMetrics);
            double medianOff = median(without);
            System.out.printf(Locale.ROOT, "3. PutRecords, 500 x 100 B a call, one client (CBOR), limits off, %d alternating "
                            + "rounds of 2 s: metrics on %,.0f records/s, off %,.0f records/s (medians): recording costs "
                            + "%.1f%% (target at most 5%%)%n", rounds, medianOn, medianOff, 100 * (1 - medianOn / medianOff));
        }
    }

    private static void createActive(KinesisClient kinesis) throws InterruptedException {
        kinesis.createStream(b -> b.streamName("bench").shardCount(1));
        while (kinesis.describeStreamSummary(b -> b.streamName("bench")).streamDescriptionSummary().streamStatus()
                != StreamStatus.ACTIVE) {
            Thread.sleep(10);
        }
    }

    private static double putFor(KinesisClient kinesis, List<PutRecordsRequestEntry> batch, double seconds) {
        long records = 0;
        long started = System.nanoTime();
        long end = started + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            records += batch.size() - kinesis.putRecords(b -> b.streamName("bench").records(batch)).failedRecordCount();
        }
        return records / ((System.nanoTime() - started) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
