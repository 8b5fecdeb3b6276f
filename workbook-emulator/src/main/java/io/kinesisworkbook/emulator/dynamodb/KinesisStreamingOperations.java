package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import io.kinesisworkbook.emulator.kinesis.StreamTap;
import java.util.List;

/**
 * Kinesis Data Streams for DynamoDB: Enable, Disable, Describe and UpdateKinesisStreamingDestination.
 * The records themselves are written by {@link KinesisChangeRecords} as items change.
 */
final class KinesisStreamingOperations {

    static final List<String> PRECISIONS = List.of(KinesisDestinations.MILLISECOND, KinesisDestinations.MICROSECOND);
    private static final String NOT_ENABLEABLE = "Table is not in a valid state to enable Kinesis Streaming "
            + "Destination:EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.";
    private static final String NOT_DISABLEABLE = "Table is not in a valid state to disable Kinesis Streaming "
            + "Destination:DisableKinesisStreamingDestination must be ACTIVE to perform DISABLE operation.";

    private final DynamoDbContext context;
    private final StreamTap tap;

    KinesisStreamingOperations(DynamoDbContext context, StreamTap tap) {
        this.context = context;
        this.tap = tap;
    }

    JsonNode enable(AwsRequest request) {
        Members members = request.members();
        String streamArn = streamArn(members);
        Members configuration = members.structure("EnableKinesisStreamingConfiguration");
        String precision = configuration == null ? null : configuration.string("ApproximateCreationDateTimePrecision");
        new Validation().oneOf(precision, "enableKinesisStreamingConfiguration.approximateCreationDateTimePrecision",
                PRECISIONS).throwIfAny();
        Table table = table(request, members);
        requireStream(streamArn);
        KinesisDestinations destinations = table.kinesisDestinations();
        KinesisDestinations.Destination existing = destinations.find(streamArn);
        if (existing != null && !existing.status().equals("DISABLED")) {
            throw DynamoDbErrors.validation(NOT_ENABLEABLE);
        }
        for (KinesisDestinations.Destination other : destinations.all()) {
            if (!other.streamArn().equals(streamArn) && !other.status().equals("DISABLED")) {
                // AWS streams a table to one Kinesis data stream; these words are the emulator's.
                throw DynamoDbErrors.validation("Table is not in a valid state to enable Kinesis Streaming Destination: "
                        + "the table already streams to " + other.streamArn() + "; a table streams to one Kinesis data "
                        + "stream at a time.");
            }
        }
        KinesisDestinations.Destination destination = destinations.enable(streamArn, precision, context.now(),
                context.transitionMillis);
        ObjectNode result = answer(table, destination);
        ObjectNode echoed = result.putObject("EnableKinesisStreamingConfiguration");
        if (precision != null) {
            echoed.put("ApproximateCreationDateTimePrecision", precision);
        }
        return result;
    }

    JsonNode disable(AwsRequest request) {
        Members members = request.members();
        String streamArn = streamArn(members);
        Table table = table(request, members);
        requireStream(streamArn);
        KinesisDestinations.Destination destination = table.kinesisDestinations().find(streamArn);
        if (destination == null || !destination.status().equals("ACTIVE")) {
            throw DynamoDbErrors.validation(NOT_DISABLEABLE);
        }
        table.kinesisDestinations().disable(destination, context.now(), context.transitionMillis);
        return answer(table, destination);
    }

    JsonNode describe(AwsRequest request) {
        Members members = request.members();
        Table table = table(request, members);
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("TableName", table.name());
        ArrayNode destinations = result.putArray("KinesisDataStreamDestinations");
        for (KinesisDestinations.Destination destination : table.kinesisDestinations().all()) {
            ObjectNode shown = destinations.addObject().put("StreamArn", destination.streamArn())
                    .put("DestinationStatus", destination.status());
            if (destination.precisionChosen()) {
                shown.put("ApproximateCreationDateTimePrecision", destination.precision());
            }
        }
        return result;
    }

    JsonNode update(AwsRequest request) {
        Members members = request.members();
        String streamArn = streamArn(members);
        Members configuration = members.structure("UpdateKinesisStreamingConfiguration");
        String precision = configuration == null ? null : configuration.string("ApproximateCreationDateTimePrecision");
        Table table = table(request, members);
        if (precision == null) {
            throw DynamoDbErrors.validation("Streaming destination cannot be updated with given parameters: "
                    + "UpdateKinesisStreamingConfiguration cannot be null or contain only null values");
        }
        new Validation().oneOf(precision, "updateKinesisStreamingConfiguration.approximateCreationDateTimePrecision",
                PRECISIONS).throwIfAny();
        KinesisDestinations.Destination destination = table.kinesisDestinations().find(streamArn);
        if (destination == null || !destination.streaming()) {
            throw DynamoDbErrors.validation("Table is not in a valid state to enable Kinesis Streaming Destination: "
                    + "No streaming destination with streamArn: " + streamArn + " found for table with tableName: "
                    + table.name());
        }
        if (destination.precision().equals(precision)) {
            throw DynamoDbErrors.validation("Invalid Request: Precision is already set to the desired value of "
                    + precision + " for tableId: " + table.id() + ", kdsArn: " + streamArn);
        }
        table.kinesisDestinations().changePrecision(destination, precision, context.now(), context.transitionMillis);
        ObjectNode result = answer(table, destination);
        result.putObject("UpdateKinesisStreamingConfiguration").put("ApproximateCreationDateTimePrecision", precision);
        return result;
    }

    private static String streamArn(Members members) {
        String streamArn = members.string("StreamArn");
        new Validation().notNull(streamArn, "streamArn").length(streamArn, "streamArn", 37, 1024).throwIfAny();
        return streamArn;
    }

    private Table table(AwsRequest request, Members members) {
        String name = members.string("TableName");
        DynamoDbContext.checkTableName(name);
        return context.tables.require(request.region(), name);
    }

    /** A stream of this account and region that exists; AWS cannot tell a missing stream from a forbidden one. */
    private void requireStream(String streamArn) {
        if (!tap.exists(streamArn)) {
            throw DynamoDbErrors.validation("User does not have a permission to use kinesis stream");
        }
    }

    private static ObjectNode answer(Table table, KinesisDestinations.Destination destination) {
        return JsonNodeFactory.instance.objectNode().put("TableName", table.name())
                .put("StreamArn", destination.streamArn()).put("DestinationStatus", destination.status());
    }
}
