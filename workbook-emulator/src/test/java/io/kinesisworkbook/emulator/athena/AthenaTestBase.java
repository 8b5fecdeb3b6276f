package io.kinesisworkbook.emulator.athena;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One emulator per test class with real SDK clients for Athena, Glue and S3 (no retries), a bucket
 * for data and one for results, and helpers to run a query to its end and read its rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AthenaTestBase {

    static final String DATA = "data";
    static final String RESULTS = "s3://results/athena/";

    protected Emulator emulator;
    protected AthenaClient athena;
    protected GlueClient glue;
    protected S3Client s3;

    @BeforeAll
    void startEmulator() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        athena = AthenaClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(30)))
                .build();
        glue = GlueClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(30)))
                .build();
        s3 = SdkClients.s3(emulator.endpoint());
        s3.createBucket(b -> b.bucket(DATA));
        s3.createBucket(b -> b.bucket("results"));
    }

    @AfterAll
    void stopEmulator() {
        athena.close();
        glue.close();
        s3.close();
        emulator.close();
    }

    /** Starts a query in the default database and waits for its end. */
    protected QueryExecution run(String sql) {
        return run(sql, "default");
    }

    protected QueryExecution run(String sql, String database) {
        String id = athena.startQueryExecution(b -> b.queryString(sql)
                .queryExecutionContext(c -> c.database(database))
                .resultConfiguration(r -> r.outputLocation(RESULTS))).queryExecutionId();
        return waitFor(id);
    }

    protected QueryExecution waitFor(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = execution.status().state();
            if (state != QueryExecutionState.QUEUED && state != QueryExecutionState.RUNNING) {
                return execution;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("query " + id + " is still " + state);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Runs a query that must succeed and answers its rows (the header row first), as text. */
    protected List<List<String>> rows(String sql) {
        QueryExecution execution = run(sql);
        if (execution.status().state() != QueryExecutionState.SUCCEEDED) {
            throw new AssertionError(sql + " -> " + execution.status().state() + ": " + execution.status().stateChangeReason());
        }
        return athena.getQueryResultsPaginator(b -> b.queryExecutionId(execution.queryExecutionId())).stream()
                .flatMap(page -> page.resultSet().rows().stream())
                .map(AthenaTestBase::values).toList();
    }

    /** Runs a query that must fail and answers why. */
    protected String failure(String sql) {
        QueryExecution execution = run(sql);
        if (execution.status().state() != QueryExecutionState.FAILED) {
            throw new AssertionError(sql + " did not fail: " + execution.status().state());
        }
        return execution.status().stateChangeReason();
    }

    static List<String> values(Row row) {
        return row.data().stream().map(datum -> datum.varCharValue()).toList();
    }

    protected void put(String key, String text) {
        s3.putObject(b -> b.bucket(DATA).key(key), RequestBody.fromString(text));
    }

    protected void putGzip(String key, String text) {
        s3.putObject(b -> b.bucket(DATA).key(key), RequestBody.fromBytes(gzip(text)));
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
