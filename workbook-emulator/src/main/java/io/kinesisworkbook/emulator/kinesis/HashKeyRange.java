package io.kinesisworkbook.emulator.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed range of 128-bit hash keys. A stream's open shards divide the whole key space
 * [0, 2^128 - 1] between them; a record goes to the shard whose range holds its hash key.
 */
record HashKeyRange(BigInteger start, BigInteger end) {

    static final BigInteger MAX_HASH_KEY = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);
    static final HashKeyRange ALL = new HashKeyRange(BigInteger.ZERO, MAX_HASH_KEY);

    boolean contains(BigInteger hashKey) {
        return start.compareTo(hashKey) <= 0 && end.compareTo(hashKey) >= 0;
    }

    /** True when this range ends exactly where {@code other} begins, or the other way round. */
    boolean isAdjacentTo(HashKeyRange other) {
        return end.add(BigInteger.ONE).equals(other.start) || other.end.add(BigInteger.ONE).equals(start);
    }

    HashKeyRange union(HashKeyRange other) {
        return new HashKeyRange(start.min(other.start), end.max(other.end));
    }

    /** The key space divided into {@code count} ranges as even as integers allow, as AWS divides it. */
    static List<HashKeyRange> uniform(int count) {
        List<HashKeyRange> ranges = new ArrayList<>(count);
        BigInteger size = MAX_HASH_KEY.add(BigInteger.ONE);
        BigInteger previousEnd = BigInteger.ONE.negate();
        for (int i = 1; i <= count; i++) {
            BigInteger end = i == count
                    ? MAX_HASH_KEY
                    : size.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count)).subtract(BigInteger.ONE);
            ranges.add(new HashKeyRange(previousEnd.add(BigInteger.ONE), end));
            previousEnd = end;
        }
        return ranges;
    }

    /** A partition key's hash key: the MD5 digest of its UTF-8 bytes, read as an unsigned 128-bit number. */
    static BigInteger hashKeyOf(String partitionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
