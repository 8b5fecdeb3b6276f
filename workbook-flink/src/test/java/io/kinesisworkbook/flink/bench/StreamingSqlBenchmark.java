package io.kinesisworkbook.flink.bench;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.flink.Heartbeats;
import io.kinesisworkbook.flink.SqlResult;
import io.kinesisworkbook.flink.StreamingSql;
import io.kinesisworkbook.flink.Until;
import io.kinesisworkbook.lib.backend.AwsClients;
import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.Connection;
import io.kinesisworkbook.lib.consumer.ConsumedRecord;
import io.kinesisworkbook.lib.consumer.StreamReader;
import io.kinesisworkbook.lib.data.Click;
import io.kinesisworkbook.lib.data.Clickstream;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.streams.Streams;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Streaming SQL's numbers, printed (not asserted): how long the first row takes after the first
 * {@code StreamingSql.on(...)} call in a fresh JVM (cold) and in a second session (warm), and how
 * many records a second a tumbling-window count over a 4-shard stream gets through, beside the same
 * count in plain Java over the library's reader.
 *
 * <pre>
 * ./mvnw -q -pl workbook-flink -am install -DskipTests
 * ./mvnw -q -pl workbook-flink exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.kinesisworkbook.flink.bench.StreamingSqlBenchmark -Dexec.args=200000
 * </pre>
 */
public final class StreamingSqlBenchmark {

    private static final String COUNT_PER_SECOND = """
            SELECT window_start, COUNT(*) AS clicks
            FROM TABLE(TUMBLE(TABLE %s, DESCRIPTOR(event_time), INTERVAL '1' SECOND))
            GROUP BY window_start, window_end""";

    private StreamingSqlBenchmark() {
    }

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        try {
            run(records);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);   // Flink's threads would keep the JVM (and exec:java) waiting
        }
        System.exit(0);       // the shared cluster stops in its shutdown hook
    }

    private static void run(int records) {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions().withoutThroughputLimits())) {
            Connection connection = new Connection(Backend.EMBEDDED, Optional.of(emulator.endpoint()), Region.US_EAST_1,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")), Integer.MAX_VALUE);
            KinesisClient kinesis = new AwsClients(connection).kinesis();
            new Streams(kinesis).create("small", 2);
            write(kinesis, "small", Clickstream.seeded(1).take(200));

            long coldStart = System.nanoTime();
            StreamingSql first = StreamingSql.on(connection, kinesis);
            first.table("small").fromStream("small").columnsOf(Click.class).create();
            first.query("SELECT eventId FROM small").until(Until.rows(1)).collect();
            double cold = seconds(coldStart);
            long warmStart = System.nanoTime();
            StreamingSql second = StreamingSql.on(connection, kinesis);
            second.table("small2").fromStream("small").columnsOf(Click.class).create();
            second.query("SELECT eventId FROM small2").until(Until.rows(1)).collect();
            double warm = seconds(warmStart);
            System.out.printf("first row after StreamingSql.on(...): cold %.1f s (this JVM's first), warm %.1f s (a second session)%n", cold, warm);

            throughput(connection, kinesis, second, records);
        }
    }

    private static void throughput(Connection connection, KinesisClient kinesis, StreamingSql sql, int records) {
        new Streams(kinesis).create("big", 4);
        List<Click> clicks = Clickstream.seeded(2).ratePerSecond(2_000).take(records);
        long writeStart = System.nanoTime();
        write(kinesis, "big", clicks);
        System.out.printf("wrote %,d clicks into 4 shards in %.1f s%n", records, seconds(writeStart));
        // One reader per shard (parallelism 4): a reader of two shards interleaves them, and the
        // heartbeat at the end of one shard would move its watermark past the other's unread records,
        // which Flink would then drop as late. A watermark a day behind absorbs the producer's
        // reordering within a shard; heartbeats two days later close all the windows.
        sql.onSqlThread(() -> sql.tableEnvironment().getConfig().set("parallelism.default", "4"));
        Heartbeats.send(kinesis, "big", clicks.get(clicks.size() - 1).timestamp().plus(2, ChronoUnit.DAYS));
        Map<Instant, Long> expected = new HashMap<>();
        clicks.forEach(c -> expected.merge(c.timestamp().truncatedTo(ChronoUnit.SECONDS), 1L, Long::sum));

        sql.table("big").fromStream("big").columnsOf(Click.class).watermark(Duration.ofDays(1)).create();
        long flinkStart = System.nanoTime();
        SqlResult result = sql.query(COUNT_PER_SECOND.formatted("big")).until(Until.rows(expected.size()).orAfter(Duration.ofMinutes(5))).collect();
        double flinkSeconds = seconds(flinkStart);
        long counted = result.rows().stream().mapToLong(r -> r.number("clicks")).sum();
        Map<Instant, Long> flinkCounts = new HashMap<>();
        result.rows().forEach(r -> flinkCounts.put(r.instant("window_start"), r.number("clicks")));

        long javaStart = System.nanoTime();
        Map<Instant, Long> javaCounts = new HashMap<>();
        long read = 0;
        for (ConsumedRecord record : StreamReader.of(kinesis, "big").build().readAvailable()) {
            Click click = record.as(Click.class);
            if (click.eventId() != null) {
                javaCounts.merge(click.timestamp().truncatedTo(ChronoUnit.SECONDS), 1L, Long::sum);
                read++;
            }
        }
        double javaSeconds = seconds(javaStart);

        System.out.printf("Flink SQL tumbling count (1 s windows, parallelism 4, one reader per shard): %,d records in %.1f s = %,.0f records/s (query start to last window)%n",
                counted, flinkSeconds, counted / flinkSeconds);
        System.out.printf("plain Java over StreamReader, same count: %,d records in %.1f s = %,.0f records/s%n",
                read, javaSeconds, read / javaSeconds);
        System.out.printf("same counts per window: %s (%,d windows)%n", javaCounts.equals(expected) && flinkCounts.equals(expected), expected.size());
    }

    private static void write(KinesisClient kinesis, String stream, List<Click> clicks) {
        try (Producer producer = Producer.to(kinesis, stream).build()) {
            clicks.forEach(producer::send);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
