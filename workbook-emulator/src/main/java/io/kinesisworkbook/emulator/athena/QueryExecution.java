package io.kinesisworkbook.emulator.athena;

import io.kinesisworkbook.emulator.athena.engine.ResultTable;

/**
 * One query's execution: what was asked, where, and how it went. The runner thread moves it
 * QUEUED, RUNNING, then SUCCEEDED or FAILED; StopQueryExecution moves it to CANCELLED.
 */
final class QueryExecution {

    enum State { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    private final String id;
    private final String region;
    private final String query;
    private final String database;
    private final String catalog;
    private final String workGroup;
    private final String outputLocation;
    private final String statementType;
    private final long submitted;
    private State state = State.QUEUED;
    private QueryFailure failure;
    private ResultTable result;
    private long completed;
    private long queueMillis;
    private long engineMillis;
    private Runnable cancel = () -> { };

    QueryExecution(String id, String region, String query, String database, String catalog, String workGroup,
                   String outputLocation, String statementType, long submitted) {
        this.id = id;
        this.region = region;
        this.query = query;
        this.database = database;
        this.catalog = catalog;
        this.workGroup = workGroup;
        this.outputLocation = outputLocation;
        this.statementType = statementType;
        this.submitted = submitted;
    }

    String id() {
        return id;
    }

    String region() {
        return region;
    }

    String query() {
        return query;
    }

    String database() {
        return database;
    }

    String catalog() {
        return catalog;
    }

    String workGroup() {
        return workGroup;
    }

    /** The result file: {@code s3://bucket/prefix/<id>.csv}, or {@code .txt} for DDL and utility statements. */
    String outputLocation() {
        return outputLocation;
    }

    String statementType() {
        return statementType;
    }

    long submitted() {
        return submitted;
    }

    synchronized State state() {
        return state;
    }

    synchronized QueryFailure failure() {
        return failure;
    }

    synchronized ResultTable result() {
        return result;
    }

    synchronized long completed() {
        return completed;
    }

    synchronized long queueMillis() {
        return queueMillis;
    }

    synchronized long engineMillis() {
        return engineMillis;
    }

    /** QUEUED to RUNNING, unless it was cancelled meanwhile; answers whether it is to run. */
    synchronized boolean begin(long queuedFor) {
        if (state != State.QUEUED) {
            return false;
        }
        state = State.RUNNING;
        queueMillis = queuedFor;
        return true;
    }

    synchronized void onCancel(Runnable action) {
        cancel = action;
    }

    synchronized void succeed(ResultTable table, long now, long tookMillis) {
        if (state == State.RUNNING) {
            state = State.SUCCEEDED;
            result = table;
            completed = now;
            engineMillis = tookMillis;
        }
    }

    synchronized void fail(QueryFailure why, long now, long tookMillis) {
        if (state == State.RUNNING || state == State.QUEUED) {
            state = State.FAILED;
            failure = why;
            completed = now;
            engineMillis = tookMillis;
        }
    }

    /** StopQueryExecution: a queued or running query is cancelled; a finished one stays as it is. */
    void cancel(long now) {
        Runnable action;
        synchronized (this) {
            if (state != State.QUEUED && state != State.RUNNING) {
                return;
            }
            state = State.CANCELLED;
            completed = now;
            action = cancel;
        }
        action.run();
    }
}
