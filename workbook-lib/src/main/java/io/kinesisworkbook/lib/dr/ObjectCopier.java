package io.kinesisworkbook.lib.dr;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.lib.consumer.ConsumedRecord;
import io.kinesisworkbook.lib.data.Events;
import io.kinesisworkbook.lib.kcl.RecordHandler;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The stream's second consumer, beside Firehose: for each object created in the primary bucket it
 * copies the object into the DR bucket, as {@code copies/<key>/<etag>}, so every version stays there
 * after the primary is gone. Firehose keeps the record of what changed (for Athena); this keeps the
 * bytes (for the restore).
 *
 * <p>It runs in a KCL application, whose workers share the stream's shards and checkpoint: a worker
 * that restarts goes on from its last checkpoint, and copies again what it copied after it (a copy
 * is the same object put again, so a repeat does no harm: the work is idempotent, which is what
 * at-least-once processing asks of it). An object that is gone by the time its event is read was
 * deleted or replaced since; the later event has the final word, so it is skipped.
 */
public final class ObjectCopier implements RecordHandler {

    private final S3Client s3;
    private final String drBucket;
    private final AtomicInteger copied = new AtomicInteger();
    private final AtomicInteger goneBeforeCopied = new AtomicInteger();
    private final AtomicInteger otherRecords = new AtomicInteger();

    public ObjectCopier(S3Client s3, String drBucket) {
        this.s3 = s3;
        this.drBucket = drBucket;
    }

    @Override
    public void handle(ConsumedRecord record) {
        JsonNode event = objectCreated(record.data());
        if (event == null) {
            otherRecords.incrementAndGet();   // a log batch, or a deletion: nothing to copy
            return;
        }
        String bucket = event.path("detail").path("bucket").path("name").asText();
        String key = event.path("detail").path("object").path("key").asText();
        ResponseBytes<GetObjectResponse> object;
        try {
            object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException deletedSince) {
            goneBeforeCopied.incrementAndGet();
            return;
        }
        // The version read may be newer than the event's: it is kept under its own ETag.
        String etag = object.response().eTag().replace("\"", "");
        s3.putObject(b -> b.bucket(drBucket).key(DrResources.copyKey(key, etag)).contentType(object.response().contentType()),
                RequestBody.fromBytes(object.asByteArray()));
        copied.incrementAndGet();
    }

    /** Copies made (a repeat after a restart counts again). */
    public int copied() {
        return copied.get();
    }

    /** Creations whose object was gone (replaced or deleted) by the time the copier read it. */
    public int goneBeforeCopied() {
        return goneBeforeCopied.get();
    }

    /** Records with nothing to copy: log batches and deletions. */
    public int otherRecords() {
        return otherRecords.get();
    }

    /** The event if the record is S3's {@code Object Created}, else null (log batches are GZIP, not JSON). */
    private static JsonNode objectCreated(byte[] data) {
        if (data.length == 0 || data[0] != '{') {
            return null;
        }
        try {
            JsonNode event = Events.fromJson(data, JsonNode.class);
            boolean created = "aws.s3".equals(event.path("source").asText())
                    && "Object Created".equals(event.path("detail-type").asText());
            return created ? event : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
