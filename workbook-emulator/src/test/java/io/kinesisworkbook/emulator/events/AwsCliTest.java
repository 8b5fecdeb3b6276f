package io.kinesisworkbook.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.AwsCli;
import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
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

    @TempDir
    static Path home;   // static: set before @BeforeAll, which gives it to the CLI
    private Emulator emulator;
    private KinesisClient kinesis;
    private AwsCli cli;

    @BeforeAll
    void start() {
        emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
        cli = AwsCli.on(emulator.endpoint(), home, "AwsCliTest");   // skips the class where the CLI is missing
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

        JsonNode rule = cli.ok("events", "put-rule", "--name", "cli-rule", "--event-pattern",
                "{\"source\": [\"aws.s3\"], \"detail\": {\"bucket\": {\"name\": [\"cli-bucket\"]}}}").json();
        assertThat(rule.get("RuleArn").asText()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/cli-rule");
        JsonNode targets = cli.ok("events", "put-targets", "--rule", "cli-rule", "--targets",
                "[{\"Id\": \"stream\", \"Arn\": \"" + arn + "\", \"KinesisParameters\": {\"PartitionKeyPath\": \"$.detail.object.key\"}}]").json();
        assertThat(targets.get("FailedEntryCount").asInt()).isZero();

        cli.ok("s3api", "create-bucket", "--bucket", "cli-bucket");
        cli.ok("s3api", "put-bucket-notification-configuration", "--bucket", "cli-bucket",
                "--notification-configuration", "{\"EventBridgeConfiguration\": {}}");
        JsonNode configuration = cli.ok("s3api", "get-bucket-notification-configuration", "--bucket", "cli-bucket").json();
        assertThat(configuration.has("EventBridgeConfiguration")).isTrue();

        Path body = Files.writeString(home.resolve("hello.txt"), "hello, events");
        JsonNode put = cli.ok("s3api", "put-object", "--bucket", "cli-bucket", "--key", "notes/hello.txt", "--body", body.toString()).json();

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
        JsonNode matched = cli.ok("events", "test-event-pattern", "--event", event,
                "--event-pattern", "{\"detail\": {\"total\": [{\"numeric\": [\">=\", 100]}]}}").json();
        assertThat(matched.get("Result").asBoolean()).isTrue();

        AwsCli.Result refused = cli.run("events", "put-rule", "--name", "bad", "--event-pattern", "{\"source\": \"shop\"}");
        assertThat(refused.exitCode()).isEqualTo(254);
        assertThat(refused.stderr()).contains("(InvalidEventPatternException) when calling the PutRule operation: "
                + "Event pattern is not valid. Reason: \"source\" must be an object or an array");

        JsonNode put = cli.ok("events", "put-events", "--entries",
                "[{\"Source\": \"aws.s3\", \"DetailType\": \"Object Created\", \"Detail\": \"{}\"},"
                        + " {\"Source\": \"shop\", \"DetailType\": \"Order Placed\", \"Detail\": \"{}\"}]").json();
        assertThat(put.get("FailedEntryCount").asInt()).isEqualTo(1);
        assertThat(put.get("Entries").get(0).get("ErrorCode").asText()).isEqualTo("NotAuthorizedForSourceException");
        assertThat(put.get("Entries").get(1).get("EventId").asText()).isNotBlank();
    }

    @Test
    void aNotificationToAMissingFunctionIsRefusedAsS3Does() throws Exception {
        cli.ok("s3api", "create-bucket", "--bucket", "cli-lambda-bucket");
        AwsCli.Result refused = cli.run("s3api", "put-bucket-notification-configuration", "--bucket", "cli-lambda-bucket",
                "--notification-configuration", "{\"LambdaFunctionConfigurations\": [{\"LambdaFunctionArn\": "
                        + "\"arn:aws:lambda:us-east-1:000000000000:function:missing\", \"Events\": [\"s3:ObjectCreated:*\"]}]}");
        assertThat(refused.exitCode()).isEqualTo(254);
        assertThat(refused.stderr()).contains("(InvalidArgument) when calling the PutBucketNotificationConfiguration "
                + "operation: Unable to validate the following destination configurations");
    }

    private static JsonNode json(String text) {
        return EventPatternTest.json(text);
    }
}
