package io.kinesisworkbook.exercises;

/**
 * Exercise 09, solved (notebook 09-streaming-sql): the three most clicked pages of each 10-second
 * window of event time.
 */
public final class E09WindowedQuery {

    private E09WindowedQuery() {
    }

    /**
     * Window Top-N: count per page in each tumbling window, number the pages of each window by their
     * count with ROW_NUMBER(), and keep the first three. Flink recognises this shape and keeps only
     * three rows per window in its state, emitting them when the window closes.
     */
    public static String topPagesPerWindow() {
        return """
                SELECT window_start, page, hits FROM (
                  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY hits DESC) AS place
                  FROM (SELECT window_start, window_end, page, COUNT(*) AS hits
                        FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '10' SECOND))
                        GROUP BY window_start, window_end, page))
                WHERE place <= 3""";
    }
}
