package io.kinesisworkbook.emulator.firehose;

import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An object store in a map, which a test can make refuse the next few writes: S3 failing for a
 * while, to check that Firehose loses nothing. (The end-to-end test uses the emulator's real S3.)
 */
final class InMemoryObjectStore implements ObjectStore {

    private final Set<String> buckets = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();

    void createBucket(String bucket) {
        buckets.add(bucket);
    }

    void failNextWrites(int count) {
        failuresToCome.set(count);
    }

    /** The objects of a bucket, by key, in key order. */
    Map<String, byte[]> objects(String bucket) {
        Map<String, byte[]> found = new TreeMap<>();
        objects.forEach((path, data) -> {
            if (path.startsWith(bucket + "/")) {
                found.put(path.substring(bucket.length() + 1), data);
            }
        });
        return found;
    }

    @Override
    public boolean bucketExists(String bucket) {
        return buckets.contains(bucket);
    }

    @Override
    public void putObject(String bucket, String key, byte[] data, String contentType) {
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ObjectStoreException("503 Slow Down", null);
        }
        objects.put(bucket + "/" + key, data);
    }

    @Override
    public byte[] getObject(String bucket, String key) {
        return objects.get(bucket + "/" + key);
    }
}
