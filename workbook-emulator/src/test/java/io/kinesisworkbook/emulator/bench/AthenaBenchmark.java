package io.kinesisworkbook.emulator.bench;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import io.kinesisworkbook.emulator.dynamodb.DynamoDbService;
import io.kinesisworkbook.emulator.firehose.FirehoseService;
import io.kinesisworkbook.emulator.http.EdgeRouter;
import io.kinesisworkbook.emulator.http.EdgeServer;
import io.kinesisworkbook.emulator.kinesis.KinesisService;
import io.kinesisworkbook.emulator.lambda.LambdaService;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;
import io.kinesisworkbook.emulator.s3.S3Service;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the Athena layer costs. Prints:
 * <ol>
 *   <li>a count-and-group-by query over 100,000 GZIP JSON lines in the emulator's S3, end to end
 *       through the SDK (StartQueryExecution, polling GetQueryExecution, GetQueryResults): the
 *       first query (DuckDB's start, the objects fetched and prepared) and the next ones (cached);</li>
 *   <li>the same query in DuckDB directly on the same files on local disk;</li>
 *   <li>the emulator's start, to its first answered call, with Glue and Athena and without them,
 *       each in a fresh JVM (class loading is most of it).</li>
 * </ol>
 * Run: {@code java -cp <workbook-emulator test class path> io.kinesisworkbook.emulator.bench.AthenaBenchmark}
 * (see the emulator README).
 */
public final class AthenaBenchmark {

    static final int LINES = 100_000;
    static final int OBJECTS = 10;
    static final String QUERY = "SELECT service, count(*) AS n FROM logs GROUP BY service ORDER BY service";
    static final int RUNS = 5;

    private AthenaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--start")) {
            System.out.println(args[1].equals("duckdb") ? duckDbStartMillis() : startMillis(args[1].equals("with")));
            return;
        }
        List<byte[]> objects = objects();
        long bytes = objects.stream().mapToLong(object -> object.length).sum();
        System.out.printf("%,d JSON lines in %d GZIP objects, %,d bytes%n%n", LINES, OBJECTS, bytes);

        Timings athena = throughAthena(objects);
        Timings direct = inDuckDb(objects);
        System.out.printf("%-58s %10s %10s%n", "query: " + "count(*) GROUP BY service", "first", "median next");
        System.out.printf("%-58s %7d ms %7d ms%n", "Athena in the emulator, end to end through the SDK", athena.first(), athena.median());
        System.out.printf("%-58s %7d ms %7d ms%n", "DuckDB directly on the same files on local disk", direct.first(), direct.median());
        System.out.printf("%-58s %7d ms %7d ms%n", "the Athena layer's overhead", athena.first() - direct.first(),
                athena.median() - direct.median());
        System.out.printf("%-58s %7d ms%n%n", "  of which, in the first, DuckDB's own start (fresh JVM)", startInFreshJvm("duckdb"));

        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            with.add(startInFreshJvm("with"));
            without.add(startInFreshJvm("without"));
        }
        System.out.printf("%-58s %7d ms (best of 3 fresh JVMs)%n", "emulator start to first answer, with Glue and Athena",
                Collections.min(with));
        System.out.printf("%-58s %7d ms (best of 3 fresh JVMs)%n", "emulator start to first answer, without them",
                Collections.min(without));
    }

    record Timings(long first, long median) {
        static Timings of(List<Long> millis) {
            List<Long> next = new ArrayList<>(millis.subList(1, millis.size()));
            Collections.sort(next);
            return new Timings(millis.get(0), next.get(next.size() / 2));
        }
    }

    private static Timings throughAthena(List<byte[]> objects) {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults());
             S3Client s3 = SdkClients.s3(emulator.endpoint());
             AthenaClient athena = AthenaClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("b", "b")))
                     .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            s3.createBucket(b -> b.bucket("logs"));
            s3.createBucket(b -> b.bucket("results"));
            for (int i = 0; i < objects.size(); i++) {
                String key = "events/part-" + i + ".json.gz";
                s3.putObject(b -> b.bucket("logs").key(key), RequestBody.fromBytes(objects.get(i)));
            }
            query(athena, "CREATE EXTERNAL TABLE logs (level string, service string, latency_ms int, ts timestamp) "
                    + "ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://logs/events/'");
            List<Long> millis = new ArrayList<>();
            for (int run = 0; run <= RUNS; run++) {
                long began = System.nanoTime();
                String id = query(athena, QUERY);
                int rows = athena.getQueryResults(b -> b.queryExecutionId(id)).resultSet().rows().size();
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
                if (rows != 5) {
                    throw new IllegalStateException("expected a header and 4 services, got " + rows + " rows");
                }
            }
            return Timings.of(millis);
        }
    }

    private static String query(AthenaClient athena, String sql) {
        String id = athena.startQueryExecution(b -> b.queryString(sql)
                .resultConfiguration(r -> r.outputLocation("s3://results/"))).queryExecutionId();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            var status = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status();
            if (status.state() == QueryExecutionState.SUCCEEDED) {
                return id;
            }
            if (status.state() == QueryExecutionState.FAILED || status.state() == QueryExecutionState.CANCELLED) {
                throw new IllegalStateException(status.stateChangeReason());
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("query did not finish");
    }

    private static Timings inDuckDb(List<byte[]> objects) throws Exception {
        Path folder = Files.createTempDirectory("athena-bench-");
        try {
            for (int i = 0; i < objects.size(); i++) {
                Files.write(folder.resolve("part-" + i + ".json.gz"), objects.get(i));
            }
            String sql = "SELECT service, count(*) AS n FROM read_json('" + folder + "/*.json.gz', format = 'newline_delimited', "
                    + "columns = {'level': 'VARCHAR', 'service': 'VARCHAR', 'latency_ms': 'INTEGER', 'ts': 'TIMESTAMP'}) "
                    + "GROUP BY service ORDER BY service";
            List<Long> millis = new ArrayList<>();
            try (Connection duckdb = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties())) {
                for (int run = 0; run <= RUNS; run++) {
                    long began = System.nanoTime();
                    try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                        while (rows.next()) {
                            rows.getString(1);
                        }
                    }
                    millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
                }
            }
            return Timings.of(millis);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The objects Firehose would write: GZIP JSON lines of log events from four services. */
    static List<byte[]> objects() {
        Random random = new Random(42);
        String[] services = {"api", "checkout", "search", "web"};
        String[] levels = {"INFO", "INFO", "INFO", "WARN", "ERROR"};
        List<byte[]> objects = new ArrayList<>();
        for (int o = 0; o < OBJECTS; o++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < LINES / OBJECTS; i++) {
                    lines.append("{\"level\":\"").append(levels[random.nextInt(levels.length)])
                            .append("\",\"service\":\"").append(services[random.nextInt(services.length)])
                            .append("\",\"latency_ms\":").append(random.nextInt(500))
                            .append(",\"ts\":\"2024-01-01 10:").append(String.format("%02d:%02d", i / 60 % 60, i % 60))
                            .append("\"}\n");
                }
                out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            objects.add(bytes.toByteArray());
        }
        return objects;
    }

    private static long startInFreshJvm(String mode) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AthenaBenchmark.class.getName(), "--start", mode)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return Long.parseLong(out.substring(out.lastIndexOf('\n') + 1).strip());
    }

    /** Opening DuckDB and answering SELECT 1 in a fresh JVM: loading its native library is most of it. */
    private static long duckDbStartMillis() throws Exception {
        long began = System.nanoTime();
        try (Connection duckdb = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
             Statement statement = duckdb.createStatement(); ResultSet one = statement.executeQuery("SELECT 1")) {
            one.next();
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }

    /**
     * Start to the first answered call (ListStreams as a plain HTTP request), in this fresh JVM. "without"
     * wires the emulator as {@link Emulator#start} does, less Glue and Athena.
     */
    private static long startMillis(boolean withGlueAndAthena) throws Exception {
        long began = System.nanoTime();
        URI endpoint;
        AutoCloseable running;
        if (withGlueAndAthena) {
            Emulator emulator = Emulator.start(EmulatorOptions.defaults());
            endpoint = emulator.endpoint();
            running = emulator;
        } else {
            EmulatorOptions options = EmulatorOptions.defaults();
            KinesisService kinesis = new KinesisService(options, new InMemoryMetrics());
            S3Service s3 = new S3Service();
            LambdaService lambda = new LambdaService(options, kinesis.tap(), s3.objectStore());
            FirehoseService firehose = new FirehoseService(options, kinesis.tap(), s3.objectStore(), lambda.invoker());
            EdgeServer server = EdgeServer.start(options.host(), 0, new EdgeRouter(
                    List.of(kinesis, new DynamoDbService(options), firehose), List.of(lambda, s3), options.defaultRegion()));
            endpoint = URI.create("http://" + server.host() + ":" + server.port());
            running = server;
        }
        HttpURLConnection probe = (HttpURLConnection) endpoint.toURL().openConnection();
        probe.setRequestMethod("POST");
        probe.setDoOutput(true);
        probe.setRequestProperty("X-Amz-Target", "Kinesis_20131202.ListStreams");
        probe.setRequestProperty("Content-Type", "application/x-amz-json-1.1");
        probe.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
        if (probe.getResponseCode() != 200) {
            throw new IllegalStateException("ListStreams answered " + probe.getResponseCode());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        running.close();
        return millis;
    }
}
