package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E09WindowedQuery;
import org.junit.jupiter.api.Test;

class E09WindowedQueryGrader {

    static final String HINT = "TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '10' SECOND), COUNT(*) per page, then "
            + "ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY hits DESC) and keep the first 3";

    @Test
    void returnsTheTopThreePagesOfEachWindow() {
        String query = attempt(E09WindowedQuery::topPagesPerWindow, HINT);
        check(E09Grading.EXPECTED, attempt(() -> E09Grading.rowsOf(query), HINT),
                "rows window_start|page|hits for three 10-second windows of known clicks", HINT);
    }
}
