package io.kinesisworkbook.exercises;

/**
 * Your exercise. Read the Javadoc of each method, replace the TODO, and run {@code ./workbook grade}.
 *
 * <p>Exercise 10 (notebook 10-dr-pipeline): the two places where a disaster-recovery pipeline goes
 * wrong quietly. An event pattern that lets the wrong events through (or misses some), and a query
 * that restores the wrong version of an object.
 */
public final class E10DrQueries {

    private E10DrQueries() {
    }

    /**
     * The EventBridge event pattern (JSON) of the events the pipeline must capture: every object
     * created in or deleted from {@code bucket} whose key starts with {@code invoices/}; nothing else
     * (not another bucket, not another prefix, not S3's other events such as {@code Object Restore
     * Completed}, not another source).
     *
     * <p>S3's events on EventBridge look like this (shortened):
     * <pre>{@code
     * {"source": "aws.s3", "detail-type": "Object Created",
     *  "detail": {"bucket": {"name": "shop-primary"}, "object": {"key": "invoices/2026/a.pdf", "etag": "..."},
     *             "reason": "PutObject"}}
     * }</pre>
     */
    public static String invoiceChangesPattern(String bucket) {
        // TODO: exact values go in arrays; a key that starts with something is {"prefix": "..."} inside the array.
        throw new UnsupportedOperationException("TODO: exercise E10, invoiceChangesPattern");
    }

    /**
     * The Athena query (Trino's SQL) of the restore list <em>as the bucket stood at {@code moment}</em>
     * ({@code yyyy-MM-dd HH:mm:ss.SSS}, UTC): one row per object the bucket held then, with the ETag
     * of the version it held, as columns {@code object_key} and {@code etag}, ordered by
     * {@code object_key}.
     *
     * <p>It reads the table {@code captured} of notebook 10 ({@code DrQueries.createTable}): a row per
     * captured line; {@code kind} is {@code object} for S3's events ({@code action} {@code created}
     * or {@code deleted}, {@code object_key}, {@code etag}, {@code sequencer}, {@code event_time}) and
     * {@code log} for log lines. Mind that:
     * <ul>
     *   <li>the disaster's own deletions are captured too, after {@code moment};</li>
     *   <li>lines arrive in any order, and some twice (at least once);</li>
     *   <li>two changes to one key can carry the same {@code event_time}, or times in the other order
     *       than S3 applied them; S3's {@code sequencer} (hexadecimal text of one length per key) orders
     *       them.</li>
     * </ul>
     */
    public static String restoreListAsOf(String moment) {
        // TODO: keep the changes up to the moment, then each key's last change by sequencer (max_by), if it was a creation.
        throw new UnsupportedOperationException("TODO: exercise E10, restoreListAsOf");
    }
}
