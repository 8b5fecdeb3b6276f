package io.kinesisworkbook.emulator.athena.engine;

import io.kinesisworkbook.emulator.athena.QueryFailure;
import io.kinesisworkbook.emulator.glue.CatalogTable;
import io.kinesisworkbook.emulator.glue.Column;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A catalog table as a DuckDB view over the table's objects, made again before every query that
 * names it (objects come and go between queries): {@code awsdatacatalog."db"."table"} selects the
 * table's columns, in its order and types, from {@code read_json} or {@code read_parquet} over the
 * cached files, and joins each file to its partition values.
 */
final class TableViews {

    static final String FILE_COLUMN = "__athena_file";

    private final ObjectCache cache;

    TableViews(ObjectCache cache) {
        this.cache = cache;
    }

    /**
     * Creates or replaces the table's view; answers the bytes its objects hold (what the query scans).
     *
     * @param names filled with each cached file's name and the S3 path it holds, for errors
     */
    long define(Connection connection, CatalogTable table, List<TableFile> files, Map<String, String> names)
            throws SQLException {
        TableFormat format = TableFormat.of(table);
        List<Path> paths = new ArrayList<>();
        for (TableFile file : files) {
            paths.add(format == TableFormat.PARQUET ? cache.parquet(file)
                    : cache.jsonLines(file, jsonSerDe(table), format.name() + jsonVariant(table)));
            names.put(paths.get(paths.size() - 1).toString(), file.path());
        }
        String select = files.isEmpty() ? emptySelect(table)
                : format == TableFormat.PARQUET ? parquetSelect(connection, table, files, paths)
                : jsonSelect(table, files, paths);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + DuckDbEngine.CATALOG + "." + HiveTypes.quote(table.database()));
            statement.execute("CREATE OR REPLACE VIEW " + DuckDbEngine.CATALOG + "." + HiveTypes.quote(table.database())
                    + "." + HiveTypes.quote(table.name()) + " AS " + select);
        }
        return files.stream().mapToLong(TableFile::size).sum();
    }

    private String jsonSelect(CatalogTable table, List<TableFile> files, List<Path> paths) {
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        StringJoiner selected = new StringJoiner(", ");
        for (Column column : table.storage().columns()) {
            String name = lower(column.name());
            columns.add(literal(name) + ": " + literal(HiveTypes.toDuckDb(column.type(), column.name())));
            selected.add("d." + HiveTypes.quote(name));
        }
        String read = "read_json(" + fileList(paths) + ", format = 'newline_delimited', columns = " + columns
                + ", filename = '" + FILE_COLUMN + "')";
        return withPartitions(table, files, paths, selected, read);
    }

    private String parquetSelect(Connection connection, CatalogTable table, List<TableFile> files, List<Path> paths)
            throws SQLException {
        String read = "read_parquet(" + fileList(paths) + ", union_by_name = true, filename = '" + FILE_COLUMN + "')";
        Map<String, String> present = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + read)) {
            while (described.next()) {
                present.put(lower(described.getString(1)), described.getString(1));
            }
        }
        StringJoiner selected = new StringJoiner(", ");
        for (Column column : table.storage().columns()) {
            String name = lower(column.name());
            String type = HiveTypes.toDuckDb(column.type(), column.name());
            String source = present.containsKey(name) ? "d." + HiveTypes.quote(present.get(name)) : "NULL";
            selected.add("CAST(" + source + " AS " + type + ") AS " + HiveTypes.quote(name));
        }
        return withPartitions(table, files, paths, selected, read);
    }

    private static String withPartitions(CatalogTable table, List<TableFile> files, List<Path> paths,
                                         StringJoiner selected, String read) {
        if (!table.isPartitioned()) {
            return "SELECT " + selected + " FROM " + read + " d";
        }
        StringJoiner names = new StringJoiner(", ", "(", ")");
        names.add(HiveTypes.quote(FILE_COLUMN));
        for (Column key : table.partitionKeys()) {
            String name = lower(key.name());
            names.add(HiveTypes.quote(name));
            selected.add("CAST(p." + HiveTypes.quote(name) + " AS " + HiveTypes.toDuckDb(key.type(), key.name())
                    + ") AS " + HiveTypes.quote(name));
        }
        StringJoiner rows = new StringJoiner(", ");
        for (int i = 0; i < files.size(); i++) {
            StringJoiner row = new StringJoiner(", ", "(", ")");
            row.add(literal(paths.get(i).toString()));
            files.get(i).partitionValues().forEach(value -> row.add(literal(value)));
            rows.add(row.toString());
        }
        return "SELECT " + selected + " FROM " + read + " d JOIN (VALUES " + rows + ") p" + names
                + " USING (" + HiveTypes.quote(FILE_COLUMN) + ")";
    }

    private static String emptySelect(CatalogTable table) {
        StringJoiner selected = new StringJoiner(", ");
        List<Column> all = new ArrayList<>(table.storage().columns());
        all.addAll(table.partitionKeys());
        for (Column column : all) {
            selected.add("CAST(NULL AS " + HiveTypes.toDuckDb(column.type(), column.name()) + ") AS "
                    + HiveTypes.quote(lower(column.name())));
        }
        return "SELECT " + selected + " WHERE false";
    }

    private static JsonLines jsonSerDe(CatalogTable table) {
        Map<String, String> parameters = table.storage().serdeParameters();
        Map<String, String> columnsByKey = new HashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("mapping.")) {
                columnsByKey.put(lower(value), lower(name.substring("mapping.".length())));
            }
        });
        boolean openX = String.valueOf(table.storage().serializationLibrary()).contains("openx");
        boolean ignoreMalformed = openX && "true".equalsIgnoreCase(parameters.get("ignore.malformed.json"));
        return new JsonLines(ignoreMalformed, columnsByKey);
    }

    /** The SerDe settings that change how a file is prepared, so that a changed setting prepares it again. */
    private static String jsonVariant(CatalogTable table) {
        Map<String, String> parameters = new java.util.TreeMap<>(table.storage().serdeParameters());
        parameters.put("serde", String.valueOf(table.storage().serializationLibrary()));
        return Integer.toHexString(parameters.toString().hashCode());
    }

    private static String fileList(List<Path> paths) {
        StringJoiner list = new StringJoiner(", ", "[", "]");
        paths.forEach(path -> list.add(literal(path.toString())));
        return list.toString();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The data formats the emulator reads, by the table's SerDe and input format. */
    enum TableFormat {
        JSON, PARQUET;

        static TableFormat of(CatalogTable table) {
            String serde = String.valueOf(table.storage().serializationLibrary());
            String input = String.valueOf(table.storage().inputFormat());
            if (serde.contains("JsonSerDe") || serde.contains("JsonSerde")) {
                return JSON;
            }
            if (serde.contains("Parquet") || input.contains("Parquet")) {
                return PARQUET;
            }
            throw QueryFailure.of("HIVE_UNSUPPORTED_FORMAT", "Table '" + table.database() + "." + table.name()
                    + "' uses SerDe '" + serde + "': the embedded emulator reads JSON (org.openx.data.jsonserde.JsonSerDe, "
                    + "org.apache.hive.hcatalog.data.JsonSerDe) and Parquet tables");
        }
    }
}
