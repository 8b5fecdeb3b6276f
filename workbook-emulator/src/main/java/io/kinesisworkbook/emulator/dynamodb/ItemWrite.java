package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.expression.Condition;
import io.kinesisworkbook.emulator.dynamodb.expression.Update;

/**
 * One write to one item, parsed and checked, waiting to meet the item as it is: a put, an update, a
 * delete or (in transactions) a bare condition check. PutItem, UpdateItem, DeleteItem, the batch
 * writes and the transactions all go through here, so they check and apply writes alike.
 */
final class ItemWrite {

    enum Kind { PUT, UPDATE, DELETE, CHECK }

    /** DynamoDB's largest item: 400 KB, names and values counted. */
    static final long MAX_ITEM_BYTES = 400 * 1024;

    private final Kind kind;
    private final Table table;
    private final ObjectNode key;
    private final ObjectNode item;
    private final Update update;
    private final Condition condition;

    private ItemWrite(Kind kind, Table table, ObjectNode key, ObjectNode item, Update update, Condition condition) {
        this.kind = kind;
        this.table = table;
        this.key = key;
        this.item = item;
        this.update = update;
        this.condition = condition;
    }

    static ItemWrite put(Table table, ObjectNode item, Condition condition) {
        table.key().checkItem(item);
        checkIndexKeys(table, item);
        if (AttributeValues.itemSize(item) > MAX_ITEM_BYTES) {
            throw DynamoDbErrors.validation("Item size has exceeded the maximum allowed size");
        }
        return new ItemWrite(Kind.PUT, table, table.key().keyOf(item), item, null, condition);
    }

    static ItemWrite update(Table table, ObjectNode key, Update update, Condition condition) {
        table.key().checkKey(key);
        if (update != null) {
            for (var path : update.paths()) {
                if (table.key().names().contains(path.topLevelName())) {
                    throw DynamoDbErrors.invalidParameter("Cannot update attribute " + path.topLevelName()
                            + ". This attribute is part of the key");
                }
            }
        }
        return new ItemWrite(Kind.UPDATE, table, key, null, update, condition);
    }

    static ItemWrite delete(Table table, ObjectNode key, Condition condition) {
        table.key().checkKey(key);
        return new ItemWrite(Kind.DELETE, table, key, null, null, condition);
    }

    static ItemWrite check(Table table, ObjectNode key, Condition condition) {
        table.key().checkKey(key);
        return new ItemWrite(Kind.CHECK, table, key, null, null, condition);
    }

    Table table() {
        return table;
    }

    ObjectNode key() {
        return key;
    }

    /** The item as it is now, or null. */
    ObjectNode current() {
        return table.items().get(key);
    }

    /** Whether the write's condition holds for the current item (a missing item is an empty one). */
    boolean conditionHolds(ObjectNode current) {
        return condition == null || condition.test(current == null ? JsonNodeFactory.instance.objectNode() : current);
    }

    /**
     * The item after the write, or null when the write leaves no item. Throws the ValidationExceptions
     * that depend on the item: an update that does not fit it, a result over 400 KB.
     */
    ObjectNode result(ObjectNode current) {
        return switch (kind) {
            case PUT -> item;
            case DELETE -> null;
            case CHECK -> current;
            case UPDATE -> updated(current);
        };
    }

    private ObjectNode updated(ObjectNode current) {
        ObjectNode base = current != null ? current.deepCopy() : key.deepCopy();
        ObjectNode result = update == null ? base : update.apply(base);
        for (String name : table.key().names()) {
            if (!AttributeValues.equal(result.get(name), key.get(name))) {
                throw DynamoDbErrors.invalidParameter("Cannot update attribute " + name + ". This attribute is part of the key");
            }
        }
        checkIndexKeys(table, result);
        if (AttributeValues.itemSize(result) > MAX_ITEM_BYTES) {
            throw DynamoDbErrors.validation("Item size to update has exceeded the maximum allowed size");
        }
        return result;
    }

    /** Stores the write's result, with its numbers in the canonical form AWS returns them in. */
    void commit(ObjectNode result) {
        if (kind == Kind.CHECK) {
            return;
        }
        if (result == null) {
            table.items().remove(key);
        } else {
            table.items().put(AttributeValues.normalizeItem(result));
        }
    }

    /** An item's values for index keys must have the types the index was defined with. */
    private static void checkIndexKeys(Table table, ObjectNode item) {
        for (SecondaryIndex index : table.indexes().values()) {
            KeySchema indexKey = index.key();
            for (String name : indexKey.names()) {
                JsonNode value = item.get(name);
                if (value == null || table.key().names().contains(name)) {
                    continue;
                }
                String expected = name.equals(indexKey.hashName()) ? indexKey.hashType() : indexKey.rangeType();
                String actual = AttributeValues.type(value);
                if (!expected.equals(actual)) {
                    throw DynamoDbErrors.invalidParameter("Type mismatch for Index Key " + name + " Expected: " + expected
                            + " Actual: " + actual + " IndexName: " + index.name());
                }
                if (AttributeValues.content(value).asText().isEmpty()) {
                    throw DynamoDbErrors.validation("One or more parameter values are not valid. A value specified for a "
                            + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain "
                            + "an empty string value. IndexName: " + index.name() + ", IndexKey: " + name);
                }
            }
        }
    }
}
