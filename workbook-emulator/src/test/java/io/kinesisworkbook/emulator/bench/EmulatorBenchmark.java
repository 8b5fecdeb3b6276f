package io.kinesisworkbook.emulator.bench;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Measures the embedded emulator and, when {@code KINESIS_MOCK_ENDPOINT} is set (see
 * {@code tools/kinesis-mock/run-isolated.sh}), kinesis-mock side by side, in one run:
 * start-up to the first answered call, PutRecords throughput into an empty shard and into a full
 * one, put-to-get latency with a polling reader, and memory with a million records stored.
 *
 * <p>Run with {@code ./workbook bench}. Options: {@code --stored N} (records the emulator's shard
 * holds before the second throughput run; default 1,000,000), {@code --mock-stored N} (the same for
 * kinesis-mock; default 10,000, as its writes are hundreds of times slower), {@code --seconds S}
 * (each throughput run; default 5) and {@code --embedded-only}.
 */
public final class EmulatorBenchmark {

    private static final int BATCH = 500;
    private static final int RECORD_BYTES = 100;
    private static final int LATENCY_SAMPLES = 500;

    record Target(String name, URI endpoint, long startupMillis, long storedRecords, Runnable close, MemoryProbe memory) {
    }

    interface MemoryProbe {
        String describe();
    }

    public static void main(String[] args) throws Exception {
        long emulatorStored = option(args, "--stored", 1_000_000);
        long mockStored = option(args, "--mock-stored", 10_000);
        double seconds = option(args, "--seconds", 5);
        boolean embeddedOnly = Arrays.asList(args).contains("--embedded-only");
        System.out.printf(Locale.ROOT, "Kinesis emulator benchmark: %d x %d B records per PutRecords, one client (CBOR)%n%n",
                BATCH, RECORD_BYTES);

        List<String[]> rows = new ArrayList<>();
        Target embedded = startEmbedded(emulatorStored);
        rows.add(measure(embedded, seconds));
        embedded.close().run();

        String mockEndpoint = System.getenv("KINESIS_MOCK_ENDPOINT");
        if (mockEndpoint != null && !embeddedOnly) {
            long startup = Long.parseLong(System.getenv().getOrDefault("KINESIS_MOCK_STARTUP_MS", "-1"));
            String pid = System.getenv("KINESIS_MOCK_PID");
            rows.add(measure(new Target("kinesis-mock 0.6.2 (node)", URI.create(mockEndpoint), startup, mockStored,
                    () -> { }, () -> pid == null ? "n/a" : rssOf(pid) + " RSS"), seconds));
        } else {
            System.out.println("kinesis-mock not measured: KINESIS_MOCK_ENDPOINT is not set (run ./workbook bench).");
        }
        print(rows);
    }

