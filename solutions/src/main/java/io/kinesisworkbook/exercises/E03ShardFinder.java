package io.kinesisworkbook.exercises;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Shard;

/** Exercise 03 (notebook 03-anatomy-of-a-stream): the shard that owns a partition key. */
public final class E03ShardFinder {

    private E03ShardFinder() {
    }

    /**
     * The id of the shard among {@code openShards} whose hash key range holds the partition key's
     * hash key: the MD5 digest of its UTF-8 bytes, read as an unsigned 128-bit number.
     */
    public static String shardFor(String partitionKey, List<Shard> openShards) {
        BigInteger hashKey = hashKey(partitionKey);
        return openShards.stream()
                .filter(s -> new BigInteger(s.hashKeyRange().startingHashKey()).compareTo(hashKey) <= 0
                        && new BigInteger(s.hashKeyRange().endingHashKey()).compareTo(hashKey) >= 0)
                .map(Shard::shardId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shard holds " + hashKey));
    }

    static BigInteger hashKey(String partitionKey) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
