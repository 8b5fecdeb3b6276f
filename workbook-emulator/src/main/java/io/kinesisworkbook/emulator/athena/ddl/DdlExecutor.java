package io.kinesisworkbook.emulator.athena.ddl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.athena.QueryFailure;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.AddPartitions;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.CreateDatabase;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.CreateTable;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.Describe;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.DropDatabase;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.DropPartitions;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.DropTable;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.PartitionSpec;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.RepairTable;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.ShowColumns;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.ShowDatabases;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.ShowPartitions;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.ShowTables;
import io.kinesisworkbook.emulator.athena.ddl.DdlStatement.TableRef;
import io.kinesisworkbook.emulator.athena.engine.ResultTable;
import io.kinesisworkbook.emulator.athena.engine.S3Location;
import io.kinesisworkbook.emulator.glue.CatalogPartition;
import io.kinesisworkbook.emulator.glue.CatalogTable;
import io.kinesisworkbook.emulator.glue.Column;
import io.kinesisworkbook.emulator.glue.DataCatalog;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs Athena's DDL and utility statements on the Glue catalog, as Athena does: a table created
 * here is a Glue table (GetTable shows it), and a table created through Glue can be described,
 * repaired and dropped here. None of this needs DuckDB. Failures are said in Hive's words
 * ({@code FAILED: SemanticException [Error 10001]: Table not found db.t}).
 */
public final class DdlExecutor {

    static final String JSON_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
    static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    static final String PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
    static final String PARQUET_INPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
    static final String PARQUET_OUTPUT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
    static final String TEXT_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataCatalog catalog;
    private final ObjectStore store;