    private static Target startEmbedded(long stored) {
        long started = System.nanoTime();
        Emulator emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions().withoutThroughputLimits());
        try (KinesisClient kinesis = SdkClients.kinesis(emulator.endpoint(), SdkClients.Wire.CBOR)) {
            kinesis.listStreams();
        }
        long startup = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new Target("embedded emulator (in-process)", emulator.endpoint(), startup, stored, emulator::close,
                EmulatorBenchmark::heapUsed);
    }

    private static String[] measure(Target target, double seconds) throws Exception {
        System.out.println("== " + target.name() + " at " + target.endpoint());
        try (KinesisClient kinesis = SdkClients.kinesis(target.endpoint(), SdkClients.Wire.CBOR)) {
            String stream = "bench-" + System.nanoTime();
            createActive(kinesis, stream);
            List<PutRecordsRequestEntry> batch = batch();
            long stored = putFor(kinesis, stream, batch, 1.0).accepted(); // warm-up: JIT, connections
            Rate emptyRun = putFor(kinesis, stream, batch, seconds);
            double empty = emptyRun.perSecond();
            System.out.printf(Locale.ROOT, "  PutRecords into an empty shard: %,.0f records/s%n", empty);
            long filled = fill(kinesis, stream, batch, target.storedRecords(), stored + emptyRun.accepted());
            String memory = target.memory().describe();
            double full = putFor(kinesis, stream, batch, seconds).perSecond();
            System.out.printf(Locale.ROOT, "  PutRecords with %,d records stored: %,.0f records/s (%+.0f%%)%n",
                    filled, full, (full - empty) / empty * 100);
            System.out.println("  memory with those records stored: " + memory);
            double[] latency = putToGetLatency(kinesis, stream);
            System.out.printf(Locale.ROOT, "  put-to-get latency: p50 %.2f ms, p99 %.2f ms%n", latency[0], latency[1]);
            return new String[] {target.name(),
                    target.startupMillis() < 0 ? "n/a" : target.startupMillis() + " ms",
                    String.format(Locale.ROOT, "%,.0f", empty),
                    String.format(Locale.ROOT, "%,.0f @ %,d stored", full, filled),
                    String.format(Locale.ROOT, "%.2f / %.2f ms", latency[0], latency[1]),
                    memory + " @ " + String.format(Locale.ROOT, "%,d", filled)};
        }
    }

    private static void createActive(KinesisClient kinesis, String stream) throws InterruptedException {
        kinesis.createStream(b -> b.streamName(stream).shardCount(1));
        while (kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary().streamStatus()
                != StreamStatus.ACTIVE) {
            Thread.sleep(20);
        }
    }

    private static List<PutRecordsRequestEntry> batch() {
        List<PutRecordsRequestEntry> entries = new ArrayList<>(BATCH);
        byte[] data = new byte[RECORD_BYTES];
        Arrays.fill(data, (byte) 'x');
        for (int i = 0; i < BATCH; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + i).data(SdkBytes.fromByteArray(data)).build());
        }
        return entries;
    }

    record Rate(long accepted, double perSecond) {
    }

    /** Records accepted, and per second, by back-to-back PutRecords calls for {@code seconds}. */
    private static Rate putFor(KinesisClient kinesis, String stream, List<PutRecordsRequestEntry> batch, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long started = System.nanoTime();
        long accepted = 0;
        while (System.nanoTime() < deadline) {
            var response = kinesis.putRecords(b -> b.streamName(stream).records(batch));
            accepted += batch.size() - response.failedRecordCount();
        }
        return new Rate(accepted, accepted / ((System.nanoTime() - started) / 1e9));
    }

    /** Puts batches until the shard holds {@code target} records; returns how many it holds. */
    private static long fill(KinesisClient kinesis, String stream, List<PutRecordsRequestEntry> batch, long target,
                             long alreadyStored) {
        long stored = alreadyStored;
        long started = System.nanoTime();
        while (stored < target) {
            var response = kinesis.putRecords(b -> b.streamName(stream).records(batch));
            stored += batch.size() - response.failedRecordCount();
            if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(10)) {
                System.out.println("  (fill stopped after 10 minutes)");
                break;
            }
        }
        return stored;
    }

    /**
     * A writer puts one record at a time, stamped with the time it was sent; a reader polls
     * GetRecords from LATEST as fast as the backend lets it. Returns p50 and p99 in milliseconds.
     */
    private static double[] putToGetLatency(KinesisClient kinesis, String stream) throws Exception {
        String shard = kinesis.listShards(b -> b.streamName(stream)).shards().get(0).shardId();
        String start = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        double[] samples = new double[LATENCY_SAMPLES];
        AtomicBoolean done = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            String iterator = start;
            int received = 0;
            while (received < LATENCY_SAMPLES && !done.get()) {
                try {
                    String current = iterator;
                    var page = kinesis.getRecords(b -> b.shardIterator(current));
                    long now = System.nanoTime();
                    for (var record : page.records()) {
                        if (received < LATENCY_SAMPLES) {
                            samples[received++] = (now - record.data().asByteBuffer().getLong()) / 1e6;
                        }
                    }
                    iterator = page.nextShardIterator();
                } catch (ProvisionedThroughputExceededException e) {
                    sleep(10);
                }
            }
        }, "latency-reader");
        reader.start();
        for (int i = 0; i < LATENCY_SAMPLES && reader.isAlive(); i++) {
            byte[] stamp = ByteBuffer.allocate(RECORD_BYTES).putLong(System.nanoTime()).array();
            kinesis.putRecord(b -> b.streamName(stream).partitionKey("latency").data(SdkBytes.fromByteArray(stamp)));
            sleep(5);
        }
        reader.join(TimeUnit.SECONDS.toMillis(60));
        done.set(true);
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.99)]};
    }

    private static String heapUsed() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.format(Locale.ROOT, "%,d MiB heap", used / (1024 * 1024));
    }

    private static String rssOf(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%,d MiB", kib / 1024);
                }
            }
        } catch (Exception e) {
            return "n/a";
        }
        return "n/a";
    }

    private static void print(List<String[]> rows) {
        String[] header = {"backend", "start to first call", "PutRecords rec/s (empty)", "PutRecords rec/s (full)",
                "put-to-get p50 / p99", "memory"};
        System.out.println();
        System.out.println("| " + String.join(" | ", header) + " |");
        System.out.println("|" + " --- |".repeat(header.length));
        rows.forEach(row -> System.out.println("| " + String.join(" | ", row) + " |"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long option(String[] args, String name, long fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Long.parseLong(args[i + 1]);
            }
        }
        return fallback;
    }
}
