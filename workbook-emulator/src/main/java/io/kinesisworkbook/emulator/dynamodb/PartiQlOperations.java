package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlErrors;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlParser;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlStatement;
import io.kinesisworkbook.emulator.http.AwsProtocol;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * DynamoDB's PartiQL: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. Each statement
 * is parsed ({@link PartiQlParser}) and translated into the request of the operation that does its
 * work ({@link PartiQlTranslation}), which the emulator's own operations then answer: PartiQL reads
 * and writes exactly as GetItem, Query, Scan, PutItem, UpdateItem, DeleteItem and the transactions do.
 */
final class PartiQlOperations {

    static final int MAX_BATCH_STATEMENTS = 25;
    static final int MAX_TRANSACTION_STATEMENTS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbContext context;
    private final ItemOperations items;
    private final QueryOperations queries;
    private final TransactionOperations transactions;

    PartiQlOperations(DynamoDbContext context, ItemOperations items, QueryOperations queries,
                      TransactionOperations transactions) {
        this.context = context;
        this.items = items;
        this.queries = queries;
        this.transactions = transactions;
    }

    JsonNode executeStatement(AwsRequest request) {
        Members members = request.members();
        String statement = members.string("Statement");
        Integer limit = members.integer("Limit");
        String nextToken = members.string("NextToken");
        new Validation().notNull(statement, "statement").length(statement, "statement", 1, 8192)
                .range(limit, "limit", 1, Integer.MAX_VALUE).length(nextToken, "nextToken", 1, 32768)
                .oneOf(members.string("ReturnConsumedCapacity"), "returnConsumedCapacity", ItemOperations.RETURN_CAPACITY)
                .oneOf(members.string("ReturnValuesOnConditionCheckFailure"), "returnValuesOnConditionCheckFailure",
                        ItemOperations.RETURN_ON_FAILURE)
                .throwIfAny();
        JsonNode parameters = request.body().get("Parameters");
        PartiQlStatement parsed = PartiQlParser.parse(statement, parameters(parameters, "parameters"));
        Table table = context.tables.requireForItems(request.region(), parsed.table());
        PartiQlTranslation translation = new PartiQlTranslation(table);
        if (parsed instanceof PartiQlStatement.Select select) {
            return select(request, select, table, translation, statement + parameters);
        }
        ObjectNode write = write(translation, parsed, request.body());
        copy(request.body(), write, "ReturnConsumedCapacity");
        return written(parsed, write, call(request, operationOf(parsed), write));
    }

    JsonNode batchExecuteStatement(AwsRequest request) {
        JsonNode statements = request.body().get("Statements");
        new Validation().notNull(statements, "statements").throwIfAny();
        List<JsonNode> entries = new ArrayList<>();
        statements.forEach(entries::add);
        new Validation().size(entries, "statements", 1, MAX_BATCH_STATEMENTS)
                .oneOf(request.members().string("ReturnConsumedCapacity"), "returnConsumedCapacity",
                        ItemOperations.RETURN_CAPACITY).throwIfAny();
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = result.putArray("Responses");
        for (JsonNode entry : entries) {
            ObjectNode response = responses.addObject();
            try {
                batchStatement(request, entry, response);
            } catch (AwsServiceException e) {
                response.set("Error", batchError(e));
            }
        }
        return result;
    }

