package io.kinesisworkbook.lib.dr;

import io.kinesisworkbook.lib.data.S3Activity;
import io.kinesisworkbook.lib.data.S3ObjectEvent;
import io.kinesisworkbook.lib.producer.Pacer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * The application that writes the primary bucket: it plays {@link S3Activity}'s events as real S3
 * calls, a PutObject for each object created and a DeleteObject for each one deleted, and remembers
 * every call (when it started, S3's request id, which the object's event carries) and what the
 * bucket should hold afterwards: the ground truth a restore is checked against.
 *
 * <p>S3Activity describes three buckets; here they are three folders of the one primary bucket
 * ({@code orders-archive/invoices/...}). Its sizes are those of real files (photos, Parquet files of
 * tens of megabytes); the bodies written here are small text of a size that grows with them, unique
 * to each event, so that an overwritten object gets a new ETag.
 */
public final class PrimaryWriter {

    /**
     * One call to the primary bucket.
     *
     * @param action    {@code created} or {@code deleted}
     * @param etag      the new version's ETag, without quotes; null for a deletion
     * @param requestId S3's {@code x-amz-request-id}, which the object's event carries as {@code request-id}
     */
    public record Write(String key, String action, String etag, String requestId, Instant started, Instant finished) {
    }

    private final S3Client s3;
    private final String bucket;
    private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> expected = Collections.synchronizedMap(new TreeMap<>());

    public PrimaryWriter(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** Plays {@code count} of the activity's events, {@code perSecond} a second (by the clock); returns how many. */
    public int write(S3Activity activity, int count, double perSecond) {
        Pacer pacer = Pacer.perSecond(perSecond);
        Duration duration = Duration.ofNanos(Math.round(count / perSecond * 1e9));
        if (pacer.eventsIn(duration) != count) {
            throw new IllegalArgumentException(count + " events at " + perSecond + " a second do not fill whole nanoseconds");
        }
        return pacer.run(duration, n -> apply(activity.next()));
    }

    /** Makes one event happen to the primary bucket. */
    public Write apply(S3ObjectEvent event) {
        String key = keyOf(event);
        Instant started = Instant.now();
        Write write;
        if (S3ObjectEvent.OBJECT_DELETED.equals(event.detailType())) {
            DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket(bucket).key(key));
            write = new Write(key, "deleted", null, deleted.responseMetadata().requestId(), started, Instant.now());
            expected.remove(key);
        } else {
            PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/plain"),
                    RequestBody.fromBytes(body(event, key)));
            String etag = put.eTag().replace("\"", "");
            write = new Write(key, "created", etag, put.responseMetadata().requestId(), started, Instant.now());
            expected.put(key, etag);
        }
        writes.add(write);
        return write;
    }

    /** {@code <generator's bucket>/<key>}: the generator's three buckets as folders of this one. */
    public static String keyOf(S3ObjectEvent event) {
        return event.detail().bucket().name() + "/" + event.detail().object().key();
    }

    /** Every call made so far, in order. */
    public List<Write> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    /** What the bucket should hold now: each object's key and its last version's ETag, in key order. */
    public Map<String, String> expectedObjects() {
        synchronized (expected) {
            return Collections.unmodifiableMap(new TreeMap<>(expected));
        }
    }

    /** Unique text, about a thousandth of the real file's size (64 bytes to 4 KB). */
    private static byte[] body(S3ObjectEvent event, String key) {
        long size = event.detail().object().size() == null ? 0 : event.detail().object().size();
        int length = (int) Math.max(64, Math.min(4_096, size / 1_000));
        StringBuilder text = new StringBuilder("s3://primary/" + key + "\nevent " + event.id() + "\n");
        while (text.length() < length) {
            text.append(event.id()).append('\n');
        }
        return text.substring(0, length).getBytes(StandardCharsets.UTF_8);
    }
}
