package io.kinesisworkbook.lib.metrics;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.ManualClock;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * What the library's monitoring costs, printed (a main, not a test): run with {@code ./workbook bench-dashboard}.
 * <ol>
 *   <li>{@link StreamMetrics#last} of the five Monitoring-tab graphs over one hour at one-second
 *       resolution (5 x 3,600 values), through the SDK's CloudWatch client over HTTP against the
 *       embedded emulator: one GetMetricData call, answered and turned into series.</li>
 *   <li>One dashboard refresh (a one-minute window: GetMetricData and five small PNGs): CPU time
 *       of the refreshing thread and of the whole process (which includes the emulator answering),
 *       as a share of one core at the default refresh every two seconds.</li>
 * </ol>
 * The hour of data is written straight into the emulator's store, as its Kinesis service would.
 */
public final class DashboardBenchmark {

    private static final Instant START = Instant.parse("2026-12-03T09:00:00Z");
    private static final int WARM_UP = 20;
    private static final int RUNS = 60;

    private DashboardBenchmark() {
    }

    public static void main(String[] args) {
        ManualClock clock = new ManualClock(START);
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withClock(clock));
             CloudWatchClient cloudWatch = CloudWatchClient.builder().endpointOverride(emulator.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                     .build()) {
            publishAnHour(emulator.metrics());
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            StreamMetrics metrics = new StreamMetrics(cloudWatch, "dashboard", MetricPeriod.ONE_SECOND, new EmulatorTime(clock));
            anHourOfTheFiveGraphs(metrics);
            dashboardRefresh(metrics);
        }
    }

    private static void anHourOfTheFiveGraphs(StreamMetrics metrics) {
        double[] millis = new double[RUNS];
        int values = 0;
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long started = System.nanoTime();
            Map<StreamMetric, MetricSeries> graphs = metrics.last(Duration.ofHours(1));
            if (i >= WARM_UP) {
                millis[i - WARM_UP] = (System.nanoTime() - started) / 1e6;
            }
            values = graphs.values().stream().mapToInt(s -> s.values().size()).sum();
        }
        Arrays.sort(millis);
        System.out.printf("StreamMetrics.last(1 hour), five graphs at 1 s (%,d values): median %.1f ms, p95 %.1f ms, max %.1f ms (%d calls after %d of warm-up)%n",
                values, millis[RUNS / 2], millis[(int) (RUNS * 0.95)], millis[RUNS - 1], RUNS, WARM_UP);
    }

    private static void dashboardRefresh(StreamMetrics metrics) {
        Dashboard dashboard = metrics.dashboard().status(() -> "benchmark");
        for (int i = 0; i < WARM_UP; i++) {
            dashboard.html();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long threadCpu = threads.getCurrentThreadCpuTime();
        long processCpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            bytes = dashboard.html().length();
        }
        double threadMs = (threads.getCurrentThreadCpuTime() - threadCpu) / 1e6 / RUNS;
        double processMs = (os.getProcessCpuTime() - processCpu) / 1e6 / RUNS;
        double wallMs = (System.nanoTime() - wall) / 1e6 / RUNS;
        double intervalMs = 2_000;
        System.out.printf("Dashboard refresh (1-minute window, five %dx%d PNGs, %,d characters of HTML): %.1f ms wall, "
                        + "CPU %.1f ms on the refreshing thread, %.1f ms in the whole process (emulator included)%n",
                Dashboard.CHART_WIDTH, Dashboard.CHART_HEIGHT, bytes, wallMs, threadMs, processMs);
        System.out.printf("At one refresh every 2 s: %.1f%% of one core for the dashboard's thread, %.1f%% with the emulator's answers%n",
                100 * threadMs / intervalMs, 100 * processMs / intervalMs);
    }

    /** One hour of a 4-shard stream with a producer and a consumer, each second as the Kinesis service publishes it. */
    private static void publishAnHour(InMemoryMetrics store) {
        Random random = new Random(11);
        Map<String, String> dims = Map.of("StreamName", "dashboard");
        long start = START.toEpochMilli();
        for (int second = 0; second < 3_600; second++) {
            long at = start + second * 1_000L;
            int records = 100 + random.nextInt(400);
            store.publish("AWS/Kinesis", "IncomingRecords", dims, records, "Count", at);
            store.publish("AWS/Kinesis", "IncomingBytes", dims, records * 200.0, "Bytes", at);
            for (int shard = 0; shard < 4; shard++) {
                store.publish("AWS/Kinesis", "GetRecords.Bytes", dims, records * 50.0, "Bytes", at);
                store.publish("AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", dims, random.nextInt(2_000), "Milliseconds", at);
                store.publish("AWS/Kinesis", "GetRecords.Latency", dims, 1 + random.nextDouble() * 10, "Milliseconds", at);
            }
        }
    }
}
