package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.exercises.E06ShardDrainer.Drained;
import io.kinesisworkbook.graders.E06ShardDrainerGrader.ShardDrainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** E06's grader fails on a reader that does not loop, and on one that does not back off. */
class E06ShardDrainerTrivialAnswersTest {

    @Test
    void nothing() {
        mustFail(E06ShardDrainerGrader.class, ShardDrainer.class, "reads nothing",
                (kinesis, stream, shard) -> new Drained(List.of(), List.of()));
    }

    @Test
    void oneGetRecordsCall() {
        mustFail(E06ShardDrainerGrader.class, ShardDrainer.class, "one GetRecords call", (kinesis, stream, shard) -> {
            GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(trimHorizon(kinesis, stream, shard)));
            return new Drained(page.records().stream().map(r -> r.data().asUtf8String()).toList(),
                    page.childShards().stream().map(ChildShard::shardId).toList());
        });
    }

    @Test
    void aLoopWithoutBackOff() {
        mustFail(E06ShardDrainerGrader.class, ShardDrainer.class, "follows NextShardIterator, sleeps 200 ms, never catches a throttle",
                (kinesis, stream, shard) -> {
                    List<String> texts = new ArrayList<>();
                    List<String> children = List.of();
                    String iterator = trimHorizon(kinesis, stream, shard);
                    while (iterator != null) {
                        String current = iterator;
                        GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current));
                        page.records().forEach(r -> texts.add(r.data().asUtf8String()));
                        children = page.childShards().stream().map(ChildShard::shardId).toList();
                        iterator = page.nextShardIterator();
                        Thread.sleep(200);
                    }
                    return new Drained(texts, children);
                });
    }

    private static String trimHorizon(KinesisClient kinesis, String stream, String shard) {
        return kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
    }
}
