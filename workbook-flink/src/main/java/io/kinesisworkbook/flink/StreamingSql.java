package io.kinesisworkbook.flink;

import io.kinesisworkbook.lib.Workbook;
import io.kinesisworkbook.lib.backend.Connection;
import io.kinesisworkbook.lib.backend.WorkbookException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Streaming SQL on the workbook's backend: Flink SQL, run by an embedded Flink in this JVM, over
 * Kinesis streams on whichever backend the notebook uses.
 *
 * <pre>{@code
 * StreamingSql sql = StreamingSql.on(aws);                     // Flink starts on first use
 * sql.table("clicks").fromStream("sql-clicks").columnsOf(Click.class).create();
 * SqlResult perWindow = sql.query("""
 *         SELECT window_start, COUNT(*) AS views
 *         FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '10' SECOND))
 *         GROUP BY window_start, window_end""").until(Until.rows(6)).show();
 * }</pre>
 *
 * <p><b>Why {@code StreamingSql.on(aws)} and not {@code aws.sql()}.</b> {@code Workbook} lives in
 * workbook-lib, which every notebook, exercise and test uses, and Flink is a large dependency that
 * only this notebook needs; a method on {@code Workbook} would make the library depend on Flink
 * (or find this module by reflection, which no reader could follow). A static entry point in the
 * module that holds Flink keeps the dependency pointing one way, and reads the same in a cell.
 *
 * <p>Each {@code StreamingSql} is a Flink table environment (a SQL session: its tables and views);
 * all of them share the JVM's one Flink cluster. {@link #close()} stops the session's pumps; the
 * cluster itself stops with the JVM.
 */
public final class StreamingSql implements AutoCloseable {

    private final Connection connection;
    private final KinesisClient kinesis;
    private final EmbeddedFlink flink;
    private final StreamTableEnvironment tables;
    private final List<Pump> pumps = new ArrayList<>();

    private StreamingSql(Connection connection, KinesisClient kinesis, EmbeddedFlink flink) {
        this.connection = connection;
        this.kinesis = kinesis;
        this.flink = flink;
        this.tables = flink.onSqlThread(() -> flink.withTemporaryDirectory(
                () -> StreamTableEnvironment.create(flink.environment(), EnvironmentSettings.inStreamingMode())));
        // Window bounds are TIMESTAMP values in the session's time zone: UTC, like the events' own timestamps.
        tables.getConfig().set("table.local-time-zone", "UTC");
    }

    /** A SQL session on {@code aws}'s backend; the JVM's Flink cluster starts on the first call. */
    public static StreamingSql on(Workbook aws) {
        return on(aws.connection(), aws.kinesis());
    }

    /** A SQL session on any backend, given how to reach it and a Kinesis client there. */
    public static StreamingSql on(Connection connection, KinesisClient kinesis) {
        return new StreamingSql(connection, kinesis, EmbeddedFlink.shared());
    }

    /** For tests: a session on a cluster of the test's own. */
    static StreamingSql on(Connection connection, KinesisClient kinesis, EmbeddedFlink flink) {
        return new StreamingSql(connection, kinesis, flink);
    }

    /** Starts declaring a table over a Kinesis stream; {@code create()} runs the CREATE TABLE. */
    public KinesisTable.Builder table(String name) {
        return new KinesisTable.Builder(name, this::create);
    }

    private void create(KinesisTable.Builder builder) {
        requireStream(builder.name(), builder.stream());
        String ddl = builder.ddl(ConnectorOptions.kinesis(connection, builder.stream()));
        execute(ddl);
        builder.created(new KinesisTable(builder.name(), builder.stream(), ddl));
    }

