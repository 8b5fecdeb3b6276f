package io.kinesisworkbook.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and GetTags, on databases and tables by ARN. */
final class TagOperations {

    private final DataCatalog catalog;

    TagOperations(DataCatalog catalog) {
        this.catalog = catalog;
    }

    JsonNode tag(AwsRequest request) {
        Members members = request.members();
        Map<String, String> tags = members.stringMap("TagsToAdd");
        new Validation().notNull(members.string("ResourceArn"), "resourceArn").notNull(tags, "tagsToAdd").throwIfAny();
        catalog.tag(request.region(), members.string("ResourceArn"), tags);
        return request.newObject();
    }

    JsonNode untag(AwsRequest request) {
        Members members = request.members();
        List<String> keys = members.stringList("TagsToRemove");
        new Validation().notNull(members.string("ResourceArn"), "resourceArn").notNull(keys, "tagsToRemove").throwIfAny();
        catalog.untag(request.region(), members.string("ResourceArn"), keys);
        return request.newObject();
    }

    JsonNode get(AwsRequest request) {
        Members members = request.members();
        new Validation().notNull(members.string("ResourceArn"), "resourceArn").throwIfAny();
        ObjectNode response = request.newObject();
        ObjectNode tags = response.putObject("Tags");
        catalog.tags(request.region(), members.string("ResourceArn")).forEach(tags::put);
        return response;
    }
}
