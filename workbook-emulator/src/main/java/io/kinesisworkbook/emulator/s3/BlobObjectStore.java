package io.kinesisworkbook.emulator.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The {@link ObjectStore} port on S3Proxy's blob store itself: the same buckets the S3 API serves,
 * reached without HTTP (and without starting S3Proxy's server). Objects written through it send
 * their events as objects written through the API do (as on AWS, where Firehose's deliveries are
 * PutObject calls like any other).
 */
final class BlobObjectStore implements ObjectStore {

    private final Supplier<BlobStore> blobStore;
    private final ObjectEvents events;

    BlobObjectStore(Supplier<BlobStore> blobStore, ObjectEvents events) {
        this.blobStore = blobStore;
        this.events = events;
    }

    @Override
    public boolean bucketExists(String bucket) {
        return blobStore.get().containerExists(bucket);
    }

    /**
     * A missing bucket is an {@link ObjectStoreException} like any other failure: Firehose, the
     * caller, retries then reports it, as AWS's Firehose does with {@code S3.NoSuchBucket}.
     */
    @Override
    public void putObject(String bucket, String key, byte[] data, String contentType) {
        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(contentType)
                .contentLength((long) data.length)
                .build();
        PutObjectResponse stored;
        try {
            stored = blobStore.get().putBlob(request, new ByteArrayInputStream(data));
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ": ";
            throw new ObjectStoreException(code + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ObjectStoreException("could not store s3://" + bucket + "/" + key, e);
        }
        String etag = stored == null || stored.eTag() == null ? null : stored.eTag().replace("\"", "");
        String versionId = stored == null || "null".equals(stored.versionId()) ? null : stored.versionId();
        events.send(new ObjectEvents.Change(bucket, key, true, "PutObject", data.length, etag, versionId,
                S3Errors.requestId(), "127.0.0.1"));
    }

    @Override
    public byte[] getObject(String bucket, String key) {
        GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key).build();
        try (InputStream object = blobStore.get().getBlob(request)) {
            return object.readAllBytes();
        } catch (NoSuchBucketException | NoSuchKeyException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<ObjectSummary> listObjects(String bucket, String prefix) {
        List<ObjectSummary> found = new ArrayList<>();
        String token = null;
        try {
            do {
                ListObjectsV2Request request = ListObjectsV2Request.builder()
                        .bucket(bucket).prefix(prefix).continuationToken(token).build();
                ListObjectsV2Response page = blobStore.get().list(request);
                page.contents().forEach(object -> found.add(
                        new ObjectSummary(object.key(), object.size(), unquoted(object.eTag()))));
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode() + ": ";
            throw new ObjectStoreException(code + e.getMessage(), e);
        }
        return found;
    }

    private static String unquoted(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }
}