    JsonNode executeTransaction(AwsRequest request) {
        Members members = request.members();
        JsonNode statements = request.body().get("TransactStatements");
        String token = members.string("ClientRequestToken");
        new Validation().notNull(statements, "transactStatements").length(token, "clientRequestToken", 1, 36)
                .oneOf(members.string("ReturnConsumedCapacity"), "returnConsumedCapacity", ItemOperations.RETURN_CAPACITY)
                .throwIfAny();
        List<JsonNode> entries = new ArrayList<>();
        statements.forEach(entries::add);
        new Validation().size(entries, "transactStatements", 1, MAX_TRANSACTION_STATEMENTS).throwIfAny();
        List<PartiQlStatement> parsed = new ArrayList<>();
        List<PartiQlTranslation> translations = new ArrayList<>();
        for (JsonNode entry : entries) {
            PartiQlStatement statement = PartiQlParser.parse(entry.path("Statement").asText(""),
                    parameters(entry.get("Parameters"), "parameters"));
            if (returning(statement) != null) {
                throw PartiQlErrors.invalid("RETURNING clause is not supported in ExecuteTransaction.");
            }
            parsed.add(statement);
            translations.add(new PartiQlTranslation(context.tables.requireForItems(request.region(), statement.table())));
        }
        boolean reads = parsed.get(0).isRead();
        if (parsed.stream().anyMatch(statement -> statement.isRead() != reads)) {
            // AWS's documentation says it so; the emulator's message is in its words.
            throw PartiQlErrors.invalid("The entire transaction must consist of either read statements or write "
                    + "statements, you cannot mix both in one transaction");
        }
        return reads ? readTransaction(request, parsed, translations) : writeTransaction(request, entries, parsed, translations);
    }

    // --- one statement -----------------------------------------------------------------------------

    private JsonNode select(AwsRequest request, PartiQlStatement.Select select, Table table, PartiQlTranslation translation,
                            String fingerprint) {
        SecondaryIndex index = null;
        if (select.index() != null) {
            index = table.indexes().get(select.index());
            if (index == null) {
                throw DynamoDbErrors.validation("The table does not have the specified index: " + select.index());
            }
        }
        PartiQlTranslation.Read read = translation.queryOrScan(select, index);
        ObjectNode body = read.request();
        copy(request.body(), body, "Limit");
        copy(request.body(), body, "ConsistentRead");
        copy(request.body(), body, "ReturnConsumedCapacity");
        String nextToken = request.members().string("NextToken");
        if (nextToken != null) {
            body.set("ExclusiveStartKey", startKey(nextToken, fingerprint));
        }
        JsonNode page = call(request, read.query() ? "Query" : "Scan", body);
        PartiQlSelection selection = new PartiQlSelection(select);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode selected = result.putArray("Items");
        for (JsonNode item : page.path("Items")) {
            ObjectNode kept = selection.select((ObjectNode) item);
            if (kept != null) {
                selected.add(kept);
            }
        }
        if (page.has("LastEvaluatedKey")) {
            result.put("NextToken", nextToken(page.get("LastEvaluatedKey"), fingerprint));
            result.set("LastEvaluatedKey", page.get("LastEvaluatedKey"));
        }
        copy(page, result, "ConsumedCapacity");
        return result;
    }

    /** INSERT, UPDATE or DELETE as a PutItem, UpdateItem or DeleteItem request. */
    private static ObjectNode write(PartiQlTranslation translation, PartiQlStatement statement, JsonNode options) {
        ObjectNode write;
        if (statement instanceof PartiQlStatement.Insert insert) {
            write = translation.putItem(insert);
        } else if (statement instanceof PartiQlStatement.Update update) {
            write = translation.updateItem(update);
        } else {
            write = translation.deleteItem((PartiQlStatement.Delete) statement);
        }
        copy(options, write, "ReturnValuesOnConditionCheckFailure");
        return write;
    }