    /**
     * Declares a table that writes into the Firehose delivery stream {@code deliveryStream}, one JSON
     * line per row: {@code INSERT INTO} it and Firehose delivers the rows to its destination.
     */
    public String deliveryStreamTable(String name, String deliveryStream, String columns) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("connector", "firehose");
        options.put("delivery-stream", deliveryStream);
        options.putAll(ConnectorOptions.aws(connection));
        options.put("format", CountedJsonFormatFactory.IDENTIFIER);
        options.put(CountedJsonFormatFactory.IDENTIFIER + ".lines", "true");
        String ddl = "CREATE TABLE " + SqlColumns.quote(name) + " (" + columns + ")\n" + ConnectorOptions.withClause(options);
        execute(ddl);
        return ddl;
    }

    /**
     * A small table of fixed rows (reference data), as a view over {@code VALUES}: one column per
     * component of the records, e.g. {@code record PageCategory(String page, String category)}.
     */
    public String staticTable(String name, List<? extends Record> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a static table needs at least one row");
        }
        java.lang.reflect.RecordComponent[] components = rows.get(0).getClass().getRecordComponents();
        List<String> values = new ArrayList<>();
        for (Record row : rows) {
            List<String> literals = new ArrayList<>();
            for (java.lang.reflect.RecordComponent component : components) {
                literals.add(literal(component, row));
            }
            values.add("(" + String.join(", ", literals) + ")");
        }
        String columns = java.util.Arrays.stream(components).map(c -> SqlColumns.quote(c.getName()))
                .collect(java.util.stream.Collectors.joining(", "));
        String ddl = "CREATE TEMPORARY VIEW " + SqlColumns.quote(name) + " AS SELECT * FROM (VALUES\n  "
                + String.join(",\n  ", values) + "\n) AS t(" + columns + ")";
        execute(ddl);
        return ddl;
    }

    private static String literal(java.lang.reflect.RecordComponent component, Record row) {
        try {
            component.getAccessor().setAccessible(true);   // records declared in a notebook cell are not public
            Object value = component.getAccessor().invoke(row);
            return value == null ? "NULL" : value instanceof Number ? value.toString() : ConnectorOptions.literal(value.toString());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + row, e);
        }
    }

    /** Any statement that runs at once: CREATE VIEW, CREATE TABLE, DROP. */
    public void execute(String statement) {
        TableResult result;
        try {
            result = flink.onSqlThread(() -> tables.executeSql(statement));
        } catch (RuntimeException e) {
            throw SqlErrors.of("Flink SQL refused the statement", e);
        }
        if (result.getJobClient().isPresent()) {
            result.getJobClient().get().cancel();
            throw new WorkbookException("execute() is for statements that run at once; use query(...) for a SELECT"
                    + " and pump(...) for an INSERT INTO");
        }
    }

    /** A continuous query; run it with {@code show()} or {@code collect()}. */
    public Query query(String select) {
        return new Query(this, select);
    }

    /** Starts an {@code INSERT INTO ... SELECT ...}, which runs until stopped: a pump into a sink table. */
    public Pump pump(String name, String insert) {
        TableResult result;
        try {
            result = flink.onSqlThread(() -> {
                tables.getConfig().set(PipelineOptions.NAME, name);
                return tables.executeSql(insert);
            });
        } catch (RuntimeException e) {
            throw SqlErrors.of("Flink SQL refused pump " + name, e);
        }
        Pump pump = new Pump(name, result.getJobClient()
                .orElseThrow(() -> new WorkbookException("pump(...) is for INSERT INTO; use execute(...) for other statements"))
                .getJobID(), flink);
        synchronized (pumps) {
            pumps.add(pump);
        }
        return pump;
    }

    /** The plan Flink made for a query, as EXPLAIN prints it. */
    public String explain(String statement) {
        try {
            return flink.onSqlThread(() -> tables.explainSql(statement));
        } catch (RuntimeException e) {
            throw SqlErrors.of("Flink SQL refused the statement", e);
        }
    }

    /**
     * Flink's table environment, for anything the helpers do not cover. Plan statements with it
     * through {@link #onSqlThread} (see there why).
     */
    public StreamTableEnvironment tableEnvironment() {
        return tables;
    }

    /** Runs {@code work} with the table environment on the one thread Flink's planner needs. */
    public <T> T onSqlThread(java.util.concurrent.Callable<T> work) {
        return flink.onSqlThread(work);
    }

    /** Every Flink job in this JVM that has not ended yet (pumps and queries of every session). */
    public int runningJobs() {
        return flink.runningJobs().size();
    }

    SqlResult run(Query query, Consumer<SqlResult> onChange) {
        TableResult result;
        try {
            result = flink.onSqlThread(() -> {
                tables.getConfig().set(PipelineOptions.NAME, query.title());
                return tables.executeSql(query.sql());
            });
        } catch (RuntimeException e) {
            throw SqlErrors.of("Flink SQL refused query '" + query.title() + "'", e);
        }
        if (result.getJobClient().isEmpty()) {
            throw new WorkbookException("query(...) is for a SELECT; use execute(...) for '" + firstWords(query.sql()) + "'");
        }
        return new QueryRun(query.title(), query.until(), query.refresh(), query.onFirstRow()).run(result, flink, onChange);
    }

    private void requireStream(String table, String stream) {
        try {
            kinesis.describeStreamSummary(b -> b.streamName(stream));
        } catch (ResourceNotFoundException e) {
            throw new WorkbookException("table " + table + ": stream '" + stream + "' does not exist on the "
                    + connection.describe() + "; create it first (aws.streams().create(\"" + stream + "\", 2))");
        }
    }

    private static String firstWords(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 40 ? flat : flat.substring(0, 40) + "...";
    }

    /** Stops this session's pumps (queries stop by themselves). */
    @Override
    public void close() {
        synchronized (pumps) {
            pumps.forEach(Pump::stop);
            pumps.clear();
        }
    }
}
