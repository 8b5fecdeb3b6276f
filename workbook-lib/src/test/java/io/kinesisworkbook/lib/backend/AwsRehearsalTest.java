package io.kinesisworkbook.lib.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.Workbook;
import io.kinesisworkbook.lib.firehose.S3Delivery;
import io.kinesisworkbook.lib.lambda.ModuleJars;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The AWS rehearsal: the {@code aws} backend's own code path (cost guard and shard cap, the IAM roles
 * Lambda and Firehose act as, bucket names unique per account and region, clean-aws) run against the
 * workbook's emulator, as {@code WORKBOOK_AWS_REHEARSAL_ENDPOINT} makes it, in a region other than
 * us-east-1. It ends by proving that clean-aws leaves nothing the workbook made behind.
 */
class AwsRehearsalTest {

    private static Emulator emulator;

    @BeforeAll
    static void rehearse() {
        emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
        System.setProperty(Backends.REHEARSAL_ENDPOINT, emulator.endpoint().toString());
        System.setProperty("workbook.region", "eu-west-1");
    }

    @AfterAll
    static void stop() {
        System.clearProperty(Backends.REHEARSAL_ENDPOINT);
        System.clearProperty("workbook.region");
        emulator.close();
    }

    @Test
    void theAwsPathRunsOnTheEmulatorAndCleanAwsLeavesNothingBehind() throws Exception {
        Workbook aws = Workbook.connect(Backend.AWS);
        assertThat(aws.toString()).isEqualTo("Kinesis Workbook on the AWS (on the workbook's emulator) at "
                + emulator.endpoint() + " (eu-west-1)");
        String account = emulator.options().accountId();

        // The cost guard: tags what it lets through, refuses a stream above the shard cap.
        aws.streams().create("rehearsal", 2);
        assertThatThrownBy(() -> aws.streams().create("too-big", 5)).hasMessageContaining("cost guard allows 4");
        aws.dynamoDb().createTable(b -> b.tableName("rehearsal-leases").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("leaseKey").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("leaseKey").attributeType(ScalarAttributeType.S)));

        // Lambda and Firehose with the roles the workbook creates on AWS, and a bucket named for this account.
        var transform = aws.lambdas().deploy("rehearsal-transform", ModuleJars.of("workbook-lambdas"),
                "io.kinesisworkbook.lambdas.LogLineTransform::handleRequest");
        String bucket = aws.bucketName("workbook-logs");
        assertThat(bucket).isEqualTo("workbook-logs-" + account + "-eu-west-1");
        aws.deliveryStreams().fromStream("rehearsal-to-s3", "rehearsal", S3Delivery.to(bucket).buffering(1, 1)
                .transform(transform.arn()));
        aws.s3().putObject(b -> b.bucket(bucket).key("left/over.txt"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("a bucket must be emptied before it goes"));

        // A function error is a sentence, not a NullPointerException further on.
        assertThatThrownBy(() -> aws.lambdas().invoke("rehearsal-transform", "[1, 2]"))
                .isInstanceOf(WorkbookException.class)
                .hasMessageStartingWith("Function rehearsal-transform failed (Unhandled): ");

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (CleanAws clean = new CleanAws(new AwsClients(aws.connection()), new PrintStream(output, true, StandardCharsets.UTF_8))) {
            assertThat(clean.taggedRoles()).containsExactlyInAnyOrder("kinesis-workbook-lambda", "kinesis-workbook-firehose");
            assertThat(clean.ourBuckets("eu-west-1")).containsExactly(bucket);
            assertThat(clean.run(false, () -> "no", "eu-west-1")).as("declined").isEqualTo(-1);
            assertThat(clean.taggedStreams()).containsExactly("rehearsal");

            assertThat(clean.run(false, () -> "y", "eu-west-1")).isEqualTo(7);
            assertThat(clean.taggedDeliveryStreams()).isEmpty();
            assertThat(clean.taggedFunctions()).isEmpty();
            assertThat(clean.taggedStreams()).isEmpty();
            assertThat(clean.taggedTables()).isEmpty();
            assertThat(clean.ourBuckets("eu-west-1")).isEmpty();
            assertThat(clean.taggedRoles()).isEmpty();
            assertThat(clean.run(true, () -> null, "eu-west-1")).as("a second run finds nothing").isZero();
        }
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("deleted S3 bucket " + bucket,
                "deleted IAM role kinesis-workbook-lambda", "deleted IAM role kinesis-workbook-firehose", "Nothing deleted.");
    }

    @Test
    void theRehearsalRefusesAnythingButTheWorkbooksEmulator() {
        Settings elsewhere = BackendsTest.settings(Map.of("WORKBOOK_AWS_REHEARSAL_ENDPOINT", "http://127.0.0.1:1"),
                Map.of(), Map.of());
        assertThatThrownBy(() -> Backends.connect(Backend.AWS, elsewhere))
                .isInstanceOf(WorkbookException.class)
                .hasMessage("The AWS rehearsal runs against the workbook's emulator only, but what answers at "
                        + "http://127.0.0.1:1 (WORKBOOK_AWS_REHEARSAL_ENDPOINT) is nothing.");
    }
}
