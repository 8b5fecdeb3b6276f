package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E03ShardFinder;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Shard;

class E03ShardFinderGrader {

    /** E03's method; the grader calls the learner's {@link E03ShardFinder} through it. */
    interface ShardFinder {
        String shardFor(String partitionKey, List<Shard> openShards);
    }

    static ShardFinder answer() {
        return TrivialAnswers.answer(ShardFinder.class, E03ShardFinder::shardFor);
    }

    @Test
    void agreesWithPutRecordForManyKeys() throws Exception {
        try (Grading.Aws aws = Grading.Aws.start()) {
            aws.activeStream("finder", 5);
            List<Shard> shards = aws.kinesis().listShards(b -> b.streamName("finder")).shards();
            for (String key : List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "ключ", "🔑", "order-1234")) {
                String expected = aws.kinesis().putRecord(b -> b.streamName("finder").partitionKey(key)
                        .data(SdkBytes.fromUtf8String("x"))).shardId();
                String computed = attempt(() -> answer().shardFor(key, shards),
                        "MessageDigest.getInstance(\"MD5\"), then new BigInteger(1, digest)");
                check(expected, computed, "shard for partition key '" + key + "'",
                        "use the UTF-8 bytes, and read the digest as a positive number (signum 1)");
            }
        }
    }
}
