package io.kinesisworkbook.emulator.glue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Glue Data Catalog: databases, their tables and the tables' partitions, per region, and the
 * tags on them. Glue's API changes it, and so does Athena's DDL ({@code CREATE EXTERNAL TABLE},
 * {@code MSCK REPAIR TABLE}): both go through this class, so a table made one way is seen the other.
 *
 * <p>Every method takes the catalog's one lock: the catalog is small and calls are rare.
 * Errors are Glue's own ({@link GlueErrors}); Athena answers them in its words.
 */
public final class DataCatalog {

    /** The database every account has; Athena's queries use it when they name none. */
    public static final String DEFAULT_DATABASE = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String accountId;
    private final EmulatorClock clock;
    private final Map<String, Map<String, DatabaseEntry>> regions = new HashMap<>();
    private final Map<String, Map<String, String>> tagsByArn = new HashMap<>();

    public DataCatalog(String accountId, EmulatorClock clock) {
        this.accountId = accountId;
        this.clock = clock;
    }

    private static final class DatabaseEntry {
        final CatalogDatabase database;
        final Map<String, TableEntry> tables = new TreeMap<>();

        DatabaseEntry(CatalogDatabase database) {
            this.database = database;
        }
    }

    private static final class TableEntry {
        CatalogTable table;
        final Map<List<String>, CatalogPartition> partitions = new LinkedHashMap<>();

        TableEntry(CatalogTable table) {
            this.table = table;
        }
    }

    // ---- databases

    public synchronized CatalogDatabase createDatabase(String region, ObjectNode input, Map<String, String> tags) {
        String name = CatalogInputs.name(input, "DatabaseInput");
        Map<String, DatabaseEntry> databases = databases(region);
        if (databases.containsKey(name)) {
            throw GlueErrors.databaseExists();
        }
        ObjectNode kept = input.deepCopy();
        kept.put("Name", name);
        CatalogDatabase database = new CatalogDatabase(name, clock.millis(), kept);
        databases.put(name, new DatabaseEntry(database));
        if (!tags.isEmpty()) {
            tagsByArn.put(databaseArn(region, name), new LinkedHashMap<>(tags));
        }
        return database;
    }

    public synchronized Optional<CatalogDatabase> database(String region, String name) {
        DatabaseEntry entry = databases(region).get(lower(name));
        return entry == null ? Optional.empty() : Optional.of(entry.database);
    }

    public synchronized List<CatalogDatabase> allDatabases(String region) {
        return databases(region).values().stream().map(entry -> entry.database).toList();
    }

    /** Deletes a database with its tables and their partitions, as Glue does. */
    public synchronized void deleteDatabase(String region, String name) {
        DatabaseEntry removed = databases(region).remove(lower(name));
        if (removed == null) {
            throw GlueErrors.databaseNotFound(name);
        }
        tagsByArn.remove(databaseArn(region, removed.database.name()));
        removed.tables.keySet().forEach(table -> tagsByArn.remove(tableArn(region, removed.database.name(), table)));
    }

    // ---- tables

    public synchronized CatalogTable createTable(String region, String database, ObjectNode input) {
        DatabaseEntry entry = existingDatabase(region, database);
        long now = clock.millis();
        CatalogTable table = CatalogInputs.table(entry.database.name(), input, now, now, 0);
        if (entry.tables.containsKey(table.name())) {
            throw GlueErrors.tableExists();
        }
        entry.tables.put(table.name(), new TableEntry(table));
        return table;
    }

    public synchronized Optional<CatalogTable> table(String region, String database, String name) {
        TableEntry entry = existingDatabase(region, database).tables.get(lower(name));
        return entry == null ? Optional.empty() : Optional.of(entry.table);
    }

    /** A table that must exist: Glue's EntityNotFoundException for the database or the table otherwise. */
    public synchronized CatalogTable existingTable(String region, String database, String name) {
        return existingTableEntry(region, database, name).table;
    }

    public synchronized List<CatalogTable> tables(String region, String database) {
        return existingDatabase(region, database).tables.values().stream().map(entry -> entry.table).toList();
    }

    /** Replaces a table's definition; its partitions stay, as in Glue. */
    public synchronized CatalogTable updateTable(String region, String database, ObjectNode input) {
        DatabaseEntry databaseEntry = existingDatabase(region, database);
        String name = CatalogInputs.name(input, "TableInput");
        TableEntry entry = databaseEntry.tables.get(name);
        if (entry == null) {
            throw GlueErrors.tableNotFound(name);
        }
        CatalogTable old = entry.table;
        entry.table = CatalogInputs.table(old.database(), input, old.createTime(), clock.millis(), old.version() + 1);
        return entry.table;
    }

