package io.kinesisworkbook.emulator.bench;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import software.amazon.awssdk.core.exception.SdkException;
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
 * <p>Run with {@code ./workbook bench}. Options: {@code --stored N} (records the emulator's full
 * shard holds; default 1,000,000), {@code --round N} (records each timed round puts; default
 * 100,000), {@code --mock-stored N} and {@code --mock-round N} (the same for kinesis-mock; defaults
 * 10,000 and 1,000, as its writes are hundreds of times slower) and {@code --embedded-only}.
 */
public final class EmulatorBenchmark {

    private static final int BATCH = 500;
    private static final int RECORD_BYTES = 100;
    private static final int LATENCY_SAMPLES = 500;
    private static final int ROUNDS = 15;

    /**
     * @param storedRecords records the full shard holds before the throughput rounds
     * @param roundRecords  records put in each timed round (so the full shard grows little)
     */
    record Target(String name, URI endpoint, long startupMillis, long storedRecords, long roundRecords, Runnable close,
                  MemoryProbe memory) {
    }

    interface MemoryProbe {
        String describe();
    }

    public static void main(String[] args) throws Exception {
        long emulatorStored = option(args, "--stored", 1_000_000);
        long mockStored = option(args, "--mock-stored", 10_000);
        boolean embeddedOnly = Arrays.asList(args).contains("--embedded-only");
        System.out.printf(Locale.ROOT, "Kinesis emulator benchmark: %d x %d B records per PutRecords, one client (CBOR)%n%n",
                BATCH, RECORD_BYTES);

        List<Row> rows = new ArrayList<>();
        Target embedded = startEmbedded(emulatorStored, option(args, "--round", 100_000));
        rows.add(measureWhatAnswers(embedded));
        embedded.close().run();

        String mockEndpoint = System.getenv("KINESIS_MOCK_ENDPOINT");
        if (mockEndpoint != null && !embeddedOnly) {
            long startup = Long.parseLong(System.getenv().getOrDefault("KINESIS_MOCK_STARTUP_MS", "-1"));
            String pid = System.getenv("KINESIS_MOCK_PID");
            rows.add(measureWhatAnswers(new Target("kinesis-mock 0.6.2 (node)", URI.create(mockEndpoint), startup, mockStored,
                    option(args, "--mock-round", 1_000),
                    () -> { }, () -> pid == null ? "n/a" : rssOf(pid) + " RSS (whole process)")));
        } else {
            System.out.println("kinesis-mock not measured: KINESIS_MOCK_ENDPOINT is not set (run ./workbook bench).");
        }
        print(rows);
    }

