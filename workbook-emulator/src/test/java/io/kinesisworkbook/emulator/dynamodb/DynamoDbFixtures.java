package io.kinesisworkbook.emulator.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The tables the differential scenarios use, expression parameters in one line, and the text of
 * an error. Every scenario starts from no tables: {@link #dropAllTables} runs after each.
 */
final class DynamoDbFixtures {

    /** Hash key {@code id} (S). */
    static final String ITEMS = "items";
    /** Hash key {@code pk} (S), sort key {@code sk} (S). */
    static final String EVENTS = "events";
    /** Hash key {@code pk} (S), sort key {@code ts} (N). */
    static final String READINGS = "readings";
    /** Hash key {@code id} (S); global secondary index {@code byCity}: {@code city} (S), {@code age} (N), all attributes. */
    static final String PEOPLE = "people";
    static final String BY_CITY = "byCity";

    private static final Duration TABLE_WAIT = Duration.ofSeconds(10);

    private DynamoDbFixtures() {
    }

    static void itemsTable(DynamoDbClient db) {
        createTable(db, ITEMS, List.of(attribute("id", ScalarAttributeType.S)), List.of(key("id", KeyType.HASH)));
    }

    static void eventsTable(DynamoDbClient db) {
        createTable(db, EVENTS, List.of(attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S)),
                List.of(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)));
    }

    static void readingsTable(DynamoDbClient db) {
        createTable(db, READINGS, List.of(attribute("pk", ScalarAttributeType.S), attribute("ts", ScalarAttributeType.N)),
                List.of(key("pk", KeyType.HASH), key("ts", KeyType.RANGE)));
    }

    static void peopleTable(DynamoDbClient db) {
        db.createTable(b -> b.tableName(PEOPLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("city", ScalarAttributeType.S),
                        attribute("age", ScalarAttributeType.N))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(index -> index.indexName(BY_CITY)
                        .keySchema(key("city", KeyType.HASH), key("age", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        awaitActive(db, PEOPLE);
    }

    static void put(DynamoDbClient db, String table, Map<String, AttributeValue> item) {
        db.putItem(b -> b.tableName(table).item(item));
    }

    static String get(DynamoDbClient db, String table, Map<String, AttributeValue> key) {
        return ItemNotation.text(db.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item());
    }

    /** Runs a step whose failure is part of the answer: its result, or the error's text. */
    static String attempt(Supplier<String> step) {
        try {
            return step.get();
        } catch (AwsServiceException e) {
            return errorText(e);
        }
    }

    /**
     * What a side answered with an error: the SDK's exception class, the error code where the SDK
     * has no class of its own for it (ValidationException is a plain DynamoDbException), the
     * status where it is not 400, the message, and the members DynamoDB adds to some errors.
     */
    static String errorText(AwsServiceException e) {
        String type = e.getClass().getSimpleName();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        StringBuilder text = new StringBuilder(type);
        if (code != null && !code.equals(type)) {
            text.append('[').append(code).append(']');
        }
        if (e.statusCode() != 400) {
            text.append(" (").append(e.statusCode()).append(')');
        }
        text.append(": ").append(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
        if (e instanceof ConditionalCheckFailedException failed && failed.hasItem()) {
            text.append(" item=").append(ItemNotation.text(failed.item()));
        }
        if (e instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()) {
            text.append(" reasons=").append(cancelled.cancellationReasons().stream()
                    .map(DynamoDbFixtures::reasonText).collect(Collectors.joining(", ", "[", "]")));
        }
        return text.toString();
    }

    /** A failure the SDK raised itself, for example an answer it could not read. */
    static String clientFailureText(SdkException e) {
        return "client failure " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String reasonText(CancellationReason reason) {
        String text = reason.code() + (reason.message() == null ? "" : " (" + reason.message() + ")");
        return reason.hasItem() ? text + " item=" + ItemNotation.text(reason.item()) : text;
    }

    /** Deletes every table and waits until each is gone, so the next scenario starts clean. */
    static void dropAllTables(DynamoDbClient db) {
        for (String table : db.listTables().tableNames()) {
            db.deleteTable(b -> b.tableName(table));
        }
        for (String table : db.listTables().tableNames()) {
            awaitGone(db, table);
        }
    }

    private static void createTable(DynamoDbClient db, String name, List<AttributeDefinition> attributes,
                                    List<KeySchemaElement> keys) {
        db.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes).keySchema(keys));
        awaitActive(db, name);
    }

    static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** Both sides run with instant table transitions, but a table still becomes ACTIVE a moment later. */
    private static void awaitActive(DynamoDbClient db, String table) {
        long deadline = System.nanoTime() + TABLE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            TableDescription description = db.describeTable(b -> b.tableName(table)).table();
            boolean indexesActive = description.globalSecondaryIndexes().stream()
                    .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
            if (description.tableStatus() == TableStatus.ACTIVE && indexesActive) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("table " + table + " did not become ACTIVE within " + TABLE_WAIT);
    }

    private static void awaitGone(DynamoDbClient db, String table) {
        long deadline = System.nanoTime() + TABLE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                db.describeTable(b -> b.tableName(table));
            } catch (ResourceNotFoundException e) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("table " + table + " was not deleted within " + TABLE_WAIT);
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * ExpressionAttributeNames and ExpressionAttributeValues in one line: alternating keys and
     * values, {@code "#s", "status", ":v", s("open")}. Empty maps are sent as absent, because
     * DynamoDB refuses an empty map and these tests mean "none".
     */
    record Params(Map<String, String> names, Map<String, AttributeValue> values) {

        static Params of(Object... keysAndValues) {
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                String key = (String) keysAndValues[i];
                if (key.startsWith("#")) {
                    names.put(key, (String) keysAndValues[i + 1]);
                } else {
                    values.put(key, (AttributeValue) keysAndValues[i + 1]);
                }
            }
            return new Params(names, values);
        }

        Map<String, String> namesOrNull() {
            return names.isEmpty() ? null : names;
        }

        Map<String, AttributeValue> valuesOrNull() {
            return values.isEmpty() ? null : values;
        }

        /** The names and values after an expression, e.g. {@code  {#s: status, :v: 5}}; empty when there are none. */
        String text() {
            List<String> parts = new ArrayList<>();
            names.forEach((key, name) -> parts.add(key + ": " + name));
            values.forEach((key, value) -> parts.add(key + ": " + ItemNotation.text(value)));
            return parts.isEmpty() ? "" : " {" + String.join(", ", parts) + "}";
        }
    }

    /**
     * Evaluates conditions against one stored item by putting the same item back under each
     * condition: the item never changes, and each condition reads {@code true}, {@code false}
     * (ConditionalCheckFailedException) or the error it raised.
     */
    static final class ConditionProbe {

        private final DynamoDbClient db;
        private final Map<String, AttributeValue> item;
        private final List<String> results = new ArrayList<>();

        ConditionProbe(DynamoDbClient db, Map<String, AttributeValue> item) {
            this.db = db;
            this.item = item;
            put(db, ITEMS, item);
        }

        ConditionProbe check(String condition, Object... namesAndValues) {
            Params params = Params.of(namesAndValues);
            String result;
            try {
                db.putItem(b -> b.tableName(ITEMS).item(item).conditionExpression(condition)
                        .expressionAttributeNames(params.namesOrNull())
                        .expressionAttributeValues(params.valuesOrNull()));
                result = "true";
            } catch (ConditionalCheckFailedException e) {
                result = "false";
            } catch (AwsServiceException e) {
                result = errorText(e);
            }
            results.add(condition + params.text() + " -> " + result);
            return this;
        }

        @Override
        public String toString() {
            return String.join("; ", results);
        }
    }
}
