package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E05Batches;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class E05BatchesGrader {

    static List<PutRecordsRequestEntry> entries(int count, int bytes) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("k" + i).data(SdkBytes.fromByteArray(new byte[bytes])).build());
        }
        return entries;
    }

    @Test
    void atMost500RecordsABatch() {
        List<List<PutRecordsRequestEntry>> batches = attempt(() -> E05Batches.batches(entries(1_201, 10)),
                "start a new batch when the current one holds 500");
        check(List.of(500, 500, 201), batches.stream().map(List::size).toList(), "batch sizes for 1,201 small records",
                "fill each batch up to 500, in order");
    }

    @Test
    void atMostFiveMebibytesABatch() {
        List<List<PutRecordsRequestEntry>> batches = attempt(() -> E05Batches.batches(entries(12, 1024 * 1024 - 1)),
                "count data plus partition key bytes");
        check(List.of(4, 4, 4), batches.stream().map(List::size).toList(), "batch sizes for twelve records just under 1 MiB",
                "five of them would pass 5 MiB once their keys are counted");
        check(List.of(), attempt(() -> E05Batches.batches(List.of()), "no entries, no batches"), "batches of nothing",
                "never return an empty batch");
    }

    @Test
    void onlyTheRefusedAreRetried() {
        List<PutRecordsRequestEntry> sent = entries(4, 1);
        PutRecordsResponse answer = PutRecordsResponse.builder().failedRecordCount(2).records(
                PutRecordsResultEntry.builder().shardId("shardId-000000000000").sequenceNumber("1").build(),
                PutRecordsResultEntry.builder().errorCode("ProvisionedThroughputExceededException").errorMessage("Rate exceeded").build(),
                PutRecordsResultEntry.builder().shardId("shardId-000000000000").sequenceNumber("2").build(),
                PutRecordsResultEntry.builder().errorCode("InternalFailure").errorMessage("oops").build()).build();
        List<PutRecordsRequestEntry> retry = attempt(() -> E05Batches.toRetry(sent, answer), "results are in request order");
        check(List.of("k1", "k3"), retry.stream().map(PutRecordsRequestEntry::partitionKey).toList(), "records to send again",
                "keep the entries whose result has an errorCode, in order");
    }
}
