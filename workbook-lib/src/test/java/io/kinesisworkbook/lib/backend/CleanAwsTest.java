package io.kinesisworkbook.lib.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.LocalAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.kinesisworkbook.lib.lambda.ModuleJars;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.Runtime;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** clean-aws against the emulator, with the cost guard tagging as it does on AWS. */
class CleanAwsTest {

    @Test
    void deletesOnlyWhatTheWorkbookCreatedAndOnlyWhenTold() throws Exception {
        // Streams, tables, delivery streams, functions, rules, Glue databases and buckets: what the cost guard tags on AWS.
        try (LocalAws pretendAws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions(), Backend.AWS, 4);
             KinesisClient untagged = KinesisClient.builder().endpointOverride(pretendAws.emulator.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build()) {
            pretendAws.kinesis.createStream(b -> b.streamName("workbook-made").shardCount(1));
            untagged.createStream(b -> b.streamName("someone-elses").shardCount(1));
            pretendAws.dynamoDb.createTable(b -> b.tableName("lease-table").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("leaseKey").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("leaseKey").attributeType(ScalarAttributeType.S)));
            pretendAws.firehose.createDeliveryStream(b -> b.deliveryStreamName("to-s3")
                    .extendedS3DestinationConfiguration(d -> d.bucketARN("arn:aws:s3:::some-bucket")
                            .roleARN("arn:aws:iam::000000000000:role/firehose")));
            byte[] jar = Files.readAllBytes(ModuleJars.of("workbook-lambdas"));
            pretendAws.lambda.createFunction(b -> b.functionName("transform").runtime(Runtime.JAVA21)
                    .role("arn:aws:iam::000000000000:role/lambda")
                    .handler("io.kinesisworkbook.lambdas.LogLineTransform::handleRequest")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(jar))));
            pretendAws.events.putRule(b -> b.name("object-changes").eventPattern("{\"source\":[\"aws.s3\"]}"));
            pretendAws.events.putTargets(b -> b.rule("object-changes").targets(t -> t.id("stream")
                    .arn("arn:aws:kinesis:us-east-1:000000000000:stream/workbook-made")));
            pretendAws.glue.createDatabase(b -> b.databaseInput(d -> d.name("dr")));
            pretendAws.glue.createTable(b -> b.databaseName("dr").tableInput(t -> t.name("captured")
                    .storageDescriptor(sd -> sd.location("s3://recovery/captured/"))));
            pretendAws.s3.createBucket(b -> b.bucket("recovery"));
            pretendAws.s3.putObject(b -> b.bucket("recovery").key("athena-results/q.csv"), RequestBody.fromString("\"n\"\n"));
            try (S3Client untaggedS3 = S3Client.builder().endpointOverride(pretendAws.emulator.endpoint())
                    .region(Region.US_EAST_1).forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build()) {
                untaggedS3.createBucket(b -> b.bucket("someone-elses-bucket"));
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Connection aws = new Connection(Backend.AWS, java.util.Optional.of(pretendAws.emulator.endpoint()),
                    Region.US_EAST_1, StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")), 4);
            CleanAws clean = new CleanAws(new AwsClients(aws), new PrintStream(output, true, StandardCharsets.UTF_8));

            assertThat(clean.taggedStreams()).containsExactly("workbook-made");
            assertThat(clean.taggedTables()).containsExactly("lease-table");
            assertThat(clean.taggedDeliveryStreams()).containsExactly("to-s3");
            assertThat(clean.taggedFunctions()).containsExactly("transform");
            assertThat(clean.run(false, () -> "n", "us-east-1")).isEqualTo(-1);
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("  EventBridge rule object-changes",
                    "  Glue database dr (with its tables)", "  S3 bucket recovery (with every object in it)")
                    .doesNotContain("someone-elses-bucket", "Glue database default");
            assertThat(pretendAws.kinesis.listStreams().streamNames()).contains("workbook-made");

            assertThat(clean.run(false, () -> "yes", "us-east-1")).isEqualTo(7);
            assertThat(pretendAws.kinesis.listStreams().streamNames()).containsExactly("someone-elses");
            assertThat(pretendAws.dynamoDb.listTables().tableNames()).isEmpty();
            assertThat(pretendAws.firehose.listDeliveryStreams(b -> { }).deliveryStreamNames()).isEmpty();
            assertThat(pretendAws.lambda.listFunctions().functions()).isEmpty();
            assertThat(pretendAws.events.listRules(b -> { }).rules()).isEmpty();
            assertThat(pretendAws.glue.getDatabases(b -> { }).databaseList()).extracting(d -> d.name()).containsExactly("default");
            assertThat(pretendAws.s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("someone-elses-bucket");
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("The workbook created these in us-east-1:",
                    "deleted stream workbook-made", "deleted DynamoDB table lease-table", "deleted delivery stream to-s3",
                    "deleted Lambda function transform", "deleted EventBridge rule object-changes", "deleted Glue database dr",
                    "deleted S3 bucket recovery");
            assertThat(clean.run(true, () -> null, "us-east-1")).isZero();
            clean.close();
        }
    }
}
