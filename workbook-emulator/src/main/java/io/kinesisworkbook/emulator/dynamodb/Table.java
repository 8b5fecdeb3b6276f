package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One DynamoDB table: its definition, its status, its indexes, its settings and its items.
 *
 * <p>Status changes (CREATING, UPDATING, DELETING) are settled lazily against the emulator's clock
 * whenever the table is next looked up, as streams are in the Kinesis service: no timer threads.
 * All access goes through {@link TableRegistry}, which serialises it.
 */
final class Table {

    private final String name;
    private final String arn;
    private final String id = UUID.randomUUID().toString();
    private final long createdMillis;
    private final KeySchema key;
    private final Map<String, String> attributeTypes;
    private final Map<String, SecondaryIndex> indexes = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final ItemStore items;
    private final KinesisDestinations kinesisDestinations = new KinesisDestinations();
    private String status = "CREATING";
    private long settlesAtMillis;
    private String billingMode;
    private long readUnits;
    private long writeUnits;
    private String ttlAttribute;
    private boolean pointInTimeRecovery;
    private int recoveryPeriodDays = 35;
    private boolean deletionProtection;
    private JsonNode streamSpecification;
    private String tableClass = "STANDARD";
    private boolean tableClassChanged;
    private Long warmReadUnits;
    private Long warmWriteUnits;
    private long lastExpiryMillis;

