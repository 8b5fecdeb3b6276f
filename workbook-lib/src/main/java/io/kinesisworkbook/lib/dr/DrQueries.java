package io.kinesisworkbook.lib.dr;

/**
 * The SQL of the disaster-recovery pipeline: the Athena table over what Firehose captured, and the
 * queries a recovery asks of it. Athena's SQL is Trino's; the table reads JSON lines through the
 * OpenX JSON SerDe, GZIP and all, from every object under its location.
 */
public final class DrQueries {

    /**
     * The table: one row per captured line. {@code kind} tells an S3 object event ({@code object}:
     * action, bucket, object key, size, ETag, sequencer) from an application log line ({@code log}:
     * level, host, service, message, latency, status); the other kind's columns are NULL.
     */
    public static String createTable(String location) {
        return """
                CREATE EXTERNAL TABLE IF NOT EXISTS %s (
                  kind string, event_id string, event_time timestamp, captured_at timestamp,
                  action string, bucket string, object_key string, size bigint, etag string,
                  sequencer string, reason string, request_id string,
                  log_group string, log_stream string, level string, host string, service string,
                  message string, latency_ms bigint, status int)
                ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
                LOCATION '%s'""".formatted(DrResources.TABLE, location);
    }

    /**
     * What to restore: each object's last change, when it was a creation, with that version's ETag.
     * S3's sequencer orders the changes to one key (a later change has a greater one), so
     * {@code max_by(x, sequencer)} is x as of the key's last change, whatever order the events
     * arrived in and however often one was captured.
     */
    public static final String RESTORE_LIST = """
            SELECT object_key, max_by(etag, sequencer) AS etag, max(event_time) AS last_change
            FROM captured
            WHERE kind = 'object'
            GROUP BY object_key
            HAVING max_by(action, sequencer) = 'created'
            ORDER BY object_key""";

    /** Rows and distinct events of each kind: duplicates (at least once) show as the difference. */
    public static final String COUNTS = """
            SELECT kind, count(*) AS lines, count(DISTINCT event_id) AS events
            FROM captured
            GROUP BY kind
            ORDER BY kind""";

    private DrQueries() {
    }
}
