package io.kinesisworkbook.emulator;

import io.kinesisworkbook.emulator.dynamodb.DynamoDbService;
import io.kinesisworkbook.emulator.firehose.FirehoseService;
import io.kinesisworkbook.emulator.http.EdgeRouter;
import io.kinesisworkbook.emulator.http.EdgeServer;
import io.kinesisworkbook.emulator.kinesis.KinesisService;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import io.kinesisworkbook.emulator.lambda.LambdaService;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;
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

    private Emulator(EmulatorOptions options, InMemoryMetrics metrics, EdgeServer server, S3Service s3,
                     LambdaService lambda, FirehoseService firehose) {
        this.options = options;
        this.metrics = metrics;
        this.server = server;
        this.s3 = s3;
        this.lambda = lambda;
        this.firehose = firehose;
    }

    public static Emulator start(EmulatorOptions options) {
        InMemoryMetrics metrics = new InMemoryMetrics();
        KinesisService kinesis = new KinesisService(options, metrics);
        // DynamoDB writes a table's item changes to its Kinesis streaming destination through Kinesis's tap.
        DynamoDbService dynamoDb = new DynamoDbService(options, kinesis.tap());
        // S3 starts S3Proxy on its first request, not here, so start-up does not grow with it.
        S3Service s3 = new S3Service();
        // Lambda reads function code from S3; Firehose writes to S3 and runs Lambda functions.
        LambdaService lambda = new LambdaService(options, kinesis.tap(), s3.objectStore());
        FirehoseService firehose = new FirehoseService(options, kinesis.tap(), s3.objectStore(), lambda.invoker());
        // REST services are asked in order; S3 takes what the others leave, so it comes last.
        EdgeRouter router = new EdgeRouter(List.of(kinesis, dynamoDb, firehose), List.of(lambda, s3),
                options.defaultRegion());
        EdgeServer server;
        try {
            server = EdgeServer.start(options.host(), options.port(), router);
        } catch (RuntimeException e) {
            firehose.close();
            lambda.close();
            s3.close();
            throw e;
        }
        return new Emulator(options, metrics, server, s3, lambda, firehose);
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

    @Override
    public void close() {
        server.close();
        firehose.close();
        lambda.close();
        s3.close();
    }
}
