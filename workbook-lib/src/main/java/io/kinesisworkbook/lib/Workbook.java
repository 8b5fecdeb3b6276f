package io.kinesisworkbook.lib;

import io.kinesisworkbook.lib.athena.Athena;
import io.kinesisworkbook.lib.backend.AwsClients;
import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.Backends;
import io.kinesisworkbook.lib.backend.BucketNames;
import io.kinesisworkbook.lib.backend.Capabilities;
import io.kinesisworkbook.lib.backend.Connection;
import io.kinesisworkbook.lib.backend.Settings;
import io.kinesisworkbook.lib.consumer.StreamReader;
import io.kinesisworkbook.lib.dr.DrPipeline;
import io.kinesisworkbook.lib.kcl.KclApplication;
import io.kinesisworkbook.lib.metrics.StreamMetrics;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.s3.Buckets;
import io.kinesisworkbook.lib.streams.Streams;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import io.kinesisworkbook.lib.firehose.DeliveryStreams;
import io.kinesisworkbook.lib.lambda.Lambdas;
import io.kinesisworkbook.lib.lambda.WorkbookRoles;

/**
 * Where every notebook and exercise starts:
 *
 * <pre>{@code
 * Workbook aws = Workbook.connect();          // embedded unless WORKBOOK_BACKEND says otherwise
 * KinesisClient kinesis = aws.kinesis();      // a plain AWS SDK v2 client, ready for this backend
 * }</pre>
 *
 * <p>The backend comes from, in order: the argument of {@link #connect(String)}, the
 * {@code WORKBOOK_BACKEND} environment variable, {@code workbook.properties}, and finally the
 * embedded emulator. Nothing else in a notebook needs to know which backend it runs on.
 */
public final class Workbook {

    private static final Map<Backend, Workbook> CONNECTED = new EnumMap<>(Backend.class);

    private final Connection connection;
    private final AwsClients clients;
    private KinesisClient kinesis;
    private KinesisAsyncClient kinesisAsync;
    private DynamoDbClient dynamoDb;
    private DynamoDbAsyncClient dynamoDbAsync;
    private CloudWatchAsyncClient cloudWatchAsync;
    private CloudWatchClient cloudWatch;
    private S3Client s3;
    private LambdaClient lambda;
    private FirehoseClient firehose;
    private AthenaClient athena;
    private String account;

    private Workbook(Connection connection) {
        this.connection = connection;
        this.clients = new AwsClients(connection);
    }

    /** Connects to the configured backend (the embedded emulator by default). */
    public static Workbook connect() {
        return connect((String) null);
    }

    /** Connects to a backend by name: {@code embedded}, {@code localstack}, {@code floci} or {@code aws}. */
    public static Workbook connect(String backend) {
        Settings settings = Settings.current();
        return connect(Backends.resolve(backend, settings), settings);
    }

    public static Workbook connect(Backend backend) {
        return connect(backend, Settings.current());
    }

    /**
     * One connection per backend and JVM: cells that connect again share its clients. The first
     * connection prints one line naming what really answers (a notebook's reader sees where it runs),
     * and every connection makes {@link Check#given} consult that backend's {@link Capabilities}.
     */
    private static synchronized Workbook connect(Backend backend, Settings settings) {
        Workbook workbook = CONNECTED.computeIfAbsent(backend, b -> {
            Workbook connected = new Workbook(Backends.connect(b, settings));
            System.out.println(connected);
            return connected;
        });
        Capabilities.useFor(workbook.connection.engine());
        return workbook;
    }

    public Backend backend() {
        return connection.backend();
    }

    public Connection connection() {
        return connection;
    }

    /** The account this backend's credentials belong to (STS on AWS; {@code 000000000000} on local backends). */
    public synchronized String account() {
        if (account == null) {
            account = clients.account();
        }
        return account;
    }

    /**
     * The name to give a bucket the workbook creates: {@code bucketName("workbook-logs")} is
     * {@code workbook-logs} on a local backend, and on AWS, where bucket names are global,
     * {@code workbook-logs-<account>-<region>}, which clean-aws finds again ({@link BucketNames}).
     */
    public String bucketName(String base) {
        return BucketNames.of(base, backend(), backend() == Backend.AWS ? account() : "", connection.region().id());
    }

    /** What this backend can show of AWS's behaviour, and what it cannot. */
    public Capabilities capabilities() {
        return connection.capabilities();
    }

    /** The shared Kinesis client for this backend. */
    public synchronized KinesisClient kinesis() {
        if (kinesis == null) {
            kinesis = clients.kinesis();
        }
        return kinesis;
    }

