package io.kinesisworkbook.emulator.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinesisworkbook.emulator.SdkClients;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ApproximateCreationDateTimePrecision;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Kinesis Data Streams for DynamoDB: a table's item changes written into a Kinesis stream, in the
 * record format AWS uses, read back with the Kinesis client.
 */
class KinesisStreamingDestinationTest extends DynamoDbTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    KinesisClient kinesis;

    @BeforeAll
    void kinesisClient() {
        kinesis = SdkClients.kinesis(emulator.endpoint(), SdkClients.Wire.CBOR);
    }

    @AfterAll
    void closeKinesis() {
        kinesis.close();
    }

    @Test
    void everyItemChangeBecomesOneRecordInAwsFormat() {
        String table = activeTable(null);
        String stream = stream("changes");
        var enabled = dynamo.enableKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream));
        assertThat(enabled.destinationStatus()).isEqualTo(DestinationStatus.ENABLING);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("before-active"))));
        settle();
        assertThat(dynamo.describeKinesisStreamingDestination(b -> b.tableName(table)).kinesisDataStreamDestinations())
                .singleElement().satisfies(d -> {
                    assertThat(d.streamArn()).isEqualTo(stream);
                    assertThat(d.destinationStatus()).isEqualTo(DestinationStatus.ACTIVE);
                });

        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "n", n(1))));
        dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("a"))).updateExpression("SET n = n + :one")
                .expressionAttributeValues(values(":one", n(1))));
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "n", n(2))));   // unchanged: no record
        dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("a"))));

        List<JsonNode> records = records(stream);
        assertThat(records).extracting(r -> r.get("eventName").asText()).containsExactly("INSERT", "MODIFY", "REMOVE");
        JsonNode insert = records.get(0);
        assertThat(insert.get("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(insert.get("eventID").asText()).hasSize(36);
        assertThat(insert.get("userIdentity").isNull()).isTrue();
        assertThat(insert.get("recordFormat").asText()).isEqualTo("application/json");
        assertThat(insert.get("tableName").asText()).isEqualTo(table);
        assertThat(insert.get("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(insert.at("/dynamodb/Keys")).isEqualTo(JSON.createObjectNode().set("pk", JSON.createObjectNode().put("S", "a")));
        assertThat(insert.at("/dynamodb/NewImage/n/N").asText()).isEqualTo("1");
        assertThat(insert.at("/dynamodb/OldImage").isMissingNode()).isTrue();
        assertThat(insert.at("/dynamodb/ApproximateCreationDateTime").asLong()).isEqualTo(clock.millis());
        assertThat(insert.at("/dynamodb/ApproximateCreationDateTimePrecision").asText()).isEqualTo("MILLISECOND");
        assertThat(insert.at("/dynamodb/SizeBytes").asLong()).isPositive();
        assertThat(records.get(1).at("/dynamodb/OldImage/n/N").asText()).isEqualTo("1");
        assertThat(records.get(1).at("/dynamodb/NewImage/n/N").asText()).isEqualTo("2");
        assertThat(records.get(2).at("/dynamodb/NewImage").isMissingNode()).isTrue();
        assertThat(records.get(2).at("/dynamodb/OldImage/pk/S").asText()).isEqualTo("a");
    }

    @Test
    void timeToLiveDeletionsAreMarkedAsTheServices() {
        String table = activeTable(null);
        String stream = stream("expiries");
        dynamo.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.attributeName("ttl").enabled(true)));
        dynamo.enableKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream));
        settle();
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("short-lived"), "ttl", n(clock.millis() / 1000 + 10))));
        clock.advance(Duration.ofSeconds(20));
        dynamo.scan(b -> b.tableName(table));

        List<JsonNode> records = records(stream);
        assertThat(records).extracting(r -> r.get("eventName").asText()).containsExactly("INSERT", "REMOVE");
        assertThat(records.get(1).at("/userIdentity/type").asText()).isEqualTo("Service");
        assertThat(records.get(1).at("/userIdentity/principalId").asText()).isEqualTo("dynamodb.amazonaws.com");
    }

    @Test
    void thePrecisionCanBeMicrosecondsAndDisablingStopsTheRecords() {
        String table = activeTable(null);
        String stream = stream("precise");
        dynamo.enableKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream));
        settle();
        var updated = dynamo.updateKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream)
                .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(
                        ApproximateCreationDateTimePrecision.MICROSECOND)));
        assertThat(updated.destinationStatus()).isEqualTo(DestinationStatus.UPDATING);
        assertThatThrownBy(() -> dynamo.updateKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream)
                .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(
                        ApproximateCreationDateTimePrecision.MICROSECOND))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Invalid Request: Precision is already set to the desired value of MICROSECOND");
        settle();
        long putAt = clock.millis();
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("micro"))));
        assertThat(dynamo.describeKinesisStreamingDestination(b -> b.tableName(table)).kinesisDataStreamDestinations()
                .get(0).approximateCreationDateTimePrecision()).isEqualTo(ApproximateCreationDateTimePrecision.MICROSECOND);

        assertThat(dynamo.disableKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream)).destinationStatus())
                .isEqualTo(DestinationStatus.DISABLING);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("after-disable"))));
        settle();
        assertThat(dynamo.describeKinesisStreamingDestination(b -> b.tableName(table)).kinesisDataStreamDestinations()
                .get(0).destinationStatus()).isEqualTo(DestinationStatus.DISABLED);

        List<JsonNode> records = records(stream);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).at("/dynamodb/ApproximateCreationDateTime").asLong()).isEqualTo(putAt * 1000);
        assertThat(records.get(0).at("/dynamodb/ApproximateCreationDateTimePrecision").asText()).isEqualTo("MICROSECOND");
    }

    @Test
    void badRequestsGetAwsErrors() {
        String table = activeTable(null);
        String stream = stream("errors");
        assertThatThrownBy(() -> dynamo.enableKinesisStreamingDestination(b -> b.tableName("no-such-table").streamArn(stream)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: no-such-table not found");
        assertThatThrownBy(() -> dynamo.enableKinesisStreamingDestination(b -> b.tableName(table)
                .streamArn(stream.replace("errors", "missing"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("User does not have a permission to use kinesis stream");
        assertThatThrownBy(() -> dynamo.disableKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Table is not in a valid state to disable Kinesis Streaming Destination");
        dynamo.enableKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream));
        assertThatThrownBy(() -> dynamo.enableKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Table is not in a valid state to enable Kinesis Streaming Destination");
        assertThatThrownBy(() -> dynamo.updateKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Streaming destination cannot be updated with given parameters: "
                        + "UpdateKinesisStreamingConfiguration cannot be null or contain only null values");
    }

    private String stream(String name) {
        kinesis.createStream(b -> b.streamName(name).shardCount(1));
        settle();
        return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
    }

    private List<JsonNode> records(String streamArn) {
        String iterator = kinesis.getShardIterator(b -> b.streamARN(streamArn).shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        List<JsonNode> records = new ArrayList<>();
        for (Record record : kinesis.getRecords(b -> b.shardIterator(iterator)).records()) {
            try {
                records.add(JSON.readTree(record.data().asByteArray()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return records;
    }
}