    /** What a write answers: the item RETURNING asked for, or no items. */
    private static JsonNode written(PartiQlStatement statement, ObjectNode write, JsonNode answer) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode returned = result.putArray("Items");
        if (returning(statement) != null && answer.has("Attributes")) {
            returned.add(answer.get("Attributes"));
        }
        copy(answer, result, "ConsumedCapacity");
        return result;
    }

    private void batchStatement(AwsRequest request, JsonNode entry, ObjectNode response) {
        PartiQlStatement statement = PartiQlParser.parse(entry.path("Statement").asText(""),
                parameters(entry.get("Parameters"), "parameters"));
        Table table = context.tables.requireForItems(request.region(), statement.table());
        response.put("TableName", table.name());
        PartiQlTranslation translation = new PartiQlTranslation(table);
        if (statement instanceof PartiQlStatement.Select select) {
            ObjectNode get = translation.getItem(select);
            copy(entry, get, "ConsistentRead");
            ObjectNode item = new PartiQlSelection(select).select((ObjectNode) call(request, "GetItem", get).get("Item"));
            if (item != null) {
                response.set("Item", item);
            }
            return;
        }
        ObjectNode write = write(translation, statement, entry);
        call(request, operationOf(statement), write);
    }

    /** A failed statement of a batch as its BatchStatementError: AWS's code, message and, if asked, the item. */
    private static ObjectNode batchError(AwsServiceException e) {
        String code = switch (e.errorType()) {
            case "ConditionalCheckFailedException" -> "ConditionalCheckFailed";
            case "DuplicateItemException" -> "DuplicateItem";
            case "ResourceNotFoundException" -> "ResourceNotFound";
            case "ValidationException" -> "ValidationError";
            case "ProvisionedThroughputExceededException" -> "ProvisionedThroughputExceeded";
            default -> "InternalServerError";
        };
        ObjectNode error = JsonNodeFactory.instance.objectNode().put("Code", code).put("Message", e.getMessage());
        if (e.details() != null && e.details().has("Item")) {
            error.set("Item", e.details().get("Item"));
        }
        return error;
    }

    // --- transactions ------------------------------------------------------------------------------

    private JsonNode readTransaction(AwsRequest request, List<PartiQlStatement> parsed, List<PartiQlTranslation> translations) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode actions = body.putArray("TransactItems");
        for (int i = 0; i < parsed.size(); i++) {
            PartiQlStatement.Select select = (PartiQlStatement.Select) parsed.get(i);
            PartiQlTranslation translation = translations.get(i);
            actions.addObject().set("Get", transactional(i, () -> translation.getItem(select)));
        }
        JsonNode answer = transactions.transactGetItems(subRequest(request, "TransactGetItems", body));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode responses = result.putArray("Responses");
        for (int i = 0; i < parsed.size(); i++) {
            ObjectNode response = responses.addObject();
            ObjectNode item = new PartiQlSelection((PartiQlStatement.Select) parsed.get(i))
                    .select((ObjectNode) answer.path("Responses").path(i).get("Item"));
            if (item != null) {
                response.set("Item", item);
            }
        }
        return result;
    }

    private JsonNode writeTransaction(AwsRequest request, List<JsonNode> entries, List<PartiQlStatement> parsed,
                                      List<PartiQlTranslation> translations) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        copy(request.body(), body, "ClientRequestToken");
        ArrayNode actions = body.putArray("TransactItems");
        for (int i = 0; i < parsed.size(); i++) {
            PartiQlStatement statement = parsed.get(i);
            PartiQlTranslation translation = translations.get(i);
            JsonNode entry = entries.get(i);
            ObjectNode write = transactional(i, () -> write(translation, statement, entry));
            // A transaction's actions are PutItem, UpdateItem and DeleteItem without their names' last word.
            actions.addObject().set(operationOf(statement).replace("Item", ""), write);
        }
        try {
            transactions.transactWriteItems(subRequest(request, "TransactWriteItems", body));
        } catch (AwsServiceException e) {
            throw e.errorType().equals("TransactionCanceledException") ? duplicatesNamed(e, parsed) : e;
        }
        return JsonNodeFactory.instance.objectNode();
    }

    /** A statement's translation inside a transaction; what it finds wrong names the statement, as AWS does. */
    private static ObjectNode transactional(int index, java.util.function.Supplier<ObjectNode> translate) {
        try {
            return translate.get();
        } catch (AwsServiceException e) {
            if (!e.errorType().equals("ValidationException")) {
                throw e;
            }
            throw PartiQlErrors.invalid("Validation failed in TransactStatements[" + index + "]: " + e.getMessage());
        }
    }

    /** An INSERT whose key was taken failed its put's condition; PartiQL names that a duplicate item. */
    private static AwsServiceException duplicatesNamed(AwsServiceException cancelled, List<PartiQlStatement> parsed) {
        ArrayNode reasons = (ArrayNode) cancelled.details().get("CancellationReasons");
        ArrayNode renamed = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < reasons.size(); i++) {
            JsonNode reason = reasons.get(i);
            boolean duplicate = parsed.get(i) instanceof PartiQlStatement.Insert
                    && reason.path("Code").asText().equals("ConditionalCheckFailed");
            renamed.add(duplicate ? JsonNodeFactory.instance.objectNode().put("Code", "ValidationError")
                    .put("Message", PartiQlErrors.DUPLICATE_ITEM) : reason);
        }
        return DynamoDbErrors.transactionCanceled(renamed);
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** Runs a translated statement's request through the emulator's own operation. */
    private JsonNode call(AwsRequest request, String operation, ObjectNode body) {
        AwsRequest translated = subRequest(request, operation, body);
        try {
            return switch (operation) {
                case "PutItem" -> items.putItem(translated);
                case "UpdateItem" -> items.updateItem(translated);
                case "DeleteItem" -> items.deleteItem(translated);
                case "GetItem" -> items.getItem(translated);
                case "Query" -> queries.query(translated);
                case "Scan" -> queries.scan(translated);
                default -> throw new IllegalArgumentException(operation);
            };
        } catch (AwsServiceException e) {
            if (operation.equals("PutItem") && e.errorType().equals("ConditionalCheckFailedException")) {
                throw PartiQlErrors.duplicateItem();
            }
            throw e;
        }
    }

    private static AwsRequest subRequest(AwsRequest request, String operation, ObjectNode body) {
        return new AwsRequest(operation, request.region(), AwsProtocol.JSON_1_0, body);
    }

    private static String operationOf(PartiQlStatement statement) {
        if (statement instanceof PartiQlStatement.Insert) {
            return "PutItem";
        }
        if (statement instanceof PartiQlStatement.Update) {
            return "UpdateItem";
        }
        return statement instanceof PartiQlStatement.Delete ? "DeleteItem" : "GetItem";
    }

    private static String returning(PartiQlStatement statement) {
        if (statement instanceof PartiQlStatement.Update update) {
            return update.returning();
        }
        return statement instanceof PartiQlStatement.Delete delete ? delete.returning() : null;
    }

    /** A statement's {@code Parameters}: AttributeValues, at least one when the member is there. */
    private static List<JsonNode> parameters(JsonNode parameters, String member) {
        List<JsonNode> values = new ArrayList<>();
        if (parameters == null || parameters.isNull()) {
            return values;
        }
        if (!parameters.isArray()) {
            throw AwsServiceException.serialization("Member " + member + " must be a list.");
        }
        parameters.forEach(values::add);
        if (values.isEmpty()) {
            // AWS prints the empty list as DynamoDB does, '[]'.
            throw DynamoDbErrors.validation("1 validation error detected: Value '[]' at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        values.forEach(AttributeValues::validate);
        return values;
    }

    private static void copy(JsonNode from, ObjectNode to, String member) {
        JsonNode value = from.get(member);
        if (value != null && !value.isNull()) {
            to.set(member, value);
        }
    }

    /** A NextToken: where the next page starts, tied to the statement and parameters that made it. */
    private static String nextToken(JsonNode lastEvaluatedKey, String fingerprint) {
        ObjectNode token = JsonNodeFactory.instance.objectNode().put("statement", fingerprint.hashCode());
        token.set("key", lastEvaluatedKey);
        return Base64.getEncoder().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode startKey(String nextToken, String fingerprint) {
        JsonNode token;
        try {
            token = JSON.readTree(Base64.getDecoder().decode(nextToken));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw PartiQlErrors.invalid("Invalid NextToken");
        }
        if (token == null || !token.has("key") || !token.has("statement")) {
            throw PartiQlErrors.invalid("Invalid NextToken");
        }
        if (token.get("statement").asInt() != fingerprint.hashCode()) {
            throw PartiQlErrors.invalid("NextToken does not match request");
        }
        return token.get("key");
    }
}
