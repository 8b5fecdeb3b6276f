package io.kinesisworkbook.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.Map;

/** CreateDatabase, GetDatabase, GetDatabases, UpdateDatabase and DeleteDatabase. */
final class DatabaseOperations {

    private final DataCatalog catalog;
    private final String accountId;

    DatabaseOperations(DataCatalog catalog, String accountId) {
        this.catalog = catalog;
        this.accountId = accountId;
    }

    JsonNode create(AwsRequest request) {
        Members members = request.members();
        new Validation().notNull(members.structure("DatabaseInput"), "databaseInput").throwIfAny();
        Map<String, String> tags = members.stringMap("Tags");
        catalog.createDatabase(request.region(), (ObjectNode) request.body().get("DatabaseInput"),
                tags == null ? Map.of() : tags);
        return request.newObject();
    }

    JsonNode get(AwsRequest request) {
        String name = requiredName(request.members(), "Name", "name");
        CatalogDatabase database = catalog.database(request.region(), name)
                .orElseThrow(() -> GlueErrors.databaseNotFound(name));
        ObjectNode response = request.newObject();
        response.set("Database", GlueShapes.database(request.protocol(), database, accountId));
        return response;
    }

    JsonNode list(AwsRequest request) {
        Members members = request.members();
        Integer max = members.integer("MaxResults");
        new Validation().range(max, "maxResults", 1, 100).throwIfAny();
        ObjectNode response = request.newObject();
        GlueShapes.page(response, "DatabaseList", catalog.allDatabases(request.region()), members.string("NextToken"),
                max, database -> GlueShapes.database(request.protocol(), database, accountId));
        return response;
    }

    JsonNode delete(AwsRequest request) {
        catalog.deleteDatabase(request.region(), requiredName(request.members(), "Name", "name"));
        return request.newObject();
    }

    static String requiredName(Members members, String member, String path) {
        String name = members.string(member);
        new Validation().notNull(name, path).length(name, path, 1, 255).throwIfAny();
        return name;
    }
}
