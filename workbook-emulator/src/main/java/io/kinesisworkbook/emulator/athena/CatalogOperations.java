package io.kinesisworkbook.emulator.athena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.glue.CatalogDatabase;
import io.kinesisworkbook.emulator.glue.CatalogTable;
import io.kinesisworkbook.emulator.glue.DataCatalog;
import io.kinesisworkbook.emulator.http.AwsProtocol;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Athena's own view of its data catalog, read from the Glue catalog: ListDataCatalogs,
 * GetDataCatalog, ListDatabases, GetDatabase, ListTableMetadata and GetTableMetadata, as JDBC
 * drivers and SQL tools call them. The one catalog is {@code AwsDataCatalog}, of type GLUE.
 */
final class CatalogOperations {

    static final String CATALOG = "AwsDataCatalog";

    private final DataCatalog catalog;
    private final String accountId;

    CatalogOperations(DataCatalog catalog, String accountId) {
        this.catalog = catalog;
        this.accountId = accountId;
    }

    JsonNode listCatalogs(AwsRequest request) {
        ObjectNode response = request.newObject();
        response.putArray("DataCatalogsSummary").addObject().put("CatalogName", CATALOG).put("Type", "GLUE");
        return response;
    }

    JsonNode getCatalog(AwsRequest request) {
        String name = request.members().string("Name");
        AthenaErrors.check(new Validation().notNull(name, "name"));
        checkCatalog(name);
        ObjectNode response = request.newObject();
        ObjectNode node = response.putObject("DataCatalog").put("Name", CATALOG).put("Type", "GLUE")
                .put("Description", "AWS Glue Data Catalog");
        node.putObject("Parameters").put("catalog-id", accountId);
        return response;
    }

    JsonNode listDatabases(AwsRequest request) {
        Members members = request.members();
        Integer max = members.integer("MaxResults");
        AthenaErrors.check(new Validation().notNull(members.string("CatalogName"), "catalogName").range(max, "maxResults", 1, 50));
        checkCatalog(members.string("CatalogName"));
        List<CatalogDatabase> databases = catalog.allDatabases(request.region());
        ObjectNode response = request.newObject();
        ArrayNode list = response.putArray("DatabaseList");
        NextTokens.page(databases, members.string("NextToken"), max == null ? 50 : max, response)
                .forEach(database -> list.add(database(request, database)));
        return response;
    }

    JsonNode getDatabase(AwsRequest request) {
        Members members = request.members();
        AthenaErrors.check(new Validation().notNull(members.string("CatalogName"), "catalogName")
                .notNull(members.string("DatabaseName"), "databaseName"));
        checkCatalog(members.string("CatalogName"));
        String name = members.string("DatabaseName");
        CatalogDatabase database = catalog.database(request.region(), name)
                .orElseThrow(() -> metadata("Database " + name + " not found."));
        ObjectNode response = request.newObject();
        response.set("Database", database(request, database));
        return response;
    }

    /** {@code Expression} is a pattern on table names, {@code *} for any characters. */
    JsonNode listTables(AwsRequest request) {
        Members members = request.members();
        Integer max = members.integer("MaxResults");
        AthenaErrors.check(new Validation().notNull(members.string("CatalogName"), "catalogName")
                .notNull(members.string("DatabaseName"), "databaseName").range(max, "maxResults", 1, 50));
        checkCatalog(members.string("CatalogName"));
        String database = members.string("DatabaseName");
        if (catalog.database(request.region(), database).isEmpty()) {
            throw metadata("Database " + database + " not found.");
        }
        String expression = members.string("Expression");
        Pattern pattern = expression == null ? null
                : Pattern.compile(Pattern.quote(expression.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q"));
        List<CatalogTable> tables = catalog.tables(request.region(), database).stream()
                .filter(table -> pattern == null || pattern.matcher(table.name()).matches()).toList();
        ObjectNode response = request.newObject();
        ArrayNode list = response.putArray("TableMetadataList");
        NextTokens.page(tables, members.string("NextToken"), max == null ? 50 : max, response)
                .forEach(table -> list.add(table(request.protocol(), table)));
        return response;
    }

    JsonNode getTable(AwsRequest request) {
        Members members = request.members();
        AthenaErrors.check(new Validation().notNull(members.string("CatalogName"), "catalogName")
                .notNull(members.string("DatabaseName"), "databaseName").notNull(members.string("TableName"), "tableName"));
        checkCatalog(members.string("CatalogName"));
        String database = members.string("DatabaseName");
        String name = members.string("TableName");
        if (catalog.database(request.region(), database).isEmpty()) {
            throw metadata("Database " + database + " not found.");
        }
        CatalogTable table = catalog.table(request.region(), database, name)
                .orElseThrow(() -> metadata("Table " + name + " not found."));
        ObjectNode response = request.newObject();
        response.set("TableMetadata", table(request.protocol(), table));
        return response;
    }

    private static ObjectNode database(AwsRequest request, CatalogDatabase database) {
        ObjectNode node = request.newObject().put("Name", database.name());
        if (database.input().has("Description")) {
            node.set("Description", database.input().get("Description"));
        }
        node.set("Parameters", database.input().has("Parameters") ? database.input().get("Parameters") : request.newObject());
        return node;
    }

    private static ObjectNode table(AwsProtocol protocol, CatalogTable table) {
        ObjectNode node = protocol.mapper().createObjectNode().put("Name", table.name());
        node.set("CreateTime", Members.timestamp(protocol, table.createTime()));
        if (table.input().has("TableType")) {
            node.set("TableType", table.input().get("TableType"));
        }
        ArrayNode columns = node.putArray("Columns");
        table.storage().columns().forEach(column -> column.addTo(columns));
        ArrayNode partitionKeys = node.putArray("PartitionKeys");
        table.partitionKeys().forEach(column -> column.addTo(partitionKeys));
        ObjectNode parameters = node.putObject("Parameters");
        table.parameters().forEach(parameters::put);
        if (table.storage().location() != null) {
            parameters.put("location", table.storage().location());
        }
        if (table.storage().serializationLibrary() != null) {
            parameters.put("serde.serialization.lib", table.storage().serializationLibrary());
        }
        return node;
    }


    private static void checkCatalog(String name) {
        if (!CATALOG.equalsIgnoreCase(name)) {
            throw metadata("Catalog " + name + " was not found.");
        }
    }

    /** Athena's answer when its catalog lacks what a call names. */
    private static io.kinesisworkbook.emulator.http.AwsServiceException metadata(String message) {
        return io.kinesisworkbook.emulator.http.AwsServiceException.clientError("MetadataException", message);
    }
}
