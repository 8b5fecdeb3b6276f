package io.kinesisworkbook.emulator.dynamodb;

import io.kinesisworkbook.emulator.EmulatorClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables of one account, per region, as AWS keeps them apart.
 *
 * <p>Every DynamoDB call runs while holding this registry's lock: transactions span tables, and one
 * lock keeps every call atomic with nothing to order. The emulator serves one learner, so the lock
 * costs nothing that matters.
 */
final class TableRegistry {

    /** AWS's default quota of tables per account and region. */
    static final int TABLE_LIMIT = 2500;

    private final String accountId;
    private final EmulatorClock clock;
    private final Map<String, Map<String, Table>> regions = new ConcurrentHashMap<>();

    TableRegistry(String accountId, EmulatorClock clock) {
        this.accountId = accountId;
        this.clock = clock;
    }

    long now() {
        return clock.millis();
    }

    String tableArn(String region, String name) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + name;
    }

    /** Whether a TableName member holds a table's ARN rather than its name. */
    static boolean isArn(String nameOrArn) {
        return nameOrArn != null && nameOrArn.startsWith("arn:");
    }

    /**
     * The table name a TableName member means: the name itself, or the name in a table's ARN of this
     * account and region; null for an ARN of another table, account or region, where no table of ours is.
     */
    String nameOf(String region, String nameOrArn) {
        if (!isArn(nameOrArn)) {
            return nameOrArn;
        }
        String prefix = tableArn(region, "");
        String name = nameOrArn.startsWith(prefix) ? nameOrArn.substring(prefix.length()) : "";
        return DynamoDbContext.TABLE_NAME.matcher(name).matches() ? name : null;
    }

    /** The table, settled to now, by name or ARN; null when there is none (or it finished deleting). */
    Table find(String region, String nameOrArn) {
        String name = nameOf(region, nameOrArn);
        if (name == null) {
            return null;
        }
        Map<String, Table> tables = tables(region);
        Table table = tables.get(name);
        if (table != null && !table.settle(now())) {
            tables.remove(name);
            return null;
        }
        return table;
    }

    /** The table for a table operation: ResourceNotFoundException naming it when there is none. */
    Table require(String region, String name) {
        Table table = find(region, name);
        if (table == null) {
            throw DynamoDbErrors.tableNotFound(name);
        }
        return table;
    }

    /** The table for an item operation, which AWS refuses while the table is CREATING or DELETING. */
    Table requireForItems(String region, String name) {
        Table table = find(region, name);
        if (table == null || !table.acceptsItems()) {
            throw DynamoDbErrors.resourceNotFound();
        }
        return table;
    }

    /** The table an ARN names, for the tagging operations, which take only ARNs. */
    Table findByArn(String region, String arn) {
        return isArn(arn) ? find(region, arn) : null;
    }

    void add(String region, Table table) {
        Map<String, Table> tables = tables(region);
        if (find(region, table.name()) != null) {
            throw DynamoDbErrors.resourceInUse("Table already exists: " + table.name());
        }
        if (tables.size() >= TABLE_LIMIT) {
            throw DynamoDbErrors.limitExceeded("Subscriber limit exceeded: You have exceeded the maximum number of tables ("
                    + TABLE_LIMIT + ") allowed in this region for your account");
        }
        tables.put(table.name(), table);
    }

    /** The names of the region's tables, in order. */
    List<String> names(String region) {
        List<String> names = new ArrayList<>();
        for (String name : new ArrayList<>(tables(region).keySet())) {
            if (find(region, name) != null) {
                names.add(name);
            }
        }
        return names;
    }

    private Map<String, Table> tables(String region) {
        return regions.computeIfAbsent(region, r -> new TreeMap<>());
    }
}
