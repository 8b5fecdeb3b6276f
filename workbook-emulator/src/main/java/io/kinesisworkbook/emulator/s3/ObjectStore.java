package io.kinesisworkbook.emulator.s3;

import java.util.List;

/**
 * What the emulator's other services need of S3: Firehose delivers objects into buckets through it,
 * Lambda reads a function's code from it, Athena lists and reads a table's objects and writes its
 * results.
 * The S3 service implements it on its real store; a test can wrap it to make S3 fail for a while.
 */
public interface ObjectStore {

    /** Whether the bucket exists. */
    boolean bucketExists(String bucket);

    /**
     * Stores an object, replacing one with the same key.
     *
     * @throws ObjectStoreException when the store cannot take it now (a caller retries)
     */
    void putObject(String bucket, String key, byte[] data, String contentType);

    /** An object's bytes, or null when the bucket or the key does not exist (Lambda reads Code.S3Key). */
    byte[] getObject(String bucket, String key);

    /**
     * The objects whose keys start with a prefix, in key order, with their size and ETag (Athena
     * reads a table's objects, and keeps what it read by ETag).
     *
     * @throws ObjectStoreException when the bucket does not exist
     */
    default List<ObjectSummary> listObjects(String bucket, String prefix) {
        throw new UnsupportedOperationException("this object store cannot list objects");
    }

    /** One object of a listing: its key, its size in bytes and its ETag (quotes removed). */
    record ObjectSummary(String key, long size, String eTag) {
    }

    /** The store failed to take an object; as a 500 or a throttle from S3, worth retrying. */
    class ObjectStoreException extends RuntimeException {
        public ObjectStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
