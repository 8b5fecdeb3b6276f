package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.expression.DocumentPath;
import io.kinesisworkbook.emulator.dynamodb.expression.Projection;
import io.kinesisworkbook.emulator.dynamodb.expression.Update;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.List;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
final class ItemOperations {

    static final List<String> RETURN_VALUES = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    static final List<String> RETURN_CAPACITY = List.of("INDEXES", "TOTAL", "NONE");
    static final List<String> RETURN_METRICS = List.of("SIZE", "NONE");
    static final List<String> RETURN_ON_FAILURE = List.of("ALL_OLD", "NONE");

    private final DynamoDbContext context;

    ItemOperations(DynamoDbContext context) {
        this.context = context;
    }

    JsonNode putItem(AwsRequest request) {
        Members members = request.members();
        String returnValues = checkCommon(members, "item", request.body().get("Item"));
        requireOldOrNone(returnValues);
        ExpressionMembers expressions = new ExpressionMembers(request.body(), "ConditionExpression");
        var condition = expressions.condition();
        expressions.finish();
        ObjectNode item = (ObjectNode) request.body().get("Item");
        AttributeValues.validateItem(item);
        Table table = context.tables.requireForItems(request.region(), members.string("TableName"));
        return applyReturningOld(ItemWrite.put(table, item, condition), members, returnValues, item);
    }

    JsonNode deleteItem(AwsRequest request) {
        Members members = request.members();
        String returnValues = checkCommon(members, "key", request.body().get("Key"));
        requireOldOrNone(returnValues);
        ExpressionMembers expressions = new ExpressionMembers(request.body(), "ConditionExpression");
        var condition = expressions.condition();
        expressions.finish();
        Table table = context.tables.requireForItems(request.region(), members.string("TableName"));
        return applyReturningOld(ItemWrite.delete(table, (ObjectNode) request.body().get("Key"), condition), members,
                returnValues, null);
    }

    JsonNode updateItem(AwsRequest request) {
        Members members = request.members();
        String returnValues = checkCommon(members, "key", request.body().get("Key"));
        ExpressionMembers expressions = new ExpressionMembers(request.body(), "UpdateExpression", "ConditionExpression");
        Update update = expressions.update();
        var condition = expressions.condition();
        expressions.finish();
        Table table = context.tables.requireForItems(request.region(), members.string("TableName"));
        ItemWrite write = ItemWrite.update(table, (ObjectNode) request.body().get("Key"), update, condition);
        ObjectNode old = write.current();
        ObjectNode updated = AttributeValues.normalizeItem(check(write, old, members));
        write.commit(updated);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ObjectNode attributes = returned(returnValues, old, updated, update);
        if (attributes != null && !attributes.isEmpty()) {
            result.set("Attributes", attributes);
        }
        double units = Capacity.writeUnits(old, updated);
        context.metrics.write(table.name(), units);
        Capacity.report(result, members.string("ReturnConsumedCapacity"), table.name(), units);
        return result;
    }

    /** What UpdateItem's ReturnValues asks for: whole items, or just the attributes the update touched. */
    private static ObjectNode returned(String returnValues, ObjectNode old, ObjectNode updated, Update update) {
        List<DocumentPath> paths = update == null ? List.of() : update.paths();
        return switch (returnValues == null ? "NONE" : returnValues) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> updated;
            case "UPDATED_OLD" -> old == null ? null : DocumentPath.project(old, paths);
            case "UPDATED_NEW" -> DocumentPath.project(updated, paths);
            default -> null;
        };
    }

    JsonNode getItem(AwsRequest request) {
        Members members = request.members();
        checkCommon(members, "key", request.body().get("Key"));
        ExpressionMembers expressions = new ExpressionMembers(request.body(), "ProjectionExpression");
        Projection projection = expressions.projection();
        expressions.finish();
        Table table = context.tables.requireForItems(request.region(), members.string("TableName"));
        ObjectNode key = (ObjectNode) request.body().get("Key");
        table.key().checkKey(key);
        ObjectNode item = table.items().get(key);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if (item != null) {
            result.set("Item", projection == null ? item : projection.apply(item));
        }
        boolean consistent = Boolean.TRUE.equals(members.bool("ConsistentRead"));
        double units = Capacity.readUnits(item == null ? 0 : AttributeValues.itemSize(item), consistent);
        context.metrics.read(table.name(), units);
        Capacity.report(result, members.string("ReturnConsumedCapacity"), table.name(), units);
        return result;
    }

    /** Checks the write's condition and computes its result; ConditionalCheckFailedException when it fails. */
    private static ObjectNode check(ItemWrite write, ObjectNode current, Members members) {
        if (!write.conditionHolds(current)) {
            throw conditionFailed(current, members.string("ReturnValuesOnConditionCheckFailure"));
        }
        return write.result(current);
    }

    /**
     * Applies a put or a delete ({@code written} is the new item, or null) and answers as both do:
     * the replaced item when ReturnValues is ALL_OLD, and the capacity used when asked.
     */
    private JsonNode applyReturningOld(ItemWrite write, Members members, String returnValues, ObjectNode written) {
        ObjectNode old = write.current();
        write.commit(check(write, old, members));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        if ("ALL_OLD".equals(returnValues) && old != null) {
            result.set("Attributes", old);
        }
        double units = Capacity.writeUnits(old, written);
        context.metrics.write(write.table().name(), units);
        Capacity.report(result, members.string("ReturnConsumedCapacity"), write.table().name(), units);
        return result;
    }

    static AwsServiceException conditionFailed(ObjectNode current, String returnOnFailure) {
        AwsServiceException failure = DynamoDbErrors.conditionalCheckFailed();
        if ("ALL_OLD".equals(returnOnFailure) && current != null) {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.set("Item", current);
            return failure.withDetails(details);
        }
        return failure;
    }

    /** The checks every item operation makes first, in AWS's words; returns ReturnValues. */
    private static String checkCommon(Members members, String itemMember, JsonNode itemOrKey) {
        String table = members.string("TableName");
        String returnValues = members.string("ReturnValues");
        Validation validation = DynamoDbContext.tableName(new Validation(), table, "tableName")
                .notNull(itemOrKey, itemMember)
                .oneOf(returnValues, "returnValues", RETURN_VALUES)
                .oneOf(members.string("ReturnConsumedCapacity"), "returnConsumedCapacity", RETURN_CAPACITY)
                .oneOf(members.string("ReturnItemCollectionMetrics"), "returnItemCollectionMetrics", RETURN_METRICS)
                .oneOf(members.string("ReturnValuesOnConditionCheckFailure"), "returnValuesOnConditionCheckFailure",
                        RETURN_ON_FAILURE);
        validation.throwIfAny();
        if (!itemOrKey.isObject()) {
            throw DynamoDbErrors.serialization("Start of list found where not expected");
        }
        return returnValues;
    }

    private static void requireOldOrNone(String returnValues) {
        if (returnValues != null && !returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw DynamoDbErrors.validation("ReturnValues can only be ALL_OLD or NONE");
        }
    }
}