    public DdlExecutor(DataCatalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** Whether a statement is DDL or a utility statement, which this class runs, rather than a query. */
    public static boolean handles(String sql) {
        String first = firstWord(sql);
        return Set.of("CREATE", "DROP", "ALTER", "MSCK", "SHOW", "DESCRIBE", "DESC").contains(first);
    }

    /** Athena's StatementType: DDL for what changes the catalog, UTILITY for what shows it. */
    public static String statementType(String sql) {
        String first = firstWord(sql);
        return switch (first) {
            case "SHOW", "DESCRIBE", "DESC", "EXPLAIN" -> "UTILITY";
            case "CREATE", "DROP", "ALTER", "MSCK" -> "DDL";
            default -> "DML";
        };
    }

    public ResultTable run(String region, String defaultDatabase, String sql) {
        DdlStatement statement = HiveDdlParser.parse(sql);
        if (statement instanceof CreateDatabase create) {
            return createDatabase(region, create);
        } else if (statement instanceof DropDatabase drop) {
            return dropDatabase(region, drop);
        } else if (statement instanceof CreateTable create) {
            return createTable(region, defaultDatabase, create);
        } else if (statement instanceof DropTable drop) {
            return dropTable(region, defaultDatabase, drop);
        } else if (statement instanceof RepairTable repair) {
            return repair(region, table(region, defaultDatabase, repair.table()));
        } else if (statement instanceof AddPartitions add) {
            return addPartitions(region, table(region, defaultDatabase, add.table()), add);
        } else if (statement instanceof DropPartitions drop) {
            return dropPartitions(region, table(region, defaultDatabase, drop.table()), drop);
        } else if (statement instanceof ShowDatabases show) {
            return ResultTable.lines("database_name", catalog.allDatabases(region).stream()
                    .map(database -> database.name()).filter(like(show.pattern())).toList());
        } else if (statement instanceof ShowTables show) {
            return showTables(region, show.database() == null ? defaultDatabase : show.database(), show.pattern());
        } else if (statement instanceof ShowPartitions show) {
            return showPartitions(region, table(region, defaultDatabase, show.table()));
        } else if (statement instanceof ShowColumns show) {
            return ResultTable.lines("field", allColumns(table(region, defaultDatabase, show.table()))
                    .stream().map(Column::name).toList());
        }
        return describe(table(region, defaultDatabase, ((Describe) statement).table()));
    }

    private ResultTable createDatabase(String region, CreateDatabase create) {
        if (catalog.database(region, create.name()).isPresent()) {
            if (create.ifNotExists()) {
                return ResultTable.empty();
            }
            throw QueryFailure.ddl("AlreadyExistsException(message:Database " + create.name() + " already exists)");
        }
        ObjectNode input = JSON.createObjectNode().put("Name", create.name());
        if (create.comment() != null) {
            input.put("Description", create.comment());
        }
        if (create.location() != null) {
            input.put("LocationUri", create.location());
        }
        ObjectNode parameters = input.putObject("Parameters");
        create.properties().forEach(parameters::put);
        catalog.createDatabase(region, input, Map.of());
        return ResultTable.empty();
    }

    private ResultTable dropDatabase(String region, DropDatabase drop) {
        if (catalog.database(region, drop.name()).isEmpty()) {
            if (drop.ifExists()) {
                return ResultTable.empty();
            }
            throw databaseMissing(drop.name());
        }
        if (!drop.cascade() && !catalog.tables(region, drop.name()).isEmpty()) {
            throw QueryFailure.ddl("InvalidOperationException(message:Database " + drop.name()
                    + " is not empty. One or more tables exist.)");
        }
        catalog.deleteDatabase(region, drop.name());
        return ResultTable.empty();
    }

    private ResultTable createTable(String region, String defaultDatabase, CreateTable create) {
        String database = create.table().database() == null ? defaultDatabase : create.table().database();
        if (catalog.database(region, database).isEmpty()) {
            throw databaseMissing(database);
        }
        if (catalog.table(region, database, create.table().name()).isPresent()) {
            if (create.ifNotExists()) {
                return ResultTable.empty();
            }
            throw QueryFailure.ddl("AlreadyExistsException(message:Table " + database + "." + create.table().name()
                    + " already exists)");
        }
        if (create.location() == null) {
            throw QueryFailure.ddl("SemanticException [Error 10000]: An external table needs a LOCATION in Amazon S3");
        }
        if (!create.location().startsWith("s3://")) {
            throw QueryFailure.ddl("SemanticException [Error 10000]: LOCATION '" + create.location()
                    + "' is not in Amazon S3: an Athena table's location must start with s3://");
        }
        catalog.createTable(region, database, tableInput(create));
        return ResultTable.empty();
    }

    /** The Glue {@code TableInput} Athena writes for a CREATE EXTERNAL TABLE. */
    static ObjectNode tableInput(CreateTable create) {
        ObjectNode input = JSON.createObjectNode().put("Name", create.table().name()).put("TableType", "EXTERNAL_TABLE");
        if (create.comment() != null) {
            input.put("Description", create.comment());
        }
        ObjectNode parameters = input.putObject("Parameters").put("EXTERNAL", "TRUE");
        create.tableProperties().forEach(parameters::put);
        ArrayNode partitionKeys = input.putArray("PartitionKeys");
        create.partitionKeys().forEach(column -> column.addTo(partitionKeys));
        ObjectNode storage = input.putObject("StorageDescriptor");
        ArrayNode columns = storage.putArray("Columns");
        create.columns().forEach(column -> column.addTo(columns));
        storage.put("Location", create.location());
        boolean parquet = "PARQUET".equals(create.storedAs());
        String serde = create.serde() != null ? create.serde() : parquet ? PARQUET_SERDE : TEXT_SERDE;
        storage.put("InputFormat", create.inputFormat() != null ? create.inputFormat() : parquet ? PARQUET_INPUT : JSON_INPUT);
        storage.put("OutputFormat", create.outputFormat() != null ? create.outputFormat() : parquet ? PARQUET_OUTPUT : TEXT_OUTPUT);
        storage.put("Compressed", false);
        storage.put("NumberOfBuckets", -1);
        ObjectNode serdeInfo = storage.putObject("SerdeInfo").put("SerializationLibrary", serde);
        ObjectNode serdeParameters = serdeInfo.putObject("Parameters");
        serdeParameters.put("serialization.format", "1");
        create.serdeProperties().forEach(serdeParameters::put);
        storage.putArray("BucketColumns");
        storage.putArray("SortColumns");
        storage.putObject("Parameters");
        storage.put("StoredAsSubDirectories", false);
        return input;
    }


    private ResultTable dropTable(String region, String defaultDatabase, DropTable drop) {
        String database = drop.table().database() == null ? defaultDatabase : drop.table().database();
        if (catalog.database(region, database).isEmpty()) {
            throw databaseMissing(database);
        }
        if (catalog.table(region, database, drop.table().name()).isEmpty()) {
            if (drop.ifExists()) {
                return ResultTable.empty();
            }
            throw tableMissing(database, drop.table().name());
        }
        catalog.deleteTable(region, database, drop.table().name());
        return ResultTable.empty();
    }

    /** MSCK REPAIR TABLE: adds the Hive-style partitions ({@code key=value/}) found in S3 and missing from the catalog. */
    private ResultTable repair(String region, CatalogTable table) {
        if (!table.isPartitioned()) {
            return ResultTable.lines("result", List.of());
        }
        S3Location location = S3Location.parse(table.storage().location(), table.name());
        if (!store.bucketExists(location.bucket())) {
            throw QueryFailure.ddl("SemanticException Unable to list s3://" + location.bucket()
                    + ": The specified bucket does not exist");
        }
        Set<List<String>> known = new LinkedHashSet<>();
        catalog.partitions(region, table.database(), table.name()).forEach(partition -> known.add(partition.values()));
        Set<List<String>> found = new LinkedHashSet<>();
        for (ObjectStore.ObjectSummary object : store.listObjects(location.bucket(), location.prefix())) {
            List<String> values = hiveValues(table.partitionKeys(), object.key().substring(location.prefix().length()));
            if (values != null && !known.contains(values)) {
                found.add(values);
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> values : found) {
            lines.add("Partitions not in metastore:\t" + table.name() + ":" + partitionName(table.partitionKeys(), values));
        }
        for (List<String> values : found) {
            ObjectNode input = JSON.createObjectNode();
            values.forEach(input.putArray("Values")::add);
            input.putObject("StorageDescriptor").put("Location",
                    location + partitionName(table.partitionKeys(), values) + "/");
            catalog.createPartition(region, table.database(), table.name(), input);
            lines.add("Repair: Added partition to metastore " + table.name() + ":" + partitionName(table.partitionKeys(), values));
        }
        return ResultTable.lines("result", lines);
    }

    /** The values of an object key's leading {@code key=value/} folders, when they name every partition key in order. */
    private static List<String> hiveValues(List<Column> keys, String relativeKey) {
        String[] parts = relativeKey.split("/");
        if (parts.length <= keys.size()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String prefix = keys.get(i).name() + "=";
            if (!parts[i].toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
                return null;
            }
            values.add(parts[i].substring(prefix.length()));
        }
        String name = parts[parts.length - 1];
        return name.startsWith("_") || name.startsWith(".") ? null : values;
    }

    private ResultTable addPartitions(String region, CatalogTable table, AddPartitions add) {
        for (PartitionSpec spec : add.partitions()) {
            List<String> values = values(table, spec);
            if (hasPartition(region, table, values)) {
                if (add.ifNotExists()) {
                    continue;
                }
                throw QueryFailure.ddl("AlreadyExistsException(message:Partition already exists: "
                        + partitionName(table.partitionKeys(), values) + ")");
            }
            ObjectNode input = JSON.createObjectNode();
            values.forEach(input.putArray("Values")::add);
            String location = spec.location() != null ? spec.location()
                    : S3Location.parse(table.storage().location(), table.name()) + partitionName(table.partitionKeys(), values) + "/";
            input.putObject("StorageDescriptor").put("Location", location);
            catalog.createPartition(region, table.database(), table.name(), input);
        }
        return ResultTable.empty();
    }

    private ResultTable dropPartitions(String region, CatalogTable table, DropPartitions drop) {
        for (PartitionSpec spec : drop.partitions()) {
            List<String> values = values(table, spec);
            if (hasPartition(region, table, values)) {
                catalog.deletePartition(region, table.database(), table.name(), values);
            } else if (!drop.ifExists()) {
                throw QueryFailure.ddl("SemanticException [Error 10006]: Partition not found ("
                        + partitionName(table.partitionKeys(), values) + ")");
            }
        }
        return ResultTable.empty();
    }

    private boolean hasPartition(String region, CatalogTable table, List<String> values) {
        return catalog.partitions(region, table.database(), table.name()).stream()
                .anyMatch(partition -> partition.values().equals(values));
    }

    private static List<String> values(CatalogTable table, PartitionSpec spec) {
        List<Column> keys = table.partitionKeys();
        if (spec.values().size() != keys.size()) {
            throw QueryFailure.ddl("SemanticException [Error 10098]: Partition spec is invalid; field "
                    + keys.stream().map(Column::name).toList() + " does not exist or is empty");
        }
        List<String> values = new ArrayList<>();
        for (Column key : keys) {
            String value = spec.values().get(key.name().toLowerCase(Locale.ROOT));
            if (value == null) {
                throw QueryFailure.ddl("SemanticException [Error 10098]: Partition spec is invalid; field "
                        + key.name() + " does not exist or is empty");
            }
            values.add(value);
        }
        return values;
    }

    private ResultTable showTables(String region, String database, String pattern) {
        if (catalog.database(region, database).isEmpty()) {
            throw databaseMissing(database);
        }
        return ResultTable.lines("tab_name", catalog.tables(region, database).stream().map(CatalogTable::name)
                .filter(like(pattern)).toList());
    }

    private ResultTable showPartitions(String region, CatalogTable table) {
        if (!table.isPartitioned()) {
            throw QueryFailure.ddl("SemanticException [Error 10241]: Table " + table.name() + " is not a partitioned table");
        }
        return ResultTable.lines("partition", catalog.partitions(region, table.database(), table.name()).stream()
                .map(CatalogPartition::values).map(values -> partitionName(table.partitionKeys(), values)).toList());
    }

    /** DESCRIBE as Hive prints it: a line a column, name and type padded to 20, then the partition keys again. */
    private static ResultTable describe(CatalogTable table) {
        List<String> lines = new ArrayList<>();
        allColumns(table).forEach(column -> lines.add(describeLine(column.name(), column.type(), column.comment())));
        if (table.isPartitioned()) {
            lines.add("");
            lines.add("# Partition Information");
            lines.add(describeLine("# col_name", "data_type", "comment"));
            lines.add("");
            table.partitionKeys().forEach(key -> lines.add(describeLine(key.name(), key.type(), key.comment())));
        }
        return ResultTable.lines("col_name", lines);
    }

    private static String describeLine(String name, String type, String comment) {
        return String.format("%-20s\t%-20s\t%s", name, type, comment == null ? "" : comment);
    }

    private static List<Column> allColumns(CatalogTable table) {
        List<Column> all = new ArrayList<>(table.storage().columns());
        all.addAll(table.partitionKeys());
        return all;
    }

    private CatalogTable table(String region, String defaultDatabase, TableRef ref) {
        String database = ref.database() == null ? defaultDatabase : ref.database();
        if (catalog.database(region, database).isEmpty()) {
            throw databaseMissing(database);
        }
        return catalog.table(region, database, ref.name()).orElseThrow(() -> tableMissing(database, ref.name()));
    }

    static String partitionName(List<Column> keys, List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parts.add(keys.get(i).name() + "=" + values.get(i));
        }
        return String.join("/", parts);
    }

    /** Hive's SHOW patterns: {@code *} matches anything, {@code |} separates alternatives. */
    private static java.util.function.Predicate<String> like(String pattern) {
        if (pattern == null) {
            return name -> true;
        }
        Pattern regex = Pattern.compile(pattern.replace(".", "\\.").replace("*", ".*"), Pattern.CASE_INSENSITIVE);
        return name -> regex.matcher(name).matches();
    }

    private static QueryFailure databaseMissing(String database) {
        return QueryFailure.ddl("SemanticException [Error 10072]: Database does not exist: " + database);
    }

    private static QueryFailure tableMissing(String database, String table) {
        return QueryFailure.ddl("SemanticException [Error 10001]: Table not found " + database + "." + table);
    }

    private static String firstWord(String sql) {
        String text = sql.strip();
        while (text.startsWith("--") || text.startsWith("/*")) {
            int end = text.startsWith("--") ? text.indexOf('\n') : text.indexOf("*/") + 1;
            text = end <= 0 ? "" : text.substring(end + 1).strip();
        }
        int i = 0;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return text.substring(0, i).toUpperCase(Locale.ROOT);
    }
}
