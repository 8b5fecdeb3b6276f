package io.kinesisworkbook.exercises;

/**
 * Your exercise. Read the Javadoc, replace the TODO, and run {@code ./workbook grade E09}.
 *
 * <p>Exercise 09 (notebook 09-streaming-sql): a windowed query in Flink SQL. The grader declares a
 * table {@code clicks} over a Kinesis stream of clicks, as notebook 09 does (columns {@code userId},
 * {@code page}, {@code action}, ..., and {@code event_time}, the click's own timestamp, with a
 * watermark), writes clicks with known event times into the stream, runs your query and compares
 * every row of its result with the rows it expects.
 */
public final class E09WindowedQuery {

    private E09WindowedQuery() {
    }

    /**
     * A Flink SQL query: the three most clicked pages of each 10-second window of event time, one row
     * per window and page, with exactly these columns: {@code window_start} (the window's start),
     * {@code page}, and {@code hits} (how many clicks the page had in that window). Windows are
     * tumbling (they do not overlap), over {@code event_time}, not over processing time.
     */
    public static String topPagesPerWindow() {
        // TODO: count clicks per page in TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '10' SECOND) windows, then keep the top 3 of each window.
        throw new UnsupportedOperationException("TODO: exercise E09, topPagesPerWindow");
    }
}
