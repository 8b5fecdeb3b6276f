package io.kinesisworkbook.lib.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.LocalAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** clean-aws against the emulator, with the cost guard tagging as it does on AWS. */
class CleanAwsTest {

    @Test
    void deletesOnlyWhatTheWorkbookCreatedAndOnlyWhenTold() throws Exception {
        try (LocalAws pretendAws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions(), Backend.AWS, 4);
             KinesisClient untagged = KinesisClient.builder().endpointOverride(pretendAws.emulator.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build()) {
            pretendAws.kinesis.createStream(b -> b.streamName("workbook-made").shardCount(1));
            untagged.createStream(b -> b.streamName("someone-elses").shardCount(1));
            pretendAws.dynamoDb.createTable(b -> b.tableName("lease-table").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(k -> k.attributeName("leaseKey").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("leaseKey").attributeType(ScalarAttributeType.S)));
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            CleanAws clean = new CleanAws(pretendAws.kinesis, pretendAws.dynamoDb,
                    new PrintStream(output, true, StandardCharsets.UTF_8));

            assertThat(clean.taggedStreams()).containsExactly("workbook-made");
            assertThat(clean.taggedTables()).containsExactly("lease-table");
            assertThat(clean.run(false, () -> "n", "us-east-1")).isEqualTo(-1);
            assertThat(pretendAws.kinesis.listStreams().streamNames()).contains("workbook-made");

            assertThat(clean.run(false, () -> "yes", "us-east-1")).isEqualTo(2);
            assertThat(pretendAws.kinesis.listStreams().streamNames()).containsExactly("someone-elses");
            assertThat(pretendAws.dynamoDb.listTables().tableNames()).isEmpty();
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("The workbook created these in us-east-1:",
                    "deleted stream workbook-made", "deleted DynamoDB table lease-table");
            assertThat(clean.run(true, () -> null, "us-east-1")).isZero();
        }
    }
}
