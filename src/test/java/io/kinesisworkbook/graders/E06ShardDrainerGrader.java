package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E06ShardDrainer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

class E06ShardDrainerGrader {

    @Test
    void aSplitShardIsReadToItsEndAndNamesItsChildren() throws Exception {
        try (Grading.Aws aws = Grading.Aws.start()) {
            aws.activeStream("drained", 1);
            List<String> written = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                written.add("record-" + i);
            }
            for (int start = 0; start < written.size(); start += 500) {
                var entries = written.subList(start, start + 500).stream().map(text ->
                        software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry.builder()
                                .partitionKey(text).data(SdkBytes.fromUtf8String(text)).build()).toList();
                aws.kinesis().putRecords(b -> b.streamName("drained").records(entries));
                Thread.sleep(600);   // stay under the shard's 1,000 records a second
            }
            aws.kinesis().splitShard(b -> b.streamName("drained").shardToSplit("shardId-000000000000")
                    .newStartingHashKey(BigInteger.TWO.pow(127).toString()));
            aws.activeStream("drained-wait", 1);   // gives the split time to finish
            E06ShardDrainer.Drained drained;
            try {
                drained = E06ShardDrainer.readToEnd(aws.kinesis(), "drained", "shardId-000000000000");
            } catch (UnsupportedOperationException todo) {
                Assertions.fail("Not done yet (" + todo.getMessage() + "). Hint: TRIM_HORIZON, then GetRecords until "
                        + "NextShardIterator is null");
                return;
            }
            check(written, drained.texts(), "every record of the closed shard, in order",
                    "follow NextShardIterator until it is null; an empty answer is not the end of a shard");
            check(List.of("shardId-000000000001", "shardId-000000000002"), drained.childShardIds().stream().sorted().toList(),
                    "the child shards", "the last GetRecords answer names them in childShards()");
        }
    }
}
