package io.kinesisworkbook.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * EventBridge and S3 notifications driven by Debian's AWS CLI (botocore, not the Java SDK, so a
 * second reading of the wire protocols): a bucket's events through a rule into a stream, patterns
 * tested, and the errors the CLI prints. Skipped, with the reason printed, where the CLI is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsCliTest {

    /** Debian's package puts it here; another {@code aws} on the PATH may be a different major version. */
    private static final Path DEBIAN_CLI = Path.of("/usr/bin/aws");

    @TempDir
    Path home;
    private Emulator emulator;
    private KinesisClient kinesis;

    @BeforeAll
    void start() {
        if (!Files.isExecutable(DEBIAN_CLI)) {
            String reason = "the AWS CLI is not installed (" + DEBIAN_CLI + "; apt-get install awscli): AwsCliTest skipped";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
        kinesis = SdkClients.kinesis(emulator.endpoint(), SdkClients.Wire.CBOR);
    }

    @AfterAll
    void stop() {
        if (emulator != null) {
            kinesis.close();
            emulator.close();
        }
    }

    @Test
    void aBucketsEventsReachAStreamThroughARuleMadeByTheCli() throws Exception {
        kinesis.createStream(b -> b.streamName("cli-capture").shardCount(1));
        String arn = "arn:aws:kinesis:us-east-1:000000000000:stream/cli-capture";

        JsonNode rule = json(ok("events", "put-rule", "--name", "cli-rule", "--event-pattern",
                "{\"source\": [\"aws.s3\"], \"detail\": {\"bucket\": {\"name\": [\"cli-bucket\"]}}}"));
        assertThat(rule.get("RuleArn").asText()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/cli-rule");
        JsonNode targets = json(ok("events", "put-targets", "--rule", "cli-rule", "--targets",
                "[{\"Id\": \"stream\", \"Arn\": \"" + arn + "\", \"KinesisParameters\": {\"PartitionKeyPath\": \"$.detail.object.key\"}}]"));
        assertThat(targets.get("FailedEntryCount").asInt()).isZero();

        ok("s3api", "create-bucket", "--bucket", "cli-bucket");
        ok("s3api", "put-bucket-notification-configuration", "--bucket", "cli-bucket",
                "--notification-configuration", "{\"EventBridgeConfiguration\": {}}");
        JsonNode configuration = json(ok("s3api", "get-bucket-notification-configuration", "--bucket", "cli-bucket"));
        assertThat(configuration.has("EventBridgeConfiguration")).isTrue();

        Path body = Files.writeString(home.resolve("hello.txt"), "hello, events");
        JsonNode put = json(ok("s3api", "put-object", "--bucket", "cli-bucket", "--key", "notes/hello.txt", "--body", body.toString()));

        List<Record> records = StreamRecords.await(kinesis, "cli-capture", 1);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).partitionKey()).isEqualTo("notes/hello.txt");
        JsonNode event = EventPatternTest.json(StreamRecords.text(records.get(0)));
        assertThat(event.get("detail-type").asText()).isEqualTo("Object Created");
        assertThat(event.get("detail").get("object").get("size").asInt()).isEqualTo(13);
        assertThat(event.get("detail").get("object").get("etag").asText()).isEqualTo(put.get("ETag").asText().replace("\"", ""));
    }

    @Test
    void patternsAreTestedAndRefusedAsAwsDoes() throws Exception {
        String event = "{\"id\": \"1\", \"account\": \"000000000000\", \"source\": \"shop\", \"time\": \"2026-11-26T10:00:00Z\", "
                + "\"region\": \"us-east-1\", \"resources\": [], \"detail-type\": \"Order Placed\", \"detail\": {\"total\": 120}}";
        JsonNode matched = json(ok("events", "test-event-pattern", "--event", event,
                "--event-pattern", "{\"detail\": {\"total\": [{\"numeric\": [\">=\", 100]}]}}"));
        assertThat(matched.get("Result").asBoolean()).isTrue();

        Result refused = run("events", "put-rule", "--name", "bad", "--event-pattern", "{\"source\": \"shop\"}");
        assertThat(refused.exitCode()).isEqualTo(254);
        assertThat(refused.stderr()).contains("(InvalidEventPatternException) when calling the PutRule operation: "
                + "Event pattern is not valid. Reason: \"source\" must be an object or an array");

        JsonNode put = json(ok("events", "put-events", "--entries",
                "[{\"Source\": \"aws.s3\", \"DetailType\": \"Object Created\", \"Detail\": \"{}\"},"
                        + " {\"Source\": \"shop\", \"DetailType\": \"Order Placed\", \"Detail\": \"{}\"}]"));
        assertThat(put.get("FailedEntryCount").asInt()).isEqualTo(1);
        assertThat(put.get("Entries").get(0).get("ErrorCode").asText()).isEqualTo("NotAuthorizedForSourceException");
        assertThat(put.get("Entries").get(1).get("EventId").asText()).isNotBlank();
    }

    @Test
    void aNotificationToAMissingFunctionIsRefusedAsS3Does() throws Exception {
        ok("s3api", "create-bucket", "--bucket", "cli-lambda-bucket");
        Result refused = run("s3api", "put-bucket-notification-configuration", "--bucket", "cli-lambda-bucket",
                "--notification-configuration", "{\"LambdaFunctionConfigurations\": [{\"LambdaFunctionArn\": "
                        + "\"arn:aws:lambda:us-east-1:000000000000:function:missing\", \"Events\": [\"s3:ObjectCreated:*\"]}]}");
        assertThat(refused.exitCode()).isEqualTo(254);
        assertThat(refused.stderr()).contains("(InvalidArgument) when calling the PutBucketNotificationConfiguration "
                + "operation: Unable to validate the following destination configurations");
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private String ok(String... arguments) throws Exception {
        Result result = run(arguments);
        assertThat(result.exitCode()).as("aws %s\n%s", String.join(" ", arguments), result.stderr()).isZero();
        return result.stdout();
    }

    private Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DEBIAN_CLI.toString(), "--endpoint-url", emulator.endpoint().toString(),
                "--output", "json"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("HOME", home.toString());
        environment.put("AWS_ACCESS_KEY_ID", "workbook");
        environment.put("AWS_SECRET_ACCESS_KEY", "workbook");
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.put("AWS_PAGER", "");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.remove("AWS_PROFILE");
        Path out = home.resolve("stdout.txt");
        Path err = home.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("aws " + String.join(" ", arguments) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) {
        return EventPatternTest.json(text);
    }
}
