package io.kinesisworkbook.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.SdkClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;

/**
 * A real function invoked asynchronously by the emulator's other services through FunctionInvoker:
 * by S3 for a bucket's notification (after S3 checked that the function exists), and by EventBridge
 * for a rule's target.
 */
class AsyncInvocationsFromS3AndEventBridgeTest extends LambdaTestBase {

    @TempDir
    Path directory;

    @Test
    void s3AndEventBridgeInvokeARealFunction() throws Exception {
        Path out = directory.resolve("events.txt");
        String name = newFunctionName();
        String arn = lambda.createFunction(b -> b.functionName(name).runtime("java17").handler("demo.Recorder::handleRequest")
                .role(ROLE).environment(e -> e.variables(Map.of("OUT", out.toString())))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctions.recorder())))).functionArn();

        try (S3Client s3 = SdkClients.s3(emulator.endpoint()); EventBridgeClient events = SdkClients.eventBridge(emulator.endpoint())) {
            s3.createBucket(b -> b.bucket("to-a-function"));
            s3.putBucketNotificationConfiguration(b -> b.bucket("to-a-function").notificationConfiguration(n -> n
                    .lambdaFunctionConfigurations(c -> c.id("all").lambdaFunctionArn(arn).events(Event.S3_OBJECT_CREATED))));
            s3.putObject(b -> b.bucket("to-a-function").key("hello.txt"), RequestBody.fromString("hello"));

            events.putRule(b -> b.name("to-" + name).eventPattern("{\"source\": [\"shop\"]}"));
            events.putTargets(b -> b.rule("to-" + name).targets(t -> t.id("fn").arn(arn)));
            events.putEvents(b -> b.entries(e -> e.source("shop").detailType("Order Placed").detail("{\"order\": 9}")));

            List<String> lines = awaitLines(out, 2);
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"eventName\":\"ObjectCreated:Put\"")
                    .contains("\"key\":\"hello.txt\"").contains("\"configurationId\":\"all\""));
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"detail-type\":\"Order Placed\"")
                    .contains("\"order\":9"));
        }
    }

    private static List<String> awaitLines(Path file, int count) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(file) && Files.readAllLines(file).size() >= count) {
                break;
            }
            Thread.sleep(50);
        }
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
