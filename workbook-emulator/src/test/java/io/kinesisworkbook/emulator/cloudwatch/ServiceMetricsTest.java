package io.kinesisworkbook.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.SdkClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.MetricsName;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * What the emulator's services publish, read back through CloudWatch's API as the console's
 * Monitoring tab reads it: AWS/Kinesis (the talk's five graphs and the rest), the shard-level
 * metrics after EnableEnhancedMonitoring, AWS/Firehose and AWS/DynamoDB.
 */
class ServiceMetricsTest extends CloudWatchTestBase {

    private MetricDataResult metric(String namespace, String name, String stat, Dimension... dimensions) {
        Instant now = clock.now();
        GetMetricDataResponse response = cloudWatch.getMetricData(b -> b.startTime(now.minusSeconds(600))
                .endTime(now.plusSeconds(60)).metricDataQueries(MetricDataQuery.builder().id("m").metricStat(s -> s
                        .period(60).stat(stat).metric(m -> m.namespace(namespace).metricName(name).dimensions(dimensions)))
                        .build()));
        return response.metricDataResults().get(0);
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static double sum(MetricDataResult result) {
        return result.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void kinesisPublishesTheMonitoringTabsMetrics() {
        try (KinesisClient kinesis = SdkClients.kinesis(emulator.endpoint(), SdkClients.Wire.CBOR)) {
            kinesis.createStream(b -> b.streamName("monitored").shardCount(2));
            kinesis.enableEnhancedMonitoring(b -> b.streamName("monitored").shardLevelMetrics(MetricsName.ALL));
            List<PutRecordsRequestEntry> entries = java.util.stream.IntStream.range(0, 10)
                    .mapToObj(i -> PutRecordsRequestEntry.builder().partitionKey("k" + i)
                            .data(SdkBytes.fromUtf8String("record-" + i)).build()).toList();
            kinesis.putRecords(b -> b.streamName("monitored").records(entries));
            clock.advance(Duration.ofSeconds(3));
            String shard = kinesis.listShards(b -> b.streamName("monitored")).shards().get(0).shardId();
            String iterator = kinesis.getShardIterator(b -> b.streamName("monitored").shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            int read = kinesis.getRecords(b -> b.shardIterator(iterator)).records().size();

            Dimension stream = dimension("StreamName", "monitored");
            assertThat(sum(metric("AWS/Kinesis", "IncomingRecords", "Sum", stream))).isEqualTo(10);
            assertThat(sum(metric("AWS/Kinesis", "IncomingBytes", "Sum", stream))).isEqualTo(
                    entries.stream().mapToLong(e -> e.data().asByteArray().length + e.partitionKey().length()).sum());
            assertThat(sum(metric("AWS/Kinesis", "GetRecords.Records", "Sum", stream))).isEqualTo(read);
            assertThat(sum(metric("AWS/Kinesis", "GetRecords.Bytes", "Sum", stream))).isPositive();
            assertThat(metric("AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "Maximum", stream).values())
                    .containsExactly(3000.0);
            assertThat(metric("AWS/Kinesis", "GetRecords.Latency", "Average", stream).values()).hasSize(1);
            assertThat(sum(metric("AWS/Kinesis", "GetRecords.Success", "Sum", stream))).isEqualTo(1);
            assertThat(sum(metric("AWS/Kinesis", "PutRecords.TotalRecords", "Sum", stream))).isEqualTo(10);
            assertThat(sum(metric("AWS/Kinesis", "PutRecords.SuccessfulRecords", "Sum", stream))).isEqualTo(10);
            assertThat(sum(metric("AWS/Kinesis", "PutRecords.ThrottledRecords", "Sum", stream))).isZero();
            assertThat(sum(metric("AWS/Kinesis", "PutRecords.Success", "Sum", stream))).isEqualTo(1);
            assertThat(metric("AWS/Kinesis", "PutRecords.Latency", "Average", stream).values()).hasSize(1);
            // shard level, after EnableEnhancedMonitoring
            assertThat(sum(metric("AWS/Kinesis", "OutgoingRecords", "Sum", stream, dimension("ShardId", shard))))
                    .isEqualTo(read);
            assertThat(cloudWatch.listMetrics(b -> b.namespace("AWS/Kinesis").metricName("IncomingRecords")).metrics())
                    .anySatisfy(m -> assertThat(m.dimensions()).contains(dimension("ShardId", shard)));
        }
    }

    @Test
    void dynamoDbPublishesConsumedCapacityAndFirehoseItsIncomingRecords() {
        try (DynamoDbClient dynamoDb = SdkClients.dynamoDb(emulator.endpoint());
             FirehoseClient firehose = FirehoseClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"))
                     .build()) {
            dynamoDb.createTable(b -> b.tableName("orders").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
            dynamoDb.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("1"))));
            dynamoDb.getItem(b -> b.tableName("orders").key(Map.of("id", AttributeValue.fromS("1"))).consistentRead(true));
            Dimension table = dimension("TableName", "orders");
            assertThat(sum(metric("AWS/DynamoDB", "ConsumedWriteCapacityUnits", "Sum", table))).isEqualTo(1);
            assertThat(sum(metric("AWS/DynamoDB", "ConsumedReadCapacityUnits", "Sum", table))).isEqualTo(1);

            firehose.createDeliveryStream(b -> b.deliveryStreamName("logs").extendedS3DestinationConfiguration(d -> d
                    .bucketARN("arn:aws:s3:::logs").roleARN("arn:aws:iam::000000000000:role/firehose")));
            firehose.putRecordBatch(b -> b.deliveryStreamName("logs").records(
                    r -> r.data(SdkBytes.fromUtf8String("a\n")), r -> r.data(SdkBytes.fromUtf8String("bc\n"))));
            Dimension logs = dimension("DeliveryStreamName", "logs");
            assertThat(sum(metric("AWS/Firehose", "IncomingRecords", "Sum", logs))).isEqualTo(2);
            assertThat(sum(metric("AWS/Firehose", "IncomingBytes", "Sum", logs))).isEqualTo(5);
            assertThat(sum(metric("AWS/Firehose", "ThrottledRecords", "Sum", logs))).isZero();
        }
    }
}
