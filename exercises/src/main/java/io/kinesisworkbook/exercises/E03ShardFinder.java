package io.kinesisworkbook.exercises;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Your exercise. Read the Javadoc of each method, replace the TODO, and run {@code ./workbook grade}.
 *
 * <p>Exercise 03 (notebook 03-anatomy-of-a-stream): the shard that owns a partition key. */
public final class E03ShardFinder {

    private E03ShardFinder() {
    }

    /**
     * The id of the shard among {@code openShards} whose hash key range holds the partition key's
     * hash key: the MD5 digest of its UTF-8 bytes, read as an unsigned 128-bit number.
     */
    public static String shardFor(String partitionKey, List<Shard> openShards) {
        // TODO: MD5 of the UTF-8 bytes -> new BigInteger(1, digest) -> the open shard whose [startingHashKey, endingHashKey] holds it.
        throw new UnsupportedOperationException("TODO: exercise E03, shardFor");
    }

}