    /** The shared async Kinesis client (HTTP/2), for enhanced fan-out and KCL. */
    public synchronized KinesisAsyncClient kinesisAsync() {
        if (kinesisAsync == null) {
            kinesisAsync = clients.kinesisAsync();
        }
        return kinesisAsync;
    }

    /** The shared DynamoDB client for this backend: tables, items, and a look at a KCL lease table. */
    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = clients.dynamoDb();
        }
        return dynamoDb;
    }

    /** The shared async DynamoDB client, which KCL keeps its lease table with. */
    public synchronized DynamoDbAsyncClient dynamoDbAsync() {
        if (dynamoDbAsync == null) {
            dynamoDbAsync = clients.dynamoDbAsync();
        }
        return dynamoDbAsync;
    }

    /** The shared S3 client for this backend: buckets Firehose delivers to, and objects to read back. */
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = clients.s3();
        }

        return s3;
    }

    /** The shared Lambda client for this backend. */
    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            lambda = clients.configure(LambdaClient.builder()
                    .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()
                            .socketTimeout(java.time.Duration.ofMinutes(15)))).build();
        }
        return lambda;
    }

    /** The shared Firehose client for this backend. */
    public synchronized FirehoseClient firehose() {
        if (firehose == null) {
            firehose = clients.configure(FirehoseClient.builder()
                    .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()))
                    .build();
        }
        return firehose;
    }

    /** Deploys Java functions from a jar, invokes and deletes them, on this backend. */
    public Lambdas lambdas() {
        return new Lambdas(new WorkbookRoles(connection), lambda());
    }

    /** Creates and deletes Firehose delivery streams to S3 on this backend. */
    public DeliveryStreams deliveryStreams() {
        return new DeliveryStreams(new WorkbookRoles(connection), kinesis(), firehose(), s3());
    }

    /** The shared Athena client for this backend. */
    public synchronized AthenaClient athenaClient() {
        if (athena == null) {
            athena = clients.configure(AthenaClient.builder()
                    .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())).build();
        }
        return athena;
    }

    /** SQL over S3 with Athena, into Tablesaw tables; results go to {@code outputLocation} ({@code s3://bucket/prefix/}). */
    public Athena athena(String outputLocation, String database) {
        return new Athena(athenaClient(), outputLocation, database);
    }

    /** Creating, emptying and deleting buckets, with names made unique on AWS. */
    public Buckets buckets() {
        return new Buckets(s3(), connection, account());
    }

    /** The disaster-recovery pipeline (notebook 10), its resources named from {@code prefix}; close it when done. */
    public DrPipeline drPipeline(String prefix) {
        return DrPipeline.on(connection, prefix);
    }

    /** The shared async CloudWatch client, which KCL publishes its metrics with where they are on. */
    public synchronized CloudWatchAsyncClient cloudWatchAsync() {
        if (cloudWatchAsync == null) {
            cloudWatchAsync = clients.cloudWatchAsync();
        }
        return cloudWatchAsync;
    }

    /** The shared CloudWatch client for this backend: metrics and alarms. */
    public synchronized CloudWatchClient cloudWatch() {
        if (cloudWatch == null) {
            cloudWatch = clients.cloudWatch();
        }
        return cloudWatch;
    }

    /**
     * A stream's metrics as its Monitoring tab draws them, read through CloudWatch at this backend's
     * period (1 s on the embedded emulator, 1 min on AWS): graphs, a live dashboard, an iterator-age alarm.
     */
    public StreamMetrics metrics(String stream) {
        return StreamMetrics.of(cloudWatch(), stream, backend());
    }

    /** Any other AWS service's client, pointed at this backend: {@code aws.client(SqsClient.builder())}. */
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return clients.configure(builder).build();
    }

    /** Creating, describing, resharding and deleting streams. */
    public Streams streams() {
        return new Streams(kinesis());
    }

    /** A batching producer into {@code stream}, with retries of throttled records. */
    public Producer.Builder producer(String stream) {
        return Producer.to(kinesis(), stream);
    }

    /** A reader of every shard of {@code stream} that follows resharding. */
    public StreamReader.Builder reader(String stream) {
        return StreamReader.of(kinesis(), stream);
    }

    /** A Kinesis Client Library application {@code application} reading {@code stream}: its workers, leases and records. */
    public KclApplication.Builder kcl(String application, String stream) {
        return KclApplication.builder(this, application, stream);
    }

    @Override
    public String toString() {
        return "Kinesis Workbook on the " + connection.describe();
    }
}
