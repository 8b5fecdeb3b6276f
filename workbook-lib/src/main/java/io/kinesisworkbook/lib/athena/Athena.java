package io.kinesisworkbook.lib.athena;

import io.kinesisworkbook.lib.backend.WorkbookException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StatementType;
import tech.tablesaw.api.Table;

/**
 * SQL over S3 with Amazon Athena, on any backend, into a Tablesaw table:
 * <pre>{@code
 * Athena athena = new Athena(athenaClient, "s3://my-bucket/athena-results/", "dr");
 * Show.table(athena.query("SELECT kind, count(*) AS lines FROM captured GROUP BY kind"));
 * }</pre>
 * Athena runs a query on its own time: StartQueryExecution answers at once with an id, the query is
 * QUEUED, RUNNING, then SUCCEEDED (or FAILED, or CANCELLED), and its result is a CSV file in S3 that
 * GetQueryResults pages through, a thousand rows at a time, every value as text with the column's
 * type beside it. This class does those steps and turns the text back into typed columns (see
 * {@link ResultColumns}).
 */
public final class Athena {

    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final int PAGE_SIZE = 1_000;

    private final AthenaClient athena;
    private final String outputLocation;
    private final String database;

    /**
     * @param outputLocation where Athena writes each query's result, {@code s3://bucket/prefix/}
     * @param database       the database unqualified table names are in ({@code default} for none)
     */
    public Athena(AthenaClient athena, String outputLocation, String database) {
        this.athena = athena;
        this.outputLocation = outputLocation;
        this.database = database;
    }

    /** A query's rows, typed. */
    public Table query(String sql) {
        return run(sql).table();
    }

    /**
     * Runs any statement (a query, DDL such as CREATE EXTERNAL TABLE, MSCK REPAIR TABLE...), waits for
     * it, and reads its whole result.
     *
     * @throws WorkbookException with Athena's reason when it fails
     */
    public QueryResult run(String sql) {
        long started = System.nanoTime();
        String id = athena.startQueryExecution(b -> b.queryString(sql)
                .queryExecutionContext(c -> c.database(database))
                .resultConfiguration(r -> r.outputLocation(outputLocation))).queryExecutionId();
        QueryExecution execution = awaitEnd(id);
        Table table = read(id, execution.statementType() == StatementType.DML);
        var statistics = execution.statistics();
        return new QueryResult(id, table, statistics == null ? 0 : orZero(statistics.dataScannedInBytes()),
                Duration.ofMillis(statistics == null ? 0 : orZero(statistics.engineExecutionTimeInMillis())),
                Duration.ofNanos(System.nanoTime() - started), execution.resultConfiguration().outputLocation());
    }

    /** Waits for the end, asking more slowly the longer it takes (Athena bills no polling, but throttles it). */
    private QueryExecution awaitEnd(String id) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pauseMillis = 10;
        while (true) {
            QueryExecution execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            QueryExecutionState state = execution.status().state();
            if (state == QueryExecutionState.SUCCEEDED) {
                return execution;
            }
            if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED) {
                throw new WorkbookException("Athena query " + state + ": " + execution.status().stateChangeReason());
            }
            if (System.nanoTime() > deadline) {
                throw new WorkbookException("Athena query " + id + " still " + state + " after " + PATIENCE.toMinutes()
                        + " minutes");
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(1_000, pauseMillis * 2);
        }
    }

    /** Pages through the result. A query's first row repeats the column names (DDL's results have none). */
    private Table read(String id, boolean headerRow) {
        List<ColumnInfo> columns = null;
        List<Row> rows = new ArrayList<>();
        for (GetQueryResultsResponse page : athena.getQueryResultsPaginator(b -> b.queryExecutionId(id).maxResults(PAGE_SIZE))) {
            if (columns == null) {
                columns = page.resultSet().resultSetMetadata().columnInfo();
            }
            rows.addAll(page.resultSet().rows());
        }
        if (headerRow && !rows.isEmpty()) {
            rows.remove(0);
        }
        return ResultColumns.table("Athena: " + id, columns == null ? List.of() : columns, rows);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbookException("Interrupted while waiting for Athena");
        }
    }
}
