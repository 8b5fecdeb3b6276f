package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.expression.Projection;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem and BatchWriteItem: many items, in several tables, in one call, each item on its own
 * (no conditions, no all-or-nothing). The emulator processes every item it is sent, so
 * UnprocessedKeys and UnprocessedItems come back empty unless a response would pass 16 MB.
 */
final class BatchOperations {

    static final int MAX_GET_KEYS = 100;
    static final int MAX_WRITES = 25;
    static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final DynamoDbContext context;

    BatchOperations(DynamoDbContext context) {
        this.context = context;
    }

    JsonNode batchGetItem(AwsRequest request) {
        JsonNode requestItems = requireRequestItems(request);
        int keyCount = 0;
        for (JsonNode tableRequest : requestItems) {
            keyCount += tableRequest.path("Keys").size();
        }
        if (keyCount > MAX_GET_KEYS) {
            throw DynamoDbErrors.validation("Too many items requested for the BatchGetItem call");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ObjectNode responses = result.putObject("Responses");
        ObjectNode unprocessed = result.putObject("UnprocessedKeys");
        long bytes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode tableRequest = entry.getValue();
            ExpressionMembers expressions = new ExpressionMembers(tableRequest, "ProjectionExpression");
            Projection projection = expressions.projection();
            expressions.finish();
            Table table = context.tables.requireForItems(request.region(), entry.getKey());
            List<ObjectNode> keys = distinctKeys(table, tableRequest.path("Keys"));
            ArrayNode found = responses.putArray(entry.getKey());
            for (ObjectNode key : keys) {
                ObjectNode item = table.items().get(key);
                if (item == null) {
                    continue;
                }
                bytes += AttributeValues.itemSize(item);
                if (bytes > MAX_RESPONSE_BYTES) {
                    unprocessedKeys(unprocessed, entry.getKey(), tableRequest).add(key);
                } else {
                    found.add(projection == null ? item : projection.apply(item));
                }
            }
        }
        return result;
    }

    /** The table's entry in UnprocessedKeys: the request's own settings with the keys left to read. */
    private static ArrayNode unprocessedKeys(ObjectNode unprocessed, String table, JsonNode tableRequest) {
        if (!unprocessed.has(table)) {
            ObjectNode copy = ((ObjectNode) tableRequest).deepCopy();
            copy.putArray("Keys");
            unprocessed.set(table, copy);
        }
        return (ArrayNode) unprocessed.get(table).get("Keys");
    }

    private static List<ObjectNode> distinctKeys(Table table, JsonNode keys) {
        if (keys.isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '[]' at 'requestItems." + table.name()
                    + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        List<ObjectNode> distinct = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode key : keys) {
            table.key().checkKey(key);
            if (!seen.add(canonicalKey(table, key))) {
                throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
            }
            distinct.add((ObjectNode) key);
        }
        return distinct;
    }

    JsonNode batchWriteItem(AwsRequest request) {
        JsonNode requestItems = requireRequestItems(request);
        int writes = 0;
        for (JsonNode tableRequests : requestItems) {
            writes += tableRequests.size();
        }
        if (writes > MAX_WRITES) {
            // AWS's model validation, which prints the request's map as its Java objects; ours prints the JSON.
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + requestItems + "' at 'requestItems' "
                    + "failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less "
                    + "than or equal to 25, Member must have length greater than or equal to 1]");
        }
        List<ItemWrite> prepared = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Table table = context.tables.requireForItems(request.region(), entry.getKey());
            Set<String> seen = new HashSet<>();
            for (JsonNode writeRequest : entry.getValue()) {
                ItemWrite write = prepare(table, writeRequest);
                if (!seen.add(canonicalKey(table, write.key()))) {
                    throw DynamoDbErrors.validation("Provided list of item keys contains duplicates");
                }
                prepared.add(write);
            }
        }
        for (ItemWrite write : prepared) {
            write.commit(write.result(write.current()));
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.putObject("UnprocessedItems");
        return result;
    }

    private static ItemWrite prepare(Table table, JsonNode writeRequest) {
        JsonNode put = writeRequest.get("PutRequest");
        JsonNode delete = writeRequest.get("DeleteRequest");
        if ((put == null) == (delete == null)) {
            throw DynamoDbErrors.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly "
                    + "one of the supported datatypes");
        }
        if (put != null) {
            JsonNode item = put.get("Item");
            new Validation().notNull(item, "item").throwIfAny();
            AttributeValues.validateItem(item);
            // Where PutItem names the missing key attribute, BatchWriteItem answers as for a wrong key.
            if (!table.key().indexes((ObjectNode) item)) {
                throw DynamoDbErrors.validation("The provided key element does not match the schema");
            }
            return ItemWrite.put(table, (ObjectNode) item, null);
        }
        JsonNode key = delete.get("Key");
        new Validation().notNull(key, "key").throwIfAny();
        return ItemWrite.delete(table, (ObjectNode) key, null);
    }

    private static JsonNode requireRequestItems(AwsRequest request) {
        Members members = request.members();
        JsonNode requestItems = request.body().get("RequestItems");
        new Validation().notNull(requestItems, "requestItems").throwIfAny();
        if (!requestItems.isObject() || requestItems.isEmpty()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        new Validation().oneOf(members.string("ReturnConsumedCapacity"), "returnConsumedCapacity",
                ItemOperations.RETURN_CAPACITY).throwIfAny();
        for (Iterator<String> names = requestItems.fieldNames(); names.hasNext(); ) {
            DynamoDbContext.checkTableName(names.next());
        }
        return requestItems;
    }

    /** A key in one comparable text, so that {@code {"N":"1"}} and {@code {"N":"1.0"}} are one key. */
    static String canonicalKey(Table table, JsonNode key) {
        StringBuilder text = new StringBuilder();
        for (String name : table.key().names()) {
            text.append(ItemStore.token(key.get(name))).append('|');
        }
        return text.toString();
    }
}
