package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A global or local secondary index: another key over the same items, holding the attributes its
 * projection names. A global index added to an existing table is CREATING (backfilling) for a while,
 * as in AWS, and answers queries only once ACTIVE.
 */
final class SecondaryIndex {

    enum Kind { GLOBAL, LOCAL }

    private final String name;
    private final Kind kind;
    private final KeySchema key;
    private final String projectionType;
    private final List<String> nonKeyAttributes;
    private final String arn;
    private String status;
    private long settlesAtMillis;
    private long readUnits;
    private long writeUnits;

    SecondaryIndex(String name, Kind kind, KeySchema key, String projectionType, List<String> nonKeyAttributes,
                   String arn) {
        this.name = name;
        this.kind = kind;
        this.key = key;
        this.projectionType = projectionType;
        this.nonKeyAttributes = nonKeyAttributes;
        this.arn = arn;
        this.status = "ACTIVE";
    }

    String name() {
        return name;
    }

    Kind kind() {
        return kind;
    }

    KeySchema key() {
        return key;
    }

    String status() {
        return status;
    }

    /** Whether the index holds whole items (projection ALL). */
    boolean projectsAll() {
        return projectionType.equals("ALL");
    }

    long readUnits() {
        return readUnits;
    }

    long writeUnits() {
        return writeUnits;
    }

    void throughput(long read, long write) {
        this.readUnits = read;
        this.writeUnits = write;
    }

    /** Enters CREATING or DELETING until {@code settlesAt}; a zero delay settles at once. */
    void begin(String transientStatus, long settlesAt) {
        this.status = transientStatus;
        this.settlesAtMillis = settlesAt;
    }

    /** Ends a transition whose time has come; returns false when the index is gone. */
    boolean settle(long now) {
        if (now < settlesAtMillis) {
            return true;
        }
        if (status.equals("CREATING")) {
            status = "ACTIVE";
        }
        return !status.equals("DELETING");
    }

    /** The item as this index holds it: its keys, the table's keys and the projected attributes. */
    ObjectNode project(ObjectNode item, KeySchema tableKey) {
        if (projectionType.equals("ALL")) {
            return item;
        }
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        for (String attribute : tableKey.names()) {
            projected.set(attribute, item.get(attribute));
        }
        for (String attribute : key.names()) {
            projected.set(attribute, item.get(attribute));
        }
        for (String attribute : nonKeyAttributes) {
            JsonNode value = item.get(attribute);
            if (value != null) {
                projected.set(attribute, value);
            }
        }
        return projected;
    }

    /** The index as DescribeTable shows it, with the items it holds now. */
    ObjectNode describe(List<ObjectNode> indexedItems, boolean provisioned) {
        ObjectNode description = JsonNodeFactory.instance.objectNode();
        description.put("IndexName", name);
        description.set("KeySchema", key.describe());
        ObjectNode projection = description.putObject("Projection").put("ProjectionType", projectionType);
        if (!nonKeyAttributes.isEmpty()) {
            ArrayNode attributes = projection.putArray("NonKeyAttributes");
            nonKeyAttributes.forEach(attributes::add);
        }
        if (kind == Kind.GLOBAL) {
            description.put("IndexStatus", status);
            if (status.equals("CREATING")) {
                description.put("Backfilling", true);
            }
            description.putObject("ProvisionedThroughput")
                    .put("NumberOfDecreasesToday", 0)
                    .put("ReadCapacityUnits", provisioned ? readUnits : 0)
                    .put("WriteCapacityUnits", provisioned ? writeUnits : 0);
        }
        long size = 0;
        for (ObjectNode item : indexedItems) {
            size += AttributeValues.itemSize(item);
        }
        description.put("IndexSizeBytes", size).put("ItemCount", indexedItems.size()).put("IndexArn", arn);
        return description;
    }
}
