package io.kinesisworkbook.emulator.lambda;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * One emulator per test class, with instant state transitions (the transitions have a test of
 * their own), and a real SDK LambdaClient that does not retry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LambdaTestBase {

    static final String ROLE = "arn:aws:iam::000000000000:role/lambda-role";
    private static final AtomicInteger NAMES = new AtomicInteger();

    protected Emulator emulator;
    protected LambdaClient lambda;

    protected EmulatorOptions options() {
        return EmulatorOptions.defaults().withInstantTransitions();
    }

    @BeforeAll
    void startEmulator() {
        emulator = Emulator.start(options());
        lambda = lambdaClient(emulator.endpoint());
    }

    @AfterAll
    void stopEmulator() {
        lambda.close();
        emulator.close();
    }

    static LambdaClient lambdaClient(URI endpoint) {
        return LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("workbook", "workbook")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(32))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    static String newFunctionName() {
        return "function-" + NAMES.incrementAndGet();
    }

    /** Creates a java17 function from a package. */
    CreateFunctionResponse create(String name, String handler, byte[] zip) {
        return lambda.createFunction(b -> b.functionName(name).runtime("java17").handler(handler).role(ROLE)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
    }

    InvokeResponse invoke(String name, String payload) {
        return lambda.invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String(payload)));
    }

    static String text(InvokeResponse response) {
        return response.payload().asString(StandardCharsets.UTF_8);
    }
}