    /**
     * Measures a target; when a call fails or times out part-way (kinesis-mock can take minutes to
     * answer a full shard), the row keeps what was measured and says what was not, and the run goes on.
     */
    private static Row measureWhatAnswers(Target target) {
        Row row = new Row(target.name(), target.startupMillis() < 0 ? "n/a" : target.startupMillis() + " ms");
        try {
            measure(target, row);
        } catch (Exception e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""));
            System.out.println("  stopped: " + why);
            row.markUnmeasured(outcome(e));
        }
        return row;
    }

    /** "timed out" for the SDK's call and attempt timeouts, else "failed". */
    private static String outcome(Exception e) {
        return e.getClass().getSimpleName().contains("Timeout") ? "timed out" : "failed";
    }

    /** One line of the result table, filled in as each measurement finishes. */
    static final class Row {
        final String[] cells = new String[6];

        Row(String name, String startup) {
            cells[0] = name;
            cells[1] = startup;
        }

        void set(int column, String value) {
            cells[column] = value;
        }

        void markUnmeasured(String why) {
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] == null) {
                    cells[i] = why;
                }
            }
        }
    }

    /**
     * Start-up is timed as kinesis-mock's is: from the start call to the first answered ListStreams,
     * sent as a plain HTTP request (the AWS SDK's own start-up is the client's cost, not the server's).
     */
    private static Target startEmbedded(long stored, long roundRecords) throws Exception {
        long started = System.nanoTime();
        Emulator emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions().withoutThroughputLimits());
        HttpURLConnection probe = (HttpURLConnection) emulator.endpoint().toURL().openConnection();
        probe.setRequestMethod("POST");
        probe.setDoOutput(true);
        probe.setRequestProperty("X-Amz-Target", "Kinesis_20131202.ListStreams");
        probe.setRequestProperty("Content-Type", "application/x-amz-json-1.1");
        probe.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
        if (probe.getResponseCode() != 200) {
            throw new IllegalStateException("ListStreams answered " + probe.getResponseCode());
        }
        long startup = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new Target("embedded emulator (in-process)", emulator.endpoint(), startup, stored, roundRecords, emulator::close,
                EmulatorBenchmark::heapUsed);
    }

    /**
     * Throughput into an empty shard and into a full one is measured in alternating rounds, each
     * empty round on a new stream, so both see the same JIT and GC state; the medians are reported.
     */
    private static void measure(Target target, Row row) throws Exception {
        System.out.println("== " + target.name() + " at " + target.endpoint());
        try (KinesisClient kinesis = SdkClients.kinesis(target.endpoint(), SdkClients.Wire.CBOR)) {
            List<PutRecordsRequestEntry> batch = batch();
            createActive(kinesis, "bench-warm-up");
            putFor(kinesis, "bench-warm-up", batch, 2.0); // JIT, connections
            kinesis.deleteStream(b -> b.streamName("bench-warm-up"));
            String before = target.memory().describe();
            String full = "bench-full";
            createActive(kinesis, full);
            long filled = fill(kinesis, full, batch, target.storedRecords());
            String memory = target.memory().describe() + " (" + before + " before)";
            row.set(5, memory);
            System.out.printf(Locale.ROOT, "  %,d records stored; memory: %s%n", filled, memory);
            double[] emptyRates = new double[ROUNDS];
            double[] fullRates = new double[ROUNDS];
            int rounds = 0;
            String stoppedBy = "";
            for (; rounds < ROUNDS; rounds++) {
                String empty = "bench-empty-" + rounds;
                try {
                    createActive(kinesis, empty);
                    emptyRates[rounds] = putCount(kinesis, empty, batch, target.roundRecords()).perSecond();
                    kinesis.deleteStream(b -> b.streamName(empty));
                    Rate fullRun = putCount(kinesis, full, batch, target.roundRecords());
                    fullRates[rounds] = fullRun.perSecond();
                    filled += fullRun.accepted();
                } catch (SdkException e) {
                    // Keep the rounds that finished; the table says how many.
                    stoppedBy = "; round " + (rounds + 1) + " " + outcome(e);
                    System.out.println("  round " + (rounds + 1) + " stopped: " + e.getClass().getSimpleName());
                    break;
                }
                System.out.printf(Locale.ROOT, "  round %d: empty shard %,.0f records/s, full shard %,.0f records/s%n",
                        rounds + 1, emptyRates[rounds], fullRates[rounds]);
            }
            if (rounds == 0) {
                throw new IllegalStateException("no throughput round finished" + stoppedBy);
            }
            String ofRounds = rounds == ROUNDS ? "" : " (" + rounds + " of " + ROUNDS + " rounds" + stoppedBy + ")";
            double emptyRate = median(Arrays.copyOf(emptyRates, rounds));
            double fullRate = median(Arrays.copyOf(fullRates, rounds));
            System.out.printf(Locale.ROOT, "  median: empty %,.0f, full %,.0f records/s (%+.0f%%)%s%n",
                    emptyRate, fullRate, (fullRate - emptyRate) / emptyRate * 100, ofRounds);
            row.set(2, String.format(Locale.ROOT, "%,.0f%s", emptyRate, ofRounds));
            row.set(3, String.format(Locale.ROOT, "%,.0f (%+.0f%%) @ %,d stored%s", fullRate,
                    (fullRate - emptyRate) / emptyRate * 100, filled, ofRounds));
            if (rounds < ROUNDS) {
                row.markUnmeasured("not measured (the rounds stopped)");
                return;
            }
            double[] latency = putToGetLatency(kinesis, full);
            System.out.printf(Locale.ROOT, "  put-to-get latency: p50 %.2f ms, p99 %.2f ms%n", latency[0], latency[1]);
            row.set(4, String.format(Locale.ROOT, "%.2f / %.2f ms", latency[0], latency[1]));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
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

    /** Times putting {@code count} records (whole batches) into a stream. */
    private static Rate putCount(KinesisClient kinesis, String stream, List<PutRecordsRequestEntry> batch, long count) {
        long started = System.nanoTime();
        long accepted = 0;
        while (accepted < count) {
            var response = kinesis.putRecords(b -> b.streamName(stream).records(batch));
            accepted += batch.size() - response.failedRecordCount();
        }
        return new Rate(accepted, accepted / ((System.nanoTime() - started) / 1e9));
    }

    /** Puts batches until the shard holds {@code target} records; returns how many it holds. */
    private static long fill(KinesisClient kinesis, String stream, List<PutRecordsRequestEntry> batch, long target) {
        long stored = 0;
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

    private static void print(List<Row> rows) {
        String[] header = {"backend", "start to first call", "PutRecords rec/s (empty)", "PutRecords rec/s (full)",
                "put-to-get p50 / p99", "memory with the full shard"};
        System.out.println();
        System.out.println("| " + String.join(" | ", header) + " |");
        System.out.println("|" + " --- |".repeat(header.length));
        rows.forEach(row -> System.out.println("| " + String.join(" | ", row.cells) + " |"));
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