    /**
     * @param changes where the table's item changes go: its Kinesis streaming destinations, if any
     */
    Table(String name, String arn, long createdMillis, KeySchema key, Map<String, String> attributeTypes,
          TableChanges changes) {
        this.name = name;
        this.arn = arn;
        this.createdMillis = createdMillis;
        this.key = key;
        this.attributeTypes = new LinkedHashMap<>(attributeTypes);
        this.items = new ItemStore(key, (before, after, expired) -> changes.changed(this, before, after, expired));
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String id() {
        return id;
    }

    long createdMillis() {
        return createdMillis;
    }

    KeySchema key() {
        return key;
    }

    ItemStore items() {
        return items;
    }

    /** The Kinesis data streams the table's changes go to (Enable/DisableKinesisStreamingDestination). */
    KinesisDestinations kinesisDestinations() {
        return kinesisDestinations;
    }

    /** The region of the table, from its ARN ({@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME}). */
    String region() {
        return arn.split(":", 5)[3];
    }

    Map<String, String> attributeTypes() {
        return attributeTypes;
    }

    Map<String, String> tags() {
        return tags;
    }

    String status() {
        return status;
    }

    /** CREATING or UPDATING until {@code settlesAt}, then ACTIVE; DELETING until then, then gone. */
    void begin(String transientStatus, long settlesAt) {
        status = transientStatus;
        settlesAtMillis = settlesAt;
    }

    /** Brings the table and its indexes up to {@code now}; false once a deleted table is gone. */
    boolean settle(long now) {
        indexes.values().removeIf(index -> !index.settle(now));
        kinesisDestinations.settle(now);
        if (now >= settlesAtMillis) {
            if (status.equals("DELETING")) {
                return false;
            }
            if (!status.equals("ACTIVE") && indexes.values().stream().noneMatch(i -> !i.status().equals("ACTIVE"))) {
                status = "ACTIVE";
            }
        }
        if (ttlAttribute != null && now - lastExpiryMillis >= 1000) {
            lastExpiryMillis = now;
            expireItems(now);
        }
        return true;
    }

    /** Item operations work on ACTIVE and UPDATING tables only. */
    boolean acceptsItems() {
        return status.equals("ACTIVE") || status.equals("UPDATING");
    }

    // --- indexes ---------------------------------------------------------------------------------

    Map<String, SecondaryIndex> indexes() {
        return indexes;
    }

    void addIndex(SecondaryIndex index) {
        indexes.put(index.name(), index);
    }

    /** The items an index holds: those carrying its key attributes, in the index's order. */
    List<ObjectNode> indexItems(SecondaryIndex index) {
        List<ObjectNode> held = new ArrayList<>();
        for (ObjectNode item : items.scan(null)) {
            if (index.key().indexes(item)) {
                held.add(index.project(item, key));
            }
        }
        held.sort(indexOrder(index));
        return held;
    }

    /** An index's order: its partition hash, its sort key, then the table's own order to break ties. */
    Comparator<ObjectNode> indexOrder(SecondaryIndex index) {
        KeySchema indexKey = index.key();
        Comparator<ObjectNode> byPartition = Comparator.comparing(item -> ItemStore.token(item.get(indexKey.hashName())));
        Comparator<ObjectNode> order = byPartition;
        if (indexKey.hasRange()) {
            order = order.thenComparing((a, b) -> AttributeValues.compare(a.get(indexKey.rangeName()),
                    b.get(indexKey.rangeName())));
        }
        return order.thenComparing(items::compareScanOrder);
    }

    // --- settings --------------------------------------------------------------------------------

    String billingMode() {
        return billingMode;
    }

    boolean provisioned() {
        return "PROVISIONED".equals(billingMode);
    }

    void billing(String mode, long read, long write) {
        this.billingMode = mode;
        this.readUnits = read;
        this.writeUnits = write;
    }

    long readUnits() {
        return readUnits;
    }

    long writeUnits() {
        return writeUnits;
    }

    String ttlAttribute() {
        return ttlAttribute;
    }

    void ttlAttribute(String attribute) {
        this.ttlAttribute = attribute;
    }

    boolean pointInTimeRecovery() {
        return pointInTimeRecovery;
    }

    int recoveryPeriodDays() {
        return recoveryPeriodDays;
    }

    void pointInTimeRecovery(boolean enabled, Integer periodDays) {
        this.pointInTimeRecovery = enabled;
        if (periodDays != null) {
            this.recoveryPeriodDays = periodDays;
        }
    }

    boolean deletionProtection() {
        return deletionProtection;
    }

    void deletionProtection(boolean enabled) {
        this.deletionProtection = enabled;
    }

    JsonNode streamSpecification() {
        return streamSpecification;
    }

    void streamSpecification(JsonNode specification) {
        this.streamSpecification = specification;
    }

    String tableClass() {
        return tableClass;
    }

    void tableClass(String newClass) {
        this.tableClassChanged |= !newClass.equals(tableClass);
        this.tableClass = newClass;
    }

    /** AWS shows a table's class only once it is not the default STANDARD, or was changed. */
    boolean tableClassShown() {
        return tableClassChanged || !tableClass.equals("STANDARD");
    }

    /** The warm throughput asked for with WarmThroughput, or null for the table's default. */
    Long warmReadUnits() {
        return warmReadUnits;
    }

    Long warmWriteUnits() {
        return warmWriteUnits;
    }

    void warmThroughput(Long reads, Long writes) {
        if (reads != null) {
            this.warmReadUnits = reads;
        }
        if (writes != null) {
            this.warmWriteUnits = writes;
        }
    }

    /**
     * Time to live: deletes the items whose TTL attribute, a number of epoch seconds, is in the past.
     * AWS does this in the background within a few days; the emulator does it when the table is next
     * touched (at most once a second), so a lesson sees it happen.
     */
    private void expireItems(long now) {
        BigDecimal nowSeconds = BigDecimal.valueOf(now, 3);
        List<ObjectNode> expired = new ArrayList<>();
        for (ObjectNode item : items.scan(null)) {
            JsonNode expiry = item.get(ttlAttribute);
            if (expiry != null && AttributeValues.type(expiry).equals("N")
                    && AttributeValues.number(AttributeValues.content(expiry).asText()).compareTo(nowSeconds) < 0) {
                expired.add(item);
            }
        }
        expired.forEach(items::expire);
    }
}
