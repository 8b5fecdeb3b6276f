package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.graders.E05BatchesGrader.Batches;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/** E05's grader fails on batching that ignores a limit and on retrying everything or nothing. */
class E05BatchesTrivialAnswersTest {

    @Test
    void oneBatchAndRetryEverything() {
        mustFail(E05BatchesGrader.class, Batches.class, "one batch of everything; retry everything sent",
                batches(entries -> entries.isEmpty() ? List.of() : List.of(entries), (sent, answer) -> sent));
    }

    @Test
    void fiveHundredsByCountOnlyAndRetryNothing() {
        mustFail(E05BatchesGrader.class, Batches.class, "500 a batch whatever their size; retry nothing",
                batches(entries -> {
                    List<List<PutRecordsRequestEntry>> batches = new ArrayList<>();
                    for (int start = 0; start < entries.size(); start += 500) {
                        batches.add(entries.subList(start, Math.min(entries.size(), start + 500)));
                    }
                    return batches;
                }, (sent, answer) -> List.of()));
    }

    private interface Split {
        List<List<PutRecordsRequestEntry>> of(List<PutRecordsRequestEntry> entries);
    }

    private interface Retry {
        List<PutRecordsRequestEntry> of(List<PutRecordsRequestEntry> sent, PutRecordsResponse answer);
    }

    private static Batches batches(Split split, Retry retry) {
        return new Batches() {
            @Override
            public List<List<PutRecordsRequestEntry>> batches(List<PutRecordsRequestEntry> entries) {
                return split.of(entries);
            }

            @Override
            public List<PutRecordsRequestEntry> toRetry(List<PutRecordsRequestEntry> sent, PutRecordsResponse answer) {
                return retry.of(sent, answer);
            }
        };
    }
}
