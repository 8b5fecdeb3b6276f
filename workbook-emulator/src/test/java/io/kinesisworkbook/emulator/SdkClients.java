package io.kinesisworkbook.emulator;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Real AWS SDK v2 clients pointed at an emulator, in either wire encoding: CBOR (the SDK's
 * default for Kinesis) or JSON ({@code aws.cborEnabled=false}, read when a client is built).
 */
public final class SdkClients {

    public enum Wire { CBOR, JSON }

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("workbook", "workbook"));

    private SdkClients() {
    }

    /** A client that does not retry, so tests see exactly what the emulator answered. */
    public static KinesisClient kinesis(URI endpoint, Wire wire) {
        return withWire(wire, () -> KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(30)))
                .build());
    }

    /** A CloudWatch client (Smithy RPC v2 CBOR, the SDK's protocol for it) that does not retry. */
    public static CloudWatchClient cloudWatch(URI endpoint) {
        return noRetries(CloudWatchClient.builder(), endpoint);
    }

    /** A DynamoDB client (AWS JSON 1.0) that does not retry. */
    public static DynamoDbClient dynamoDb(URI endpoint) {
        return noRetries(DynamoDbClient.builder(), endpoint);
    }

    /** An EventBridge client (AWS JSON 1.1) that does not retry. */
    public static EventBridgeClient eventBridge(URI endpoint) {
        return noRetries(EventBridgeClient.builder(), endpoint);
    }

    /**
     * An S3 client as a workbook makes one: path-style addressing (the bucket in the path, since
     * the endpoint is an address), the SDK's default checksums (aws-chunked uploads with a CRC32
     * trailer), no retries.
     */
    public static S3Client s3(URI endpoint, software.amazon.awssdk.core.interceptor.ExecutionInterceptor... interceptors) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .forcePathStyle(true)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16))
                .overrideConfiguration(c -> {
                    c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(60));
                    for (var interceptor : interceptors) {
                        c.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    public static KinesisAsyncClient kinesisAsync(URI endpoint, Wire wire, Protocol protocol) {
        return withWire(wire, () -> KinesisAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(protocol).maxConcurrency(64))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build());
    }

    /** A synchronous client of any service on the emulator, over Apache's HTTP client, with no retries. */
    private static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C noRetries(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(30)))
                .build();
    }

    private static synchronized <T> T withWire(Wire wire, java.util.function.Supplier<T> build) {
        String property = SdkSystemSetting.CBOR_ENABLED.property();
        String previous = System.getProperty(property);
        System.setProperty(property, Boolean.toString(wire == Wire.CBOR));
        try {
            return build.get();
        } finally {
            if (previous == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, previous);
            }
        }
    }
}
