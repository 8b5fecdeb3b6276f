package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A table's items, kept as DynamoDB keeps them: in partitions placed by a hash of the partition
 * key, and sorted by sort key inside each partition. So a Scan returns items in an order that
 * looks random but is stable, and a Query walks one partition in sort-key order.
 *
 * <p>Every change passes one place, {@link Changes}, which is how a table's change stream (its
 * Kinesis streaming destination) sees every write, whichever operation made it.
 */
final class ItemStore {

    /** Told of every change to an item: {@code before} is null for a new item, {@code after} for a removed one. */
    interface Changes {
        void changed(ObjectNode before, ObjectNode after, boolean expired);
    }

    /** Orders sort-key values; a table without a sort key keeps one item per partition under NULL. */
    private static final Comparator<JsonNode> SORT_KEY_ORDER = (a, b) ->
            a.isNull() || b.isNull() ? 0 : AttributeValues.compare(a, b);

    private final KeySchema key;
    private final Changes changes;
    private final NavigableMap<String, NavigableMap<JsonNode, ObjectNode>> partitions = new TreeMap<>();
    private long sizeBytes;
    private int count;

    ItemStore(KeySchema key, Changes changes) {
        this.key = key;
        this.changes = changes;
    }

    ObjectNode get(JsonNode itemKey) {
        NavigableMap<JsonNode, ObjectNode> partition = partitions.get(token(itemKey.get(key.hashName())));
        return partition == null ? null : partition.get(sortKey(itemKey));
    }

    /** Stores an item in place of the one with its key; returns the one it replaced, or null. */
    ObjectNode put(ObjectNode item) {
        ObjectNode previous = partitions
                .computeIfAbsent(token(item.get(key.hashName())), token -> new TreeMap<>(SORT_KEY_ORDER))
                .put(sortKey(item), item);
        account(previous, -1);
        account(item, 1);
        changes.changed(previous, item, false);
        return previous;
    }

    ObjectNode remove(JsonNode itemKey) {
        return remove(itemKey, false);
    }

    /** Removes an item whose time to live has passed: a change made by DynamoDB itself, not a client. */
    ObjectNode expire(JsonNode itemKey) {
        return remove(itemKey, true);
    }

    private ObjectNode remove(JsonNode itemKey, boolean expired) {
        String token = token(itemKey.get(key.hashName()));
        NavigableMap<JsonNode, ObjectNode> partition = partitions.get(token);
        if (partition == null) {
            return null;
        }
        ObjectNode removed = partition.remove(sortKey(itemKey));
        if (partition.isEmpty()) {
            partitions.remove(token);
        }
        account(removed, -1);
        if (removed != null) {
            changes.changed(removed, null, expired);
        }
        return removed;
    }

    private void account(ObjectNode item, int sign) {
        if (item != null) {
            count += sign;
            sizeBytes += sign * AttributeValues.itemSize(item);
        }
    }

    /** One partition's items in sort-key order, after {@code exclusiveStart} when given. */
    List<ObjectNode> partition(JsonNode hashValue, boolean forward, JsonNode exclusiveStart) {
        NavigableMap<JsonNode, ObjectNode> partition = partitions.get(token(hashValue));
        if (partition == null) {
            return List.of();
        }
        NavigableMap<JsonNode, ObjectNode> view = forward ? partition : partition.descendingMap();
        if (exclusiveStart != null) {
            view = view.tailMap(sortKey(exclusiveStart), false);
        }
        return new ArrayList<>(view.values());
    }

    /** Every item in scan order, after {@code exclusiveStart} when given. */
    List<ObjectNode> scan(JsonNode exclusiveStart) {
        List<ObjectNode> items = new ArrayList<>(count);
        NavigableMap<String, NavigableMap<JsonNode, ObjectNode>> view = partitions;
        if (exclusiveStart != null) {
            String startToken = token(exclusiveStart.get(key.hashName()));
            NavigableMap<JsonNode, ObjectNode> first = partitions.get(startToken);
            if (first != null) {
                items.addAll(first.tailMap(sortKey(exclusiveStart), false).values());
            }
            view = partitions.tailMap(startToken, false);
        }
        view.values().forEach(partition -> items.addAll(partition.values()));
        return items;
    }

    /** The scan segment (of {@code total}) an item falls in: a slice of the hash space, as in AWS. */
    int segmentOf(ObjectNode item, int total) {
        BigInteger position = new BigInteger(token(item.get(key.hashName())).substring(0, 8), 16);
        return position.multiply(BigInteger.valueOf(total)).shiftRight(32).intValue();
    }

    /** Scan order of two items of this table: by partition hash, then sort key. */
    int compareScanOrder(ObjectNode a, ObjectNode b) {
        int byToken = token(a.get(key.hashName())).compareTo(token(b.get(key.hashName())));
        return byToken != 0 ? byToken : SORT_KEY_ORDER.compare(sortKey(a), sortKey(b));
    }

    int count() {
        return count;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    private JsonNode sortKey(JsonNode item) {
        return key.hasRange() ? item.get(key.rangeName()) : NullNode.instance;
    }

    /**
     * Where a partition key lives: the MD5 of its canonical form, as hex, followed by that form so that
     * two keys never share a place.
     */
    static String token(JsonNode hashValue) {
        String canonical = canonical(hashValue);
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + canonical;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JVM", e);
        }
    }

    private static String canonical(JsonNode value) {
        String type = AttributeValues.type(value);
        String content = AttributeValues.content(value).asText();
        if (type.equals("N")) {
            content = AttributeValues.number(content).stripTrailingZeros().toPlainString();
        }
        return type + ":" + content;
    }
}
