package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.graders.E10DrQueriesGrader.DrQueriesAnswer;
import io.kinesisworkbook.lib.dr.DrQueries;
import io.kinesisworkbook.lib.events.EventRules;
import org.junit.jupiter.api.Test;

/**
 * E10's grader fails on patterns that let too much through and on restore lists that ignore the
 * moment, the deletions or the sequencer. Each stand-in gets one part wrong; the other part is the
 * reference answer's, so that the failure is the wrong part's.
 */
class E10DrQueriesTrivialAnswersTest {

    @Test
    void everyS3Event() {
        mustFail(E10DrQueriesGrader.class, DrQueriesAnswer.class, "every event from S3",
                answer("{\"source\": [\"aws.s3\"]}", null));
    }

    @Test
    void theWholeBucket() {
        mustFail(E10DrQueriesGrader.class, DrQueriesAnswer.class, "the bucket's changes, any prefix",
                answer(EventRules.objectChanges(E10DrQueriesGrader.BUCKET), null));
    }

    @Test
    void everyObjectEverSeen() {
        mustFail(E10DrQueriesGrader.class, DrQueriesAnswer.class, "every key and ETag captured",
                answer(null, "SELECT DISTINCT object_key, etag FROM captured WHERE kind = 'object' ORDER BY object_key"));
    }

    @Test
    void theRestoreListAfterTheDisaster() {
        mustFail(E10DrQueriesGrader.class, DrQueriesAnswer.class, "the notebook's restore list, without the moment",
                answer(null, DrQueries.RESTORE_LIST));
    }

    @Test
    void theLatestEventTimeWins() {
        mustFail(E10DrQueriesGrader.class, DrQueriesAnswer.class, "the last change by event_time, not by sequencer",
                answer(null, """
                        SELECT object_key, max_by(etag, event_time) AS etag FROM captured
                        WHERE kind = 'object' AND event_time <= TIMESTAMP '%s'
                        GROUP BY object_key HAVING max_by(action, event_time) = 'created'
                        ORDER BY object_key""".formatted(E10DrQueriesGrader.MOMENT)));
    }

    /** A stand-in: the given pattern or query, the reference answer's for the one left null. */
    private static DrQueriesAnswer answer(String pattern, String query) {
        return new DrQueriesAnswer() {
            @Override
            public String invoiceChangesPattern(String bucket) {
                return pattern != null ? pattern : Reference.PATTERN.formatted(bucket);
            }

            @Override
            public String restoreListAsOf(String moment) {
                return query != null ? query : Reference.QUERY.formatted(moment);
            }
        };
    }

    /** The reference answers, written here: the exercise module under grade may be the learner's. */
    private static final class Reference {
        static final String PATTERN = """
                {"source": ["aws.s3"], "detail-type": ["Object Created", "Object Deleted"],
                 "detail": {"bucket": {"name": ["%s"]}, "object": {"key": [{"prefix": "invoices/"}]}}}""";
        static final String QUERY = """
                SELECT object_key, max_by(etag, sequencer) AS etag FROM captured
                WHERE kind = 'object' AND event_time <= TIMESTAMP '%s'
                GROUP BY object_key HAVING max_by(action, sequencer) = 'created' ORDER BY object_key""";
    }
}
