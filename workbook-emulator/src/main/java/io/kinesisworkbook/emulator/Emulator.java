package io.kinesisworkbook.emulator;

import io.kinesisworkbook.emulator.athena.AthenaService;
import io.kinesisworkbook.emulator.cloudwatch.CloudWatchService;
import io.kinesisworkbook.emulator.dynamodb.DynamoDbService;
import io.kinesisworkbook.emulator.events.EventsService;
import io.kinesisworkbook.emulator.firehose.FirehoseService;
import io.kinesisworkbook.emulator.glue.GlueService;
import io.kinesisworkbook.emulator.http.EdgeRouter;
import io.kinesisworkbook.emulator.http.EdgeServer;
import io.kinesisworkbook.emulator.kinesis.KinesisService;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import io.kinesisworkbook.emulator.lambda.LambdaService;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;
import io.kinesisworkbook.emulator.metrics.MetricsSink;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import io.kinesisworkbook.emulator.s3.S3Service;
import java.net.URI;
import java.util.List;

/**
 * The embedded AWS: one HTTP port that answers like AWS, started in-process.
 *
 * <pre>{@code
 * try (Emulator aws = Emulator.start(EmulatorOptions.defaults())) {
 *     KinesisClient kinesis = KinesisClient.builder().endpointOverride(aws.endpoint()) ... .build();
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {

    private final EmulatorOptions options;
    private final InMemoryMetrics metrics;
    private final EdgeServer server;
    private final S3Service s3;
    private final LambdaService lambda;
    private final FirehoseService firehose;
    private final EventsService events;
    private final AthenaService athena;

    private Emulator(EmulatorOptions options, InMemoryMetrics metrics, EdgeServer server, S3Service s3,
                     LambdaService lambda, FirehoseService firehose, EventsService events, AthenaService athena) {
        this.options = options;
        this.metrics = metrics;
        this.server = server;
        this.s3 = s3;
        this.lambda = lambda;
        this.firehose = firehose;
        this.events = events;
        this.athena = athena;
    }

    public static Emulator start(EmulatorOptions options) {
        InMemoryMetrics metrics = new InMemoryMetrics(options.clock(), InMemoryMetrics.DEFAULT_RETENTION);
        // What the services meter goes to CloudWatch's store, unless told not to (a benchmark's relaxation).
        MetricsSink serviceMetrics = options.serviceMetrics() ? metrics : MetricsSink.DISCARD;
        KinesisService kinesis = new KinesisService(options, serviceMetrics);
        DynamoDbService dynamoDb = new DynamoDbService(options, serviceMetrics);
        // S3 starts S3Proxy on its first request, not here, so start-up does not grow with it.
        S3Service s3 = new S3Service(options);
        // Lambda reads function code from S3; Firehose writes to S3 and runs Lambda functions.
        LambdaService lambda = new LambdaService(options, kinesis.tap(), s3.objectStore(), serviceMetrics);
        FirehoseService firehose = new FirehoseService(options, kinesis.tap(), s3.objectStore(), lambda.invoker(),
                serviceMetrics);
        // EventBridge delivers to streams, delivery streams and functions; S3 sends it object events.
        EventsService events = new EventsService(options, serviceMetrics, kinesis.tap(), firehose.writer(),
                lambda.invoker());
        s3.notifyThrough(events.publisher(), lambda.invoker());
        // Athena reads and writes Glue's catalog and S3's objects; DuckDB starts on its first query.
        GlueService glue = new GlueService(options);
        AthenaService athena = new AthenaService(options, glue.catalog(), s3.objectStore());
        // CloudWatch serves what every service meters, and what clients put.
        CloudWatchService cloudWatch = new CloudWatchService(options, metrics);
        // REST services are asked in order; S3 takes what the others leave, so it comes last.
        EdgeRouter router = new EdgeRouter(List.of(kinesis, dynamoDb, firehose, events, glue, athena, cloudWatch),
                List.of(lambda, s3),
                options.defaultRegion());
        EdgeServer server;
        try {
            server = EdgeServer.start(options.host(), options.port(), router);
        } catch (RuntimeException e) {
            athena.close();
            events.close();
            firehose.close();
            lambda.close();
            s3.close();
            throw e;
        }
        return new Emulator(options, metrics, server, s3, lambda, firehose, events, athena);
    }

    /** Starts with AWS's behaviour on a free loopback port. */
    public static Emulator start() {
        return start(EmulatorOptions.defaults());
    }

    /** Where SDK clients should send their requests, e.g. {@code http://127.0.0.1:4566}. */
    public URI endpoint() {
        return URI.create("http://" + server.host() + ":" + server.port());
    }

    public int port() {
        return server.port();
    }

    public EmulatorOptions options() {
        return options;
    }

    /** What the services metered, as CloudWatch would see it. */
    public InMemoryMetrics metrics() {
        return metrics;
    }

    /** S3's buckets, for services that read and write objects in-process (Firehose, Lambda). */
    public ObjectStore objectStore() {
        return s3.objectStore();
    }

    /** How the emulator's other services, and tests, invoke Lambda functions in-process. */
    public FunctionInvoker functions() {
        return lambda.invoker();
    }

    /** EventBridge, for tests that move a ManualClock ({@link EventsService#deliverDue()}) or look at what it gave up on. */
    public EventsService events() {
        return events;
    }

    /** Whether Athena's DuckDB has started: it starts on the first query, not with the emulator. */
    public boolean athenaEngineStarted() {
        return athena.engineStarted();
    }

    @Override
    public void close() {
        server.close();
        athena.close();
        events.close();
        firehose.close();
        lambda.close();
        s3.close();
    }
}
