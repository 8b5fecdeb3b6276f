package io.kinesisworkbook.lib.dr;

import io.kinesisworkbook.lib.athena.Athena;
import io.kinesisworkbook.lib.athena.GlueCatalog;
import io.kinesisworkbook.lib.backend.AwsClients;
import io.kinesisworkbook.lib.backend.Connection;
import io.kinesisworkbook.lib.events.EventRules;
import io.kinesisworkbook.lib.firehose.DeliveryStreams;
import io.kinesisworkbook.lib.firehose.S3Delivery;
import io.kinesisworkbook.lib.lambda.Lambdas;
import io.kinesisworkbook.lib.lambda.WorkbookRoles;
import io.kinesisworkbook.lib.s3.Buckets;
import io.kinesisworkbook.lib.streams.Streams;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The talk's disaster-recovery pipeline, built step by step on any backend:
 * <pre>
 * primary bucket --S3 events--> EventBridge rule --> Kinesis stream <-- application log batches (GZIP)
 *                                                        |     \
 *                                      Firehose + Lambda (decompress, filter)   copier (KCL)
 *                                                        |                     /
 *                                          DR bucket: captured/ (GZIP JSON)  copies/
 *                                                        |
 *                                                     Athena
 * </pre>
 * Each step is one method, so a notebook can take them one slide at a time; {@link #build} takes
 * them all. The steps are idempotent (a second run finds what the first made) and
 * {@link #tearDown()} removes everything, buckets emptied first. The copier runs as a KCL
 * application, which the caller starts (it needs the workbook's KCL setup); see {@link ObjectCopier}.
 */
public final class DrPipeline implements AutoCloseable {

    static final String TRANSFORM_HANDLER = "io.kinesisworkbook.lambdas.DrPipelineTransform::handleRequest";
    static final String PARTITION_KEY_PATH = "$.detail.object.key";

    private final DrResources names;
    private final S3Client s3;
    private final KinesisClient kinesis;
    private final EventBridgeClient eventBridge;
    private final LambdaClient lambda;
    private final FirehoseClient firehose;
    private final AthenaClient athenaClient;
    private final GlueClient glue;
    private final Buckets buckets;
    private final Streams streams;
    private final EventRules rules;
    private final Lambdas lambdas;
    private final DeliveryStreams deliveryStreams;
    private final GlueCatalog catalog;
    private final Athena athena;

    /** A pipeline whose resources are named from {@code prefix} ({@code dr}: {@code dr-primary}, ...). */
    public static DrPipeline on(Connection connection, String prefix) {
        return new DrPipeline(connection, prefix);
    }

    private DrPipeline(Connection connection, String prefix) {
        AwsClients clients = new AwsClients(connection);
        WorkbookRoles roles = new WorkbookRoles(connection);
        this.s3 = clients.s3();
        this.kinesis = clients.kinesis();
        this.eventBridge = clients.configure(EventBridgeClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
        this.lambda = clients.configure(LambdaClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
        this.firehose = clients.configure(FirehoseClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
        this.athenaClient = clients.configure(AthenaClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
        this.glue = clients.configure(GlueClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
        this.buckets = new Buckets(s3, connection, clients.account());
        this.names = DrResources.named(prefix, buckets);
        this.streams = new Streams(kinesis);
        this.rules = new EventRules(eventBridge, s3, roles::eventsRole);
        this.lambdas = new Lambdas(roles, lambda);
        this.deliveryStreams = new DeliveryStreams(roles, kinesis, firehose, s3);
        this.catalog = new GlueCatalog(glue);
        this.athena = new Athena(athenaClient, names.resultsLocation(), names.database());
    }

    public DrResources names() {
        return names;
    }

    /** Every step, in order: buckets, stream, rule, transform, delivery stream, table. */
    public DrPipeline build(Path transformJar, int shards, int bufferSeconds) {
        createBuckets();
        createStream(shards);
        routeObjectEvents();
        deployTransform(transformJar);
        deliverToDrBucket(bufferSeconds);
        createTable();
        return this;
    }

    /** Step 1: the primary bucket and the DR bucket. */
    public Map<String, String> createBuckets() {
        buckets.create(names.primaryBucket());
        buckets.create(names.drBucket());
        return Map.of("primary", names.primaryBucket(), "DR", names.drBucket());
    }

    /** Step 2: the stream both kinds of record go into; returns its ARN. */
    public String createStream(int shards) {
        return streams.create(names.stream(), shards).streamARN();
    }

    /** Step 3: the primary bucket's object events to EventBridge, and a rule that sends them to the stream; returns the pattern. */
    public String routeObjectEvents() {
        String pattern = EventRules.objectChanges(names.primaryBucket());
        rules.sendBucketEvents(names.primaryBucket());
        rules.toStream(names.rule(), pattern, streams.summary(names.stream()).streamARN(), PARTITION_KEY_PATH);
        return pattern;
    }

    /** Step 4: the transform, from the workbook-lambdas jar; returns its ARN. */
    public String deployTransform(Path jar) {
        return lambdas.deploy(names.function(), jar, TRANSFORM_HANDLER).arn();
    }

    /** Step 5: Firehose from the stream, through the transform, GZIP into the DR bucket; returns its ARN. */
    public String deliverToDrBucket(int bufferSeconds) {
        String transform = lambda.getFunction(b -> b.functionName(names.function())).configuration().functionArn();
        return deliveryStreams.fromStream(names.deliveryStream(), names.stream(), S3Delivery.to(names.drBucket())
                .prefixes(DrResources.CAPTURED + "!{timestamp:yyyy/MM/dd/HH}/",
                        DrResources.ERRORS + "!{firehose:error-output-type}/")
                .buffering(bufferSeconds, 1).compression("GZIP").transform(transform));
    }

    /** Step 6: the Glue database and, through Athena's DDL, the table over what Firehose writes; returns the DDL. */
    public String createTable() {
        catalog.createDatabase(names.database(), "Kinesis Workbook: the disaster-recovery pipeline's captured data");
        String ddl = DrQueries.createTable(names.capturedLocation());
        athena.run(ddl);
        return ddl;
    }

    /**
     * Removes everything the steps made, in the order that leaves nothing writing into something
     * gone: delivery stream, rule, function, stream, database, then both buckets with their objects.
     * The copier's lease table is the KCL application's to delete.
     */
    public void tearDown() {
        deliveryStreams.delete(names.deliveryStream());
        rules.delete(names.rule());
        lambdas.delete(names.function());
        if (streams.exists(names.stream())) {
            streams.delete(names.stream());
        }
        catalog.deleteDatabase(names.database());
        buckets.emptyAndDelete(names.primaryBucket());
        buckets.emptyAndDelete(names.drBucket());
    }

    /** The fault drills on this pipeline's resources. */
    public Drills drills() {
        return new Drills(names, lambdas, buckets, s3);
    }

    /** Athena over the pipeline's database, results in the DR bucket. */
    public Athena athena() {
        return athena;
    }

    public Buckets buckets() {
        return buckets;
    }

    public EventRules rules() {
        return rules;
    }

    public S3Client s3() {
        return s3;
    }

    public KinesisClient kinesis() {
        return kinesis;
    }

    public LambdaClient lambda() {
        return lambda;
    }

    @Override
    public void close() {
        s3.close();
        kinesis.close();
        eventBridge.close();
        lambda.close();
        firehose.close();
        athenaClient.close();
        glue.close();
    }
}
