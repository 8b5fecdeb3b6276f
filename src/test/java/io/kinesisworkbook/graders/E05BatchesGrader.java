package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.emulator.ManualClock;
import io.kinesisworkbook.exercises.E05Batches;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/** E05 on the embedded emulator: the batches must be requests Kinesis takes, and the retries what it refused. */
class E05BatchesGrader {

    /** E05's methods; the grader calls the learner's {@link E05Batches} through them. */
    interface Batches {
        List<List<PutRecordsRequestEntry>> batches(List<PutRecordsRequestEntry> entries);

        List<PutRecordsRequestEntry> toRetry(List<PutRecordsRequestEntry> sent, PutRecordsResponse answer);
    }

    static Batches answer() {
        return TrivialAnswers.answer(Batches.class, new Batches() {
            @Override
            public List<List<PutRecordsRequestEntry>> batches(List<PutRecordsRequestEntry> entries) {
                return E05Batches.batches(entries);
            }

            @Override
            public List<PutRecordsRequestEntry> toRetry(List<PutRecordsRequestEntry> sent, PutRecordsResponse answer) {
                return E05Batches.toRetry(sent, answer);
            }
        });
    }

    static List<PutRecordsRequestEntry> entries(int count, int bytes) {
        return entries("k", count, bytes);
    }

    static List<PutRecordsRequestEntry> entries(String keyPrefix, int count, int bytes) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey(keyPrefix + i).data(SdkBytes.fromByteArray(new byte[bytes])).build());
        }
        return entries;
    }

    @Test
    void atMost500RecordsABatch() {
        List<List<PutRecordsRequestEntry>> batches = attempt(() -> answer().batches(entries(1_201, 10)),
                "start a new batch when the current one holds 500");
        check(List.of(500, 500, 201), batches.stream().map(List::size).toList(), "batch sizes for 1,201 small records",
                "fill each batch up to 500, in order");
    }

    @Test
    void atMostFiveMebibytesABatch() {
        List<List<PutRecordsRequestEntry>> batches = attempt(() -> answer().batches(entries(12, 1024 * 1024 - 1)),
                "count data plus partition key bytes");
        check(List.of(4, 4, 4), batches.stream().map(List::size).toList(), "batch sizes for twelve records just under 1 MiB",
                "five of them would pass 5 MiB once their keys are counted");
        check(List.of(), attempt(() -> answer().batches(List.of()), "no entries, no batches"), "batches of nothing",
                "never return an empty batch");
    }

    @Test
    void kinesisAcceptsEveryBatchAsARequest() throws Exception {
        List<PutRecordsRequestEntry> entries = new ArrayList<>(entries("small-", 700, 100));
        entries.addAll(entries("large-", 9, 1024 * 1024 - 100));
        entries.addAll(entries("medium-", 300, 2_000));
        List<List<PutRecordsRequestEntry>> batches = attempt(() -> answer().batches(entries), "500 records and 5 MiB a batch");
        List<String> inBatches = batches.stream().flatMap(List::stream).map(PutRecordsRequestEntry::partitionKey).toList();
        check(inBatches.equals(entries.stream().map(PutRecordsRequestEntry::partitionKey).toList()),
                "every entry, once, in order (the batches hold " + inBatches.size() + " of " + entries.size() + ")",
                "walk the entries in order and put each in exactly one batch");
        try (Grading.Aws aws = Grading.Aws.start()) {
            aws.activeStream("batches", 4);
            for (int i = 0; i < batches.size(); i++) {
                List<PutRecordsRequestEntry> batch = batches.get(i);
                try {
                    aws.kinesis().putRecords(b -> b.streamName("batches").records(batch));
                } catch (KinesisException refused) {
                    Assertions.fail("Kinesis refused batch " + (i + 1) + " of " + batches.size() + " (" + batch.size()
                            + " records): " + refused.awsErrorDetails().errorMessage()
                            + ". Hint: count each record's data and partition key bytes against 5 MiB");
                }
            }
        }
    }

    @Test
    void onlyTheRefusedAreRetried() {
        List<PutRecordsRequestEntry> sent = entries(4, 1);
        PutRecordsResponse answer = PutRecordsResponse.builder().failedRecordCount(2).records(
                PutRecordsResultEntry.builder().shardId("shardId-000000000000").sequenceNumber("1").build(),
                PutRecordsResultEntry.builder().errorCode("ProvisionedThroughputExceededException").errorMessage("Rate exceeded").build(),
                PutRecordsResultEntry.builder().shardId("shardId-000000000000").sequenceNumber("2").build(),
                PutRecordsResultEntry.builder().errorCode("InternalFailure").errorMessage("oops").build()).build();
        List<PutRecordsRequestEntry> retry = attempt(() -> answer().toRetry(sent, answer), "results are in request order");
        check(List.of("k1", "k3"), retry.stream().map(PutRecordsRequestEntry::partitionKey).toList(), "records to send again",
                "keep the entries whose result has an errorCode, in order");
    }

    /**
     * A real answer: one of two shards has used its second's worth of writes (the emulator's clock
     * stands still, so it stays used), and a batch alternates between the two shards.
     */
    @Test
    void theRecordsAThrottledShardRefusedAreRetried() throws Exception {
        try (Grading.Aws aws = Grading.Aws.start(new ManualClock())) {
            aws.activeStream("hot-and-cold", 2);
            String hot = "0";
            String cold = BigInteger.TWO.pow(127).add(BigInteger.ONE).toString();
            for (int call = 0; call < 2; call++) {
                List<PutRecordsRequestEntry> filler = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    filler.add(entry("filler-" + call + "-" + i, hot));
                }
                aws.kinesis().putRecords(b -> b.streamName("hot-and-cold").records(filler));
            }
            List<PutRecordsRequestEntry> mixed = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                mixed.add(entry("order-" + i, i % 3 == 0 ? hot : cold));
            }
            PutRecordsResponse answer = aws.kinesis().putRecords(b -> b.streamName("hot-and-cold").records(mixed));
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < mixed.size(); i++) {
                if (answer.records().get(i).errorCode() != null) {
                    refused.add(mixed.get(i).partitionKey());
                }
            }
            List<PutRecordsRequestEntry> retry = attempt(() -> answer().toRetry(mixed, answer),
                    "answer.records().get(i) is the result of sent.get(i)");
            check(refused, retry.stream().map(PutRecordsRequestEntry::partitionKey).toList(),
                    "the " + refused.size() + " records the throttled shard refused, of " + mixed.size(),
                    "an accepted record has a sequence number; a refused one an errorCode");
        }
    }

    private static PutRecordsRequestEntry entry(String key, String explicitHashKey) {
        return PutRecordsRequestEntry.builder().partitionKey(key).explicitHashKey(explicitHashKey)
                .data(SdkBytes.fromUtf8String(key)).build();
    }
}
