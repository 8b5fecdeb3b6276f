package io.kinesisworkbook.graders;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves E09's grader cannot be passed by a near miss: each of these answers runs, returns rows, and
 * is wrong in one way a learner might be, and each must differ from the expected rows.
 */
class E09TrivialAnswersTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // every page of each window, not the top three
            "SELECT window_start, page, COUNT(*) AS hits FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '10' SECOND)) "
                    + "GROUP BY window_start, window_end, page",
            // the top three over 5-second windows
            "SELECT window_start, page, hits FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY hits DESC) AS n "
                    + "FROM (SELECT window_start, window_end, page, COUNT(*) AS hits FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), "
                    + "INTERVAL '5' SECOND)) GROUP BY window_start, window_end, page)) WHERE n <= 3",
            // the top three of each window, but the fewest clicks first
            "SELECT window_start, page, hits FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY hits ASC) AS n "
                    + "FROM (SELECT window_start, window_end, page, COUNT(*) AS hits FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), "
                    + "INTERVAL '10' SECOND)) GROUP BY window_start, window_end, page)) WHERE n <= 3",
            // off by one: the top two of each window
            "SELECT window_start, page, hits FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY hits DESC) AS n "
                    + "FROM (SELECT window_start, window_end, page, COUNT(*) AS hits FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), "
                    + "INTERVAL '10' SECOND)) GROUP BY window_start, window_end, page)) WHERE n < 3",
            // nothing at all
            "SELECT window_start, page, COUNT(*) AS hits FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '10' SECOND)) "
                    + "WHERE page = 'no such page' GROUP BY window_start, window_end, page"})
    void aWrongAnswerDoesNotPass(String wrong) {
        assertNotEquals(E09Grading.EXPECTED, E09Grading.rowsOf(wrong));
    }
}
