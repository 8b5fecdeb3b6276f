package io.kinesisworkbook.lib.backend;

import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds AWS SDK v2 clients for a {@link Connection}: its endpoint, region and credentials, and on
 * AWS the {@link CostGuard}. Any service's builder works with {@link #configure}; the services the
 * workbook uses have ready-made methods.
 */
public final class AwsClients {

    /** The account id of the embedded emulator, LocalStack and Floci. */
    public static final String LOCAL_ACCOUNT = "000000000000";

    private final Connection connection;

    public AwsClients(Connection connection) {
        this.connection = connection;
    }

    /** The backend these clients are configured for. */
    public Connection connection() {
        return connection;
    }

    public KinesisClient kinesis() {
        return configure(KinesisClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
    }

    /** The async client, over HTTP/2 as AWS's SDK uses it for SubscribeToShard (enhanced fan-out). */
    public KinesisAsyncClient kinesisAsync() {
        return configure(KinesisAsyncClient.builder().httpClientBuilder(nettyClient())).build();
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
    }

    /** The async DynamoDB client, as KCL needs it for its lease table: many small calls at once. */
    public DynamoDbAsyncClient dynamoDbAsync() {
        return configure(DynamoDbAsyncClient.builder().httpClientBuilder(nettyClient())).build();
    }

    /**
     * S3, with the bucket in the path ({@code http://127.0.0.1:4566/bucket/key}) everywhere but on
     * AWS: an emulator's endpoint is an address, which cannot carry a bucket name as a host name.
     */
    public S3Client s3() {
        return configure(S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()))
                .forcePathStyle(connection.backend() != Backend.AWS)
                .build();
    }

    /** The CloudWatch client the notebooks read metrics and put alarms with. */
    public CloudWatchClient cloudWatch() {
        return configure(CloudWatchClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
    }

    public FirehoseClient firehose() {
        return configure(FirehoseClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
    }

    public LambdaClient lambda() {
        return configure(LambdaClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()
                .socketTimeout(Duration.ofMinutes(15)))).build();   // a synchronous Invoke may run that long
    }

    /** IAM, which is global: one set of roles whatever the region. */
    public IamClient iam() {
        return configure(IamClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build();
    }

    /**
     * The account the credentials belong to: STS GetCallerIdentity on AWS (and in its rehearsal),
     * and the local emulators' conventional {@value #LOCAL_ACCOUNT} elsewhere.
     */
    public String account() {
        if (connection.backend() != Backend.AWS) {
            return LOCAL_ACCOUNT;
        }
        try (StsClient sts = configure(StsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())).build()) {
            return sts.getCallerIdentity().account();
        }
    }

    /** The async CloudWatch client KCL publishes its metrics with (where metrics are on). */
    public CloudWatchAsyncClient cloudWatchAsync() {
        return configure(CloudWatchAsyncClient.builder().httpClientBuilder(nettyClient())).build();
    }

    private static NettyNioAsyncHttpClient.Builder nettyClient() {
        return NettyNioAsyncHttpClient.builder().maxConcurrency(100).connectionAcquisitionTimeout(Duration.ofSeconds(30));
    }

    /** Points any AWS SDK v2 client builder at this backend: {@code clients.configure(SqsClient.builder()).build()}. */
    public <B extends AwsClientBuilder<B, C>, C> B configure(B builder) {
        connection.endpoint().ifPresent(builder::endpointOverride);
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder();
        if (connection.backend() == Backend.AWS) {
            overrides.addExecutionInterceptor(new CostGuard(connection.maxShards()));
        }
        return builder.region(connection.region())
                .credentialsProvider(connection.credentials())
                .overrideConfiguration(overrides.build());
    }
}
