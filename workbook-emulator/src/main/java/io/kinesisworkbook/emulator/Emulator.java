package io.kinesisworkbook.emulator;

import io.kinesisworkbook.emulator.dynamodb.DynamoDbService;
import io.kinesisworkbook.emulator.http.EdgeRouter;
import io.kinesisworkbook.emulator.http.EdgeServer;
import io.kinesisworkbook.emulator.kinesis.KinesisService;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;
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

    private Emulator(EmulatorOptions options, InMemoryMetrics metrics, EdgeServer server) {
        this.options = options;
        this.metrics = metrics;
        this.server = server;
    }

    public static Emulator start(EmulatorOptions options) {
        InMemoryMetrics metrics = new InMemoryMetrics();
        KinesisService kinesis = new KinesisService(options, metrics);
        DynamoDbService dynamoDb = new DynamoDbService(options);
        EdgeRouter router = new EdgeRouter(List.of(kinesis, dynamoDb), options.defaultRegion());
        EdgeServer server = EdgeServer.start(options.host(), options.port(), router);
        return new Emulator(options, metrics, server);
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

    @Override
    public void close() {
        server.close();
    }
}
