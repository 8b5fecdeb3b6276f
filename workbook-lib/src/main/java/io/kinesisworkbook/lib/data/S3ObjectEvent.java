package io.kinesisworkbook.lib.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An S3 event as Amazon EventBridge delivers it: the envelope every EventBridge event has
 * ({@code version}, {@code id}, {@code detail-type}, {@code source}, ...) around an S3-specific
 * {@code detail}. In the disaster-recovery pipeline an EventBridge rule forwards these events
 * to a stream, and a consumer copies or deletes the object in the backup region.
 *
 * <p>The JSON has the same field names as AWS's (hyphens included), so a real event decodes with
 * {@code Events.fromJson(json, S3ObjectEvent.class)}. EventBridge times have whole seconds.
 *
 * @param detailType {@link #OBJECT_CREATED} or {@link #OBJECT_DELETED}
 * @param resources  the bucket's ARN
 */
public record S3ObjectEvent(
        String version,
        String id,
        @JsonProperty("detail-type") String detailType,
        String source,
        String account,
        Instant time,
        String region,
        List<String> resources,
        Detail detail) implements StreamEvent {

    public static final String OBJECT_CREATED = "Object Created";
    public static final String OBJECT_DELETED = "Object Deleted";

    public S3ObjectEvent {
        resources = List.copyOf(resources);
    }

    /**
     * What happened to which object.
     *
     * @param reason       the API call: {@code PutObject}, {@code CompleteMultipartUpload}, {@code CopyObject},
     *                     {@code DeleteObject}
     * @param deletionType only for deletions; in a versioned bucket a delete adds a delete marker
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(
            String version,
            Bucket bucket,
            S3Object object,
            @JsonProperty("request-id") String requestId,
            String requester,
            @JsonProperty("source-ip-address") String sourceIpAddress,
            String reason,
            @JsonProperty("deletion-type") String deletionType) {
    }

    public record Bucket(String name) {
    }

    /**
     * The object; {@code size} and {@code etag} (its MD5 for simple uploads) only when it was created.
     *
     * @param sequencer orders events for the same key: a consumer applies a change only if its
     *                  sequencer is greater than the last one it applied for that key
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record S3Object(
            String key,
            Long size,
            String etag,
            @JsonProperty("version-id") String versionId,
            String sequencer) {
    }

    /** By {@code bucket/key}: every change to one object stays in order, so a delete never overtakes its create. */
    @Override
    public String partitionKey() {
        return detail.bucket().name() + "/" + detail.object().key();
    }

    @Override
    public Instant timestamp() {
        return time;
    }
}
