package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attemptChecked;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E06ShardDrainer;
import io.kinesisworkbook.exercises.E06ShardDrainer.Drained;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * E06 on the embedded emulator, with a closed shard that holds 12 MiB: more than the 10 MiB one
 * GetRecords call returns, so reading it takes several calls; and the first call leaves the shard
 * 8 MiB past its 2 MiB/s read limit, so the next ones are throttled for about four seconds. The
 * learner's client does not retry: the loop and the back-off must be the learner's own.
 */
class E06ShardDrainerGrader {

    static final int RECORDS = 2_400;
    static final int RECORD_BYTES = 5 * 1024;
    /** A caller that waits at least 200 ms after a throttle is refused about twenty times in four seconds. */
    static final int MOST_THROTTLES = 40;

    /** E06's method; the grader calls the learner's {@link E06ShardDrainer} through it. */
    interface ShardDrainer {
        Drained readToEnd(KinesisClient kinesis, String stream, String shardId) throws InterruptedException;
    }

    static ShardDrainer answer() {
        return TrivialAnswers.answer(ShardDrainer.class, E06ShardDrainer::readToEnd);
    }

    @Test
    void aSplitShardIsReadToItsEndWithinItsReadLimitsAndNamesItsChildren() throws Exception {
        Grading.SkippingClock clock = new Grading.SkippingClock();
        try (Grading.Aws aws = Grading.Aws.start(clock)) {
            List<String> written = fillAndSplit(aws, clock);
            Grading.Calls calls = new Grading.Calls();
            Drained drained;
            try (KinesisClient kinesis = aws.learnersKinesis(calls)) {
                drained = attemptChecked(() -> answer().readToEnd(kinesis, "drained", "shardId-000000000000"),
                        "TRIM_HORIZON, then GetRecords until NextShardIterator is null; catch "
                                + "ProvisionedThroughputExceededException, wait, and call again with the same iterator");
            }
            long reads = calls.of(GetRecordsRequest.class).size();
            long throttled = calls.of(GetRecordsRequest.class).stream()
                    .filter(call -> call.failure() instanceof ProvisionedThroughputExceededException).count();
            checkSameTexts(written, drained.texts());
            check(List.of("shardId-000000000001", "shardId-000000000002"), drained.childShardIds().stream().sorted().toList(),
                    "the child shards", "the last GetRecords answer names them in childShards()");
            check(throttled <= MOST_THROTTLES, "GetRecords was throttled " + throttled + " times in " + reads
                    + " calls; a reader that backs off is throttled a few times", "after a throttle, wait longer than 200 ms");
        }
    }

    /** 12 MiB into one shard, at its 1 MiB/s write limit (the clock skips ahead rather than waiting), then a split. */
    private static List<String> fillAndSplit(Grading.Aws aws, Grading.SkippingClock clock) throws InterruptedException {
        aws.activeStream("drained", 1);
        List<String> written = new ArrayList<>();
        String padding = "x".repeat(RECORD_BYTES - 12);
        for (int i = 0; i < RECORDS; i++) {
            written.add(String.format("record-%04d %s", i, padding));
        }
        int perSecond = 1024 * 1024 / (RECORD_BYTES + 16);
        for (int start = 0; start < RECORDS; start += perSecond) {
            List<PutRecordsRequestEntry> entries = written.subList(start, Math.min(RECORDS, start + perSecond)).stream()
                    .map(text -> PutRecordsRequestEntry.builder().partitionKey(text.substring(0, 11))
                            .data(SdkBytes.fromUtf8String(text)).build()).toList();
            int failed = aws.kinesis().putRecords(b -> b.streamName("drained").records(entries)).failedRecordCount();
            check(0, failed, "records the grader's own writes lost", "(the grader's setup failed: please report it)");
            clock.skip(Duration.ofMillis(1_100));
        }
        aws.kinesis().splitShard(b -> b.streamName("drained").shardToSplit("shardId-000000000000")
                .newStartingHashKey(BigInteger.TWO.pow(127).toString()));
        aws.awaitActive("drained");
        return written;
    }

    /** Compares without printing 12 MiB: the count, then the first record that differs. */
    private static void checkSameTexts(List<String> written, List<String> read) {
        int same = 0;
        while (same < Math.min(written.size(), read.size()) && written.get(same).equals(read.get(same))) {
            same++;
        }
        String firstDifference = same < read.size() ? "record " + same + " read starts '" + head(read.get(same)) + "'"
                : "the last " + (written.size() - same) + " records are missing";
        check(same == written.size() && read.size() == written.size(),
                "every record of the closed shard, in order: read " + read.size() + " of " + written.size()
                        + (same == written.size() && read.size() == written.size() ? "" : "; " + firstDifference),
                "one GetRecords call returns at most 10 MiB: follow NextShardIterator until it is null");
    }

    private static String head(String text) {
        return text.length() <= 11 ? text : text.substring(0, 11) + "...";
    }
}
