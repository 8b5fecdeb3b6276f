package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Capacity units as DynamoDB counts them: a write costs one unit per KB of the larger of the old and
 * new item, a read one unit per 4 KB (half for an eventually consistent read). Reported when a
 * request asks with {@code ReturnConsumedCapacity}; the emulator meters but does not throttle.
 */
final class Capacity {

    private Capacity() {
    }

    static double writeUnits(ObjectNode before, ObjectNode after) {
        long size = Math.max(size(before), size(after));
        return Math.max(1, Math.ceil(size / 1024.0));
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    private static long size(ObjectNode item) {
        return item == null ? 0 : AttributeValues.itemSize(item);
    }

    /** Adds {@code ConsumedCapacity} to a result when the request asked for TOTAL or INDEXES. */
    static void report(ObjectNode result, String returnConsumedCapacity, String table, double units) {
        if (returnConsumedCapacity == null || returnConsumedCapacity.equals("NONE")) {
            return;
        }
        result.set("ConsumedCapacity", consumed(returnConsumedCapacity, table, units));
    }

    static ObjectNode consumed(String returnConsumedCapacity, String table, double units) {
        ObjectNode consumed = JsonNodeFactory.instance.objectNode().put("TableName", table).put("CapacityUnits", units);
        if (returnConsumedCapacity.equals("INDEXES")) {
            consumed.putObject("Table").put("CapacityUnits", units);
        }
        return consumed;
    }
}