    public synchronized void deleteTable(String region, String database, String name) {
        DatabaseEntry entry = existingDatabase(region, database);
        if (entry.tables.remove(lower(name)) == null) {
            throw GlueErrors.tableNotFound(name);
        }
        tagsByArn.remove(tableArn(region, entry.database.name(), lower(name)));
    }

    // ---- partitions

    public synchronized CatalogPartition createPartition(String region, String database, String table, ObjectNode input) {
        TableEntry entry = existingTableEntry(region, database, table);
        CatalogPartition partition = CatalogInputs.partition(entry.table, input, clock.millis());
        if (entry.partitions.containsKey(partition.values())) {
            throw GlueErrors.partitionExists();
        }
        entry.partitions.put(partition.values(), partition);
        return partition;
    }

    public synchronized List<CatalogPartition> partitions(String region, String database, String table) {
        return new ArrayList<>(existingTableEntry(region, database, table).partitions.values());
    }

    public synchronized CatalogPartition partition(String region, String database, String table, List<String> values) {
        CatalogPartition partition = existingTableEntry(region, database, table).partitions.get(values);
        if (partition == null) {
            throw GlueErrors.partitionNotFound();
        }
        return partition;
    }

    public synchronized void deletePartition(String region, String database, String table, List<String> values) {
        if (existingTableEntry(region, database, table).partitions.remove(values) == null) {
            throw GlueErrors.partitionNotFound();
        }
    }

    // ---- tags and ARNs

    public String databaseArn(String region, String database) {
        return "arn:aws:glue:" + region + ":" + accountId + ":database/" + lower(database);
    }

    public String tableArn(String region, String database, String table) {
        return "arn:aws:glue:" + region + ":" + accountId + ":table/" + lower(database) + "/" + lower(table);
    }

    /** The tags of a database or table by its ARN; Glue's EntityNotFoundException when it does not exist. */
    public synchronized Map<String, String> tags(String region, String arn) {
        checkTaggable(region, arn);
        return new LinkedHashMap<>(tagsByArn.getOrDefault(arn, Map.of()));
    }

    public synchronized void tag(String region, String arn, Map<String, String> tags) {
        checkTaggable(region, arn);
        Map<String, String> current = tagsByArn.computeIfAbsent(arn, key -> new LinkedHashMap<>());
        Map<String, String> after = new LinkedHashMap<>(current);
        after.putAll(tags);
        if (after.size() > 50) {
            throw GlueErrors.invalidInput("Resource " + arn + " cannot have more than 50 tags.");
        }
        current.putAll(tags);
    }

    public synchronized void untag(String region, String arn, List<String> keys) {
        checkTaggable(region, arn);
        Map<String, String> current = tagsByArn.get(arn);
        if (current != null) {
            keys.forEach(current::remove);
        }
    }

    private void checkTaggable(String region, String arn) {
        String prefix = "arn:aws:glue:" + region + ":" + accountId + ":";
        if (arn == null || !arn.startsWith(prefix)) {
            throw GlueErrors.invalidInput("Invalid resource ARN: " + arn);
        }
        String[] path = arn.substring(prefix.length()).split("/", -1);
        boolean found = switch (path[0]) {
            case "database" -> path.length == 2 && databases(region).containsKey(path[1]);
            case "table" -> path.length == 3 && databases(region).containsKey(path[1])
                    && databases(region).get(path[1]).tables.containsKey(path[2]);
            case "catalog" -> path.length == 1;
            default -> false;
        };
        if (!found) {
            throw GlueErrors.entityNotFound("Resource " + arn + " not found.");
        }
    }

    // ---- lookups

    private Map<String, DatabaseEntry> databases(String region) {
        return regions.computeIfAbsent(region, key -> {
            Map<String, DatabaseEntry> databases = new TreeMap<>();
            ObjectNode input = JSON.createObjectNode()
                    .put("Name", DEFAULT_DATABASE).put("Description", "Default Hive database");
            databases.put(DEFAULT_DATABASE, new DatabaseEntry(new CatalogDatabase(DEFAULT_DATABASE, clock.millis(), input)));
            return databases;
        });
    }

    private DatabaseEntry existingDatabase(String region, String name) {
        DatabaseEntry entry = databases(region).get(lower(name));
        if (entry == null) {
            throw GlueErrors.databaseNotFound(name);
        }
        return entry;
    }

    private TableEntry existingTableEntry(String region, String database, String name) {
        TableEntry entry = existingDatabase(region, database).tables.get(lower(name));
        if (entry == null) {
            throw GlueErrors.tableNotFound(name);
        }
        return entry;
    }

    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
