package io.kinesisworkbook.emulator.athena;

import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.athena.ddl.DdlExecutor;
import io.kinesisworkbook.emulator.athena.engine.QueryEngine;
import io.kinesisworkbook.emulator.athena.engine.ResultTable;
import io.kinesisworkbook.emulator.glue.DataCatalog;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs queries one after another on a thread of its own, so StartQueryExecution answers at once
 * (QUEUED) and a client polls GetQueryExecution, as on AWS. The thread and DuckDB start with the
 * first query. Any error ends the query FAILED with Athena's reason, never the thread.
 */
final class QueryRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(QueryRunner.class.getName());

    private final EmulatorClock clock;
    private final DdlExecutor ddl;
    private final QueryEngine engine;
    private final ResultFiles results;
    private ExecutorService thread;
    private boolean closed;

    QueryRunner(DataCatalog catalog, ObjectStore store, EmulatorClock clock) {
        this.clock = clock;
        this.ddl = new DdlExecutor(catalog, store);
        this.engine = new QueryEngine(catalog, store, clock);
        this.results = new ResultFiles(store);
    }

    /** Whether DuckDB has started (it starts with the first query that reads a table or computes). */
    boolean engineStarted() {
        return engine.started();
    }

    synchronized void submit(QueryExecution execution) {
        if (closed) {
            execution.fail(QueryFailure.of("GENERIC_INTERNAL_ERROR", "The emulator is shutting down"), clock.millis(), 0);
            return;
        }
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(runnable -> {
                Thread runner = new Thread(runnable, "athena-queries");
                runner.setDaemon(true);
                return runner;
            });
        }
        long queued = System.nanoTime();
        try {
            thread.execute(() -> run(execution, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - queued)));
        } catch (RejectedExecutionException e) {
            execution.fail(QueryFailure.of("GENERIC_INTERNAL_ERROR", "The emulator is shutting down"), clock.millis(), 0);
        }
    }

    private void run(QueryExecution execution, long queuedMillis) {
        if (!execution.begin(queuedMillis)) {
            return;
        }
        long began = System.nanoTime();
        try {
            results.checkBucket(execution.outputLocation());
            ResultTable table = execute(execution);
            results.write(execution.outputLocation(), table);
            execution.succeed(table, clock.millis(), elapsed(began));
        } catch (QueryFailure failure) {
            execution.fail(failure, clock.millis(), elapsed(began));
        } catch (AwsServiceException e) {
            execution.fail(QueryFailure.ddl(e.errorType() + " " + e.getMessage() + " (Service: AWSGlue; Status Code: "
                    + e.status() + "; Error Code: " + e.errorType() + ")"), clock.millis(), elapsed(began));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "query " + execution.id() + " failed in the emulator", e);
            execution.fail(QueryFailure.of("GENERIC_INTERNAL_ERROR", "The embedded emulator could not run this query ("
                    + e.getClass().getSimpleName() + ")"), clock.millis(), elapsed(began));
        }
    }

    private ResultTable execute(QueryExecution execution) {
        if (!"AwsDataCatalog".equalsIgnoreCase(execution.catalog())) {
            throw QueryFailure.of("CATALOG_NOT_FOUND", "Catalog '" + execution.catalog() + "' does not exist");
        }
        if (DdlExecutor.handles(execution.query())) {
            return ddl.run(execution.region(), execution.database(), execution.query());
        }
        return engine.select(execution.region(), execution.query(), execution.database(), execution::onCancel);
    }

    private static long elapsed(long began) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            thread.shutdownNow();
        }
        engine.close();
    }
}
