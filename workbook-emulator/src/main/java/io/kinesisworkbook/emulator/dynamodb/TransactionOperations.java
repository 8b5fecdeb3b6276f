package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.expression.Condition;
import io.kinesisworkbook.emulator.dynamodb.expression.Projection;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems: up to 100 actions on up to 100 items, all or nothing.
 * Every condition is checked against the items as they are before anything is written; one failure
 * cancels the lot, and the error lists a reason for every action, in order.
 */
final class TransactionOperations {

    static final int MAX_ACTIONS = 100;
    /** How long AWS remembers a ClientRequestToken. */
    static final long TOKEN_MILLIS = 10 * 60 * 1000;

    private final DynamoDbContext context;
    private final Map<String, RememberedToken> tokens = new LinkedHashMap<>();

    private record RememberedToken(JsonNode request, long expiresMillis) {
    }

    TransactionOperations(DynamoDbContext context) {
        this.context = context;
    }

    JsonNode transactWriteItems(AwsRequest request) {
        List<JsonNode> actions = actions(request);
        if (isRepeat(request)) {
            return JsonNodeFactory.instance.objectNode();
        }
        List<ItemWrite> writes = new ArrayList<>();
        Set<String> items = new HashSet<>();
        for (JsonNode action : actions) {
            ItemWrite write = prepare(request.region(), action);
            if (!items.add(write.table().name() + "/" + BatchOperations.canonicalKey(write.table(), write.key()))) {
                throw DynamoDbErrors.validation("Transaction request cannot include multiple operations on one item");
            }
            writes.add(write);
        }
        List<ObjectNode> results = evaluate(writes, actions);
        for (int i = 0; i < writes.size(); i++) {
            writes.get(i).commit(results.get(i));
        }
        remember(request);
        return JsonNodeFactory.instance.objectNode();
    }

    /** Each write's result; TransactionCanceledException with every action's reason if any fails. */
    private static List<ObjectNode> evaluate(List<ItemWrite> writes, List<JsonNode> actions) {
        List<ObjectNode> results = new ArrayList<>();
        ArrayNode reasons = JsonNodeFactory.instance.arrayNode();
        boolean cancelled = false;
        for (int i = 0; i < writes.size(); i++) {
            ItemWrite write = writes.get(i);
            ObjectNode current = write.current();
            ObjectNode reason = reasons.addObject();
            if (!write.conditionHolds(current)) {
                cancelled = true;
                reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                if ("ALL_OLD".equals(body(actions.get(i)).path("ReturnValuesOnConditionCheckFailure").asText())
                        && current != null) {
                    reason.set("Item", current);
                }
                results.add(null);
                continue;
            }
            try {
                results.add(write.result(current));
                reason.put("Code", "None");
            } catch (AwsServiceException invalid) {
                cancelled = true;
                reason.put("Code", "ValidationError").put("Message", invalid.getMessage());
                results.add(null);
            }
        }
        if (cancelled) {
            throw cancelled(reasons);
        }
        return results;
    }

    private static AwsServiceException cancelled(ArrayNode reasons) {
        return DynamoDbErrors.transactionCanceled(reasons);
    }

    private ItemWrite prepare(String region, JsonNode action) {
        String kind = kind(action);
        JsonNode body = action.get(kind);
        String tableName = body.path("TableName").asText(null);
        DynamoDbContext.checkTableName(tableName);
        ExpressionMembers expressions = kind.equals("Update")
                ? new ExpressionMembers(body, "UpdateExpression", "ConditionExpression")
                : new ExpressionMembers(body, "ConditionExpression");
        var update = kind.equals("Update") ? expressions.update() : null;
        Condition condition = expressions.condition();
        expressions.finish();
        if (kind.equals("ConditionCheck") && condition == null) {
            throw DynamoDbErrors.validation("The expression can not be empty;");
        }
        if (kind.equals("Update") && update == null) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'transactItems.member.update."
                    + "updateExpression' failed to satisfy constraint: Member must not be null");
        }
        Table table = context.tables.requireForItems(region, tableName);
        return switch (kind) {
            case "Put" -> {
                JsonNode item = body.get("Item");
                new Validation().notNull(item, "transactItems.member.put.item").throwIfAny();
                AttributeValues.validateItem(item);
                yield ItemWrite.put(table, (ObjectNode) item, condition);
            }
            case "Update" -> ItemWrite.update(table, key(body), update, condition);
            case "Delete" -> ItemWrite.delete(table, key(body), condition);
            default -> ItemWrite.check(table, key(body), condition);
        };
    }

    JsonNode transactGetItems(AwsRequest request) {
        List<JsonNode> actions = actions(request);
        List<ObjectNode> found = new ArrayList<>();
        for (JsonNode action : actions) {
            JsonNode get = action.get("Get");
            if (get == null || action.size() != 1) {
                throw DynamoDbErrors.validation("1 validation error detected: Value null at 'transactItems.1.member.get' "
                        + "failed to satisfy constraint: Member must not be null");
            }
            DynamoDbContext.checkTableName(get.path("TableName").asText(null));
            ExpressionMembers expressions = new ExpressionMembers(get, "ProjectionExpression");
            Projection projection = expressions.projection();
            expressions.finish();
            Table table = context.tables.requireForItems(request.region(), get.get("TableName").asText());
            ObjectNode key = key(get);
            table.key().checkKey(key);
            ObjectNode item = table.items().get(key);
            found.add(item == null || projection == null ? item : projection.apply(item));
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = result.putArray("Responses");
        for (ObjectNode item : found) {
            ObjectNode response = responses.addObject();
            if (item != null) {
                response.set("Item", item);
            }
        }
        return result;
    }

    private static List<JsonNode> actions(AwsRequest request) {
        JsonNode items = request.body().get("TransactItems");
        new Validation().notNull(items, "transactItems").throwIfAny();
        List<JsonNode> actions = new ArrayList<>();
        items.forEach(actions::add);
        new Validation().size(actions, "transactItems", 1, MAX_ACTIONS).throwIfAny();
        return actions;
    }

    private static String kind(JsonNode action) {
        List<String> kinds = new ArrayList<>();
        action.fieldNames().forEachRemaining(kinds::add);
        if (kinds.size() != 1 || !List.of("ConditionCheck", "Put", "Delete", "Update").contains(kinds.get(0))) {
            throw DynamoDbErrors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        return kinds.get(0);
    }

    private static JsonNode body(JsonNode action) {
        return action.get(kind(action));
    }

    private static ObjectNode key(JsonNode body) {
        JsonNode key = body.get("Key");
        new Validation().notNull(key, "key").throwIfAny();
        return (ObjectNode) key;
    }

    /**
     * Whether this request repeats one already done with the same ClientRequestToken, which AWS
     * answers with success without writing again; the same token with other items is an error.
     */
    private boolean isRepeat(AwsRequest request) {
        String token = request.members().string("ClientRequestToken");
        if (token == null) {
            return false;
        }
        long now = context.now();
        tokens.values().removeIf(remembered -> remembered.expiresMillis() <= now);
        RememberedToken remembered = tokens.get(token);
        if (remembered == null) {
            return false;
        }
        if (!remembered.request().equals(request.body().get("TransactItems"))) {
            throw DynamoDbErrors.idempotentParameterMismatch();
        }
        return true;
    }

    /** Remembers a done transaction's ClientRequestToken for ten minutes. */
    private void remember(AwsRequest request) {
        String token = request.members().string("ClientRequestToken");
        if (token != null) {
            tokens.put(token, new RememberedToken(request.body().get("TransactItems"), context.now() + TOKEN_MILLIS));
        }
    }
}
