package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.graders.E03ShardFinderGrader.ShardFinder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** E03's grader fails on shard choices that are not MD5's, read as an unsigned 128-bit number. */
class E03ShardFinderTrivialAnswersTest {

    @Test
    void theFirstShard() {
        mustFail(E03ShardFinderGrader.class, ShardFinder.class, "always the first shard",
                (key, shards) -> shards.get(0).shardId());
    }

    @Test
    void javasHashCode() {
        mustFail(E03ShardFinderGrader.class, ShardFinder.class, "String.hashCode() modulo the shard count",
                (key, shards) -> shards.get(Math.floorMod(key.hashCode(), shards.size())).shardId());
    }

    @Test
    void md5ReadAsASignedNumber() {
        mustFail(E03ShardFinderGrader.class, ShardFinder.class, "new BigInteger(digest): negative for half the keys",
                (key, shards) -> {
                    BigInteger hash = new BigInteger(md5(key));
                    return shards.stream().filter(s -> new BigInteger(s.hashKeyRange().startingHashKey()).compareTo(hash) <= 0
                                    && new BigInteger(s.hashKeyRange().endingHashKey()).compareTo(hash) >= 0)
                            .map(s -> s.shardId()).findFirst().orElse(shards.get(0).shardId());
                });
    }

    private static byte[] md5(String key) {
        try {
            return MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
