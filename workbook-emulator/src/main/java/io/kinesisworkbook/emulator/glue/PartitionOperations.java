package io.kinesisworkbook.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.List;

/**
 * CreatePartition, BatchCreatePartition, GetPartition, GetPartitions (with a filter
 * {@code Expression}), DeletePartition and BatchDeletePartition.
 */
final class PartitionOperations {

    private final DataCatalog catalog;
    private final String accountId;

    PartitionOperations(DataCatalog catalog, String accountId) {
        this.catalog = catalog;
        this.accountId = accountId;
    }

    JsonNode create(AwsRequest request) {
        Members members = request.members();
        TableName table = TableName.of(members);
        new Validation().notNull(members.structure("PartitionInput"), "partitionInput").throwIfAny();
        catalog.createPartition(request.region(), table.database(), table.name(),
                (ObjectNode) request.body().get("PartitionInput"));
        return request.newObject();
    }

    /** Creates each partition it can (at most 100) and lists those it could not, with Glue's error for each. */
    JsonNode batchCreate(AwsRequest request) {
        Members members = request.members();
        TableName table = TableName.of(members);
        JsonNode inputs = request.body().path("PartitionInputList");
        new Validation().notNull(inputs.isArray() ? inputs : null, "partitionInputList").throwIfAny();
        if (inputs.size() > 100) {
            throw GlueErrors.invalidInput("Number of partitions to create exceeds the maximum of 100.");
        }
        catalog.existingTable(request.region(), table.database(), table.name());
        ObjectNode response = request.newObject();
        ArrayNode errors = response.putArray("Errors");
        for (JsonNode input : inputs) {
            try {
                catalog.createPartition(request.region(), table.database(), table.name(), (ObjectNode) input);
            } catch (AwsServiceException e) {
                addError(errors, input.path("Values"), e);
            }
        }
        return response;
    }

    JsonNode get(AwsRequest request) {
        Members members = request.members();
        TableName table = TableName.of(members);
        CatalogTable found = catalog.existingTable(request.region(), table.database(), table.name());
        CatalogPartition partition = catalog.partition(request.region(), table.database(), table.name(),
                values(members));
        ObjectNode response = request.newObject();
        response.set("Partition", GlueShapes.partition(request.protocol(), found, partition, accountId));
        return response;
    }

    JsonNode list(AwsRequest request) {
        Members members = request.members();
        TableName table = TableName.of(members);
        Integer max = members.integer("MaxResults");
        new Validation().range(max, "maxResults", 1, 1000).throwIfAny();
        CatalogTable found = catalog.existingTable(request.region(), table.database(), table.name());
        var filter = PartitionFilter.parse(members.string("Expression"), found.partitionKeys());
        List<CatalogPartition> partitions = catalog.partitions(request.region(), table.database(), table.name())
                .stream().filter(partition -> filter.test(partition.values())).toList();
        ObjectNode response = request.newObject();
        GlueShapes.page(response, "Partitions", partitions, members.string("NextToken"), max,
                partition -> GlueShapes.partition(request.protocol(), found, partition, accountId));
        return response;
    }

    JsonNode delete(AwsRequest request) {
        Members members = request.members();
        TableName table = TableName.of(members);
        catalog.deletePartition(request.region(), table.database(), table.name(), values(members));
        return request.newObject();
    }

    JsonNode batchDelete(AwsRequest request) {
        Members members = request.members();
        TableName table = TableName.of(members);
        catalog.existingTable(request.region(), table.database(), table.name());
        ObjectNode response = request.newObject();
        ArrayNode errors = response.putArray("Errors");
        for (Members toDelete : members.structureList("PartitionsToDelete")) {
            List<String> values = toDelete.stringList("Values");
            try {
                catalog.deletePartition(request.region(), table.database(), table.name(),
                        values == null ? List.of() : values);
            } catch (AwsServiceException e) {
                addError(errors, request.protocol().mapper().valueToTree(values), e);
            }
        }
        return response;
    }

    private static List<String> values(Members members) {
        List<String> values = members.stringList("PartitionValues");
        new Validation().notNull(values, "partitionValues").throwIfAny();
        return values;
    }

    private static void addError(ArrayNode errors, JsonNode values, AwsServiceException e) {
        ObjectNode error = errors.addObject();
        error.set("PartitionValues", values);
        error.putObject("ErrorDetail").put("ErrorCode", e.errorType()).put("ErrorMessage", e.getMessage());
    }

    /** The database and table a partition call names. */
    record TableName(String database, String name) {
        static TableName of(Members members) {
            return new TableName(DatabaseOperations.requiredName(members, "DatabaseName", "databaseName"),
                    DatabaseOperations.requiredName(members, "TableName", "tableName"));
        }
    }
}
