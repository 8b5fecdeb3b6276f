package io.kinesisworkbook.lib;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.backend.AwsClients;
import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.Connection;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** An emulator of a test's own (with its own options, e.g. a ManualClock) and clients built as the library builds them. */
public final class LocalAws implements AutoCloseable {

    public final Emulator emulator;
    public final KinesisClient kinesis;
    public final DynamoDbClient dynamoDb;
    public final FirehoseClient firehose;
    public final LambdaClient lambda;
    public final EventBridgeClient events;
    public final GlueClient glue;
    /** Path-style whatever the backend pretends to be: the emulator's address cannot carry a bucket name. */
    public final S3Client s3;
    public final Connection connection;

    public LocalAws(EmulatorOptions options) {
        this(options, Backend.EMBEDDED, Integer.MAX_VALUE);
    }

    /** Pretends to be {@code backend} (AWS, to exercise the cost guard) while talking to the emulator. */
    public LocalAws(EmulatorOptions options, Backend backend, int maxShards) {
        emulator = Emulator.start(options);
        connection = new Connection(backend, Optional.of(emulator.endpoint()), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), maxShards);
        AwsClients clients = new AwsClients(connection);
        kinesis = clients.kinesis();
        dynamoDb = clients.dynamoDb();
        firehose = clients.configure(FirehoseClient.builder()).build();
        lambda = clients.configure(LambdaClient.builder()).build();
        events = clients.configure(EventBridgeClient.builder()).build();
        glue = clients.configure(GlueClient.builder()).build();
        s3 = clients.configure(S3Client.builder()).forcePathStyle(true).build();
    }

    @Override
    public void close() {
        kinesis.close();
        dynamoDb.close();
        firehose.close();
        lambda.close();
        events.close();
        glue.close();
        s3.close();
        emulator.close();
    }
}
