package io.kinesisworkbook.exercises;

/**
 * Reference solution of exercise 10 (notebook 10-dr-pipeline): the event pattern of a prefix's object
 * changes, and the restore list as of a moment.
 */
public final class E10DrQueries {

    private E10DrQueries() {
    }

    /**
     * Every value to match goes in an array; a prefix is a matcher object inside the array. The
     * pattern is nested like the event: {@code detail.bucket.name}, {@code detail.object.key}.
     */
    public static String invoiceChangesPattern(String bucket) {
        return """
                {"source": ["aws.s3"],
                 "detail-type": ["Object Created", "Object Deleted"],
                 "detail": {"bucket": {"name": ["%s"]},
                            "object": {"key": [{"prefix": "invoices/"}]}}}""".formatted(bucket);
    }

    /**
     * The changes up to the moment (the disaster's deletions come after it), each key's last one by
     * sequencer: {@code max_by} picks the action and ETag of the greatest sequencer, whatever order
     * the lines arrived in, and a repeated line changes nothing.
     */
    public static String restoreListAsOf(String moment) {
        return """
                SELECT object_key, max_by(etag, sequencer) AS etag
                FROM captured
                WHERE kind = 'object' AND event_time <= TIMESTAMP '%s'
                GROUP BY object_key
                HAVING max_by(action, sequencer) = 'created'
                ORDER BY object_key""".formatted(moment);
    }
}
