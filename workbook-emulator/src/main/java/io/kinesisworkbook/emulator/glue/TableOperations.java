package io.kinesisworkbook.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** CreateTable, GetTable, GetTables, UpdateTable, DeleteTable and BatchDeleteTable. */
final class TableOperations {

    private final DataCatalog catalog;
    private final String accountId;

    TableOperations(DataCatalog catalog, String accountId) {
        this.catalog = catalog;
        this.accountId = accountId;
    }

    JsonNode create(AwsRequest request) {
        String database = DatabaseOperations.requiredName(request.members(), "DatabaseName", "databaseName");
        catalog.createTable(request.region(), database, tableInput(request));
        return request.newObject();
    }

    JsonNode get(AwsRequest request) {
        Members members = request.members();
        String database = DatabaseOperations.requiredName(members, "DatabaseName", "databaseName");
        String name = DatabaseOperations.requiredName(members, "Name", "name");
        CatalogTable table = catalog.existingTable(request.region(), database, name);
        ObjectNode response = request.newObject();
        response.set("Table", GlueShapes.table(request.protocol(), table, accountId));
        return response;
    }

    /** {@code Expression} is a regular expression on table names, where {@code *} alone means any. */
    JsonNode list(AwsRequest request) {
        Members members = request.members();
        String database = DatabaseOperations.requiredName(members, "DatabaseName", "databaseName");
        Integer max = members.integer("MaxResults");
        new Validation().range(max, "maxResults", 1, 100).throwIfAny();
        Pattern pattern = namePattern(members.string("Expression"));
        List<CatalogTable> tables = catalog.tables(request.region(), database).stream()
                .filter(table -> pattern == null || pattern.matcher(table.name()).matches())
                .toList();
        ObjectNode response = request.newObject();
        GlueShapes.page(response, "TableList", tables, members.string("NextToken"), max,
                table -> GlueShapes.table(request.protocol(), table, accountId));
        return response;
    }

    JsonNode update(AwsRequest request) {
        String database = DatabaseOperations.requiredName(request.members(), "DatabaseName", "databaseName");
        catalog.updateTable(request.region(), database, tableInput(request));
        return request.newObject();
    }

    JsonNode delete(AwsRequest request) {
        Members members = request.members();
        String database = DatabaseOperations.requiredName(members, "DatabaseName", "databaseName");
        catalog.deleteTable(request.region(), database, DatabaseOperations.requiredName(members, "Name", "name"));
        return request.newObject();
    }

    /** Deletes each table it can and lists the ones it could not, as Glue does. */
    JsonNode batchDelete(AwsRequest request) {
        Members members = request.members();
        String database = DatabaseOperations.requiredName(members, "DatabaseName", "databaseName");
        List<String> names = members.stringList("TablesToDelete");
        new Validation().notNull(names, "tablesToDelete").size(names, "tablesToDelete", 0, 100).throwIfAny();
        ObjectNode response = request.newObject();
        var errors = response.putArray("Errors");
        for (String name : names) {
            try {
                catalog.deleteTable(request.region(), database, name);
            } catch (io.kinesisworkbook.emulator.http.AwsServiceException e) {
                ObjectNode error = errors.addObject().put("TableName", name);
                error.putObject("ErrorDetail").put("ErrorCode", e.errorType()).put("ErrorMessage", e.getMessage());
            }
        }
        return response;
    }

    private static ObjectNode tableInput(AwsRequest request) {
        Members members = request.members();
        new Validation().notNull(members.structure("TableInput"), "tableInput").throwIfAny();
        return (ObjectNode) request.body().get("TableInput");
    }

    private static Pattern namePattern(String expression) {
        if (expression == null || expression.isBlank() || expression.equals("*")) {
            return null;
        }
        String regex = expression.replaceAll("(?<!\\.)\\*", ".*");
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw GlueErrors.invalidInput("Expression is not a valid regular expression: " + expression);
        }
    }
}
