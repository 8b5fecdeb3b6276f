package io.kinesisworkbook.emulator.athena.engine;

import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.athena.QueryFailure;
import io.kinesisworkbook.emulator.athena.engine.ResultTable.ResultColumn;
import io.kinesisworkbook.emulator.athena.sql.TrinoTranslator;
import io.kinesisworkbook.emulator.glue.CatalogTable;
import io.kinesisworkbook.emulator.glue.DataCatalog;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs Athena's SELECT queries on DuckDB over the catalog's tables in the emulator's S3: translate
 * the query, make a view of each table it reads over that table's objects (fetched into the cache
 * once per ETag), run it, and read the rows as Athena prints them. One query at a time: the views
 * of one query must not change under another.
 */
public final class QueryEngine implements AutoCloseable {

    private final DataCatalog catalog;
    private final ObjectStore store;
    private final EmulatorClock clock;
    private final DuckDbEngine duckdb = new DuckDbEngine();
    private TableFiles tableFiles;
    private TableViews views;
    private TrinoTranslator translator;

    public QueryEngine(DataCatalog catalog, ObjectStore store, EmulatorClock clock) {
        this.catalog = catalog;
        this.store = store;
        this.clock = clock;
    }

    /** Whether DuckDB has started (it starts on the first query). */
    public boolean started() {
        return duckdb.started();
    }

    /**
     * Runs a query.
     *
     * @param region   the region whose catalog the query reads
     * @param sql      the query as the client wrote it
     * @param database the database of the query's context, for tables it names without one
     * @param onStart  given a way to cancel the query once it runs (StopQueryExecution)
     */
    public synchronized ResultTable select(String region, String sql, String database, Consumer<Runnable> onStart) {
        Map<String, String> files = new HashMap<>();
        try {
            Connection connection = connection();
            TrinoTranslator.Translation translation = translator.translate(sql,
                    (catalogName, schema, table, position) -> resolve(region, database, catalogName, schema, table, position));
            long scanned = 0;
            Instant now = Instant.ofEpochMilli(clock.millis());
            for (CatalogTable table : translation.tables()) {
                List<TableFile> tableFiles = this.tableFiles.of(table, partitions(region, table), now);
                scanned += views.define(connection, table, tableFiles, files);
            }
            return run(connection, translation.sql(), scanned, onStart);
        } catch (SQLException e) {
            throw DuckDbErrors.map(e.getMessage(), sql, files);
        }
    }

    private ResultTable run(Connection connection, String sql, long scanned, Consumer<Runnable> onStart)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            onStart.accept(() -> {
                try {
                    statement.cancel();
                } catch (SQLException e) {
                    // the query ends by itself
                }
            });
            try (ResultSet rows = statement.executeQuery(sql)) {
                ResultSetMetaData meta = rows.getMetaData();
                List<ResultColumn> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(AthenaValues.column(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), meta.getColumnTypeName(i)));
                }
                List<List<String>> values = new ArrayList<>();
                while (rows.next()) {
                    List<String> row = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        row.add(AthenaValues.text(rows, i + 1, columns.get(i).type()));
                    }
                    values.add(row);
                }
                return new ResultTable(columns, values, true, scanned);
            }
        }
    }

    private synchronized Connection connection() throws SQLException {
        Connection connection = duckdb.connection();
        if (translator == null) {
            Path objects = duckdb.home().resolve("objects");
            tableFiles = new TableFiles(store);
            views = new TableViews(new ObjectCache(objects, store));
            translator = new TrinoTranslator(connection, duckdb.trinoFunctions());
        }
        return connection;
    }

    private CatalogTable resolve(String region, String database, String catalogName, String schema, String table,
                                 String position) {
        if (!catalogName.isEmpty() && !catalogName.equalsIgnoreCase(DuckDbEngine.CATALOG)) {
            throw QueryFailure.of("CATALOG_NOT_FOUND", position + ": Catalog '" + catalogName.toLowerCase(Locale.ROOT)
                    + "' does not exist");
        }
        String db = (schema.isEmpty() ? database : schema).toLowerCase(Locale.ROOT);
        if (catalog.database(region, db).isEmpty()) {
            throw QueryFailure.of("SCHEMA_NOT_FOUND", position + ": Schema '" + db + "' does not exist");
        }
        return catalog.table(region, db, table).orElseThrow(() -> QueryFailure.of("TABLE_NOT_FOUND",
                position + ": Table '" + DuckDbEngine.CATALOG + "." + db + "." + table + "' does not exist"));
    }

    private List<io.kinesisworkbook.emulator.glue.CatalogPartition> partitions(String region, CatalogTable table) {
        if (!table.isPartitioned() || table.projectionEnabled()) {
            return List.of();
        }
        try {
            return catalog.partitions(region, table.database(), table.name());
        } catch (AwsServiceException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        duckdb.close();
    }
}
