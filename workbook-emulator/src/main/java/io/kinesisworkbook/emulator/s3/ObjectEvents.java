package io.kinesisworkbook.emulator.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.events.EventPublisher;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Sends the events S3 sends when an object is created or removed: to EventBridge (the bucket
 * region's default bus) when the bucket's configuration has EventBridgeConfiguration, and to each
 * Lambda function whose rule wants the event and the key.
 *
 * <p>Events are sent before the request that caused them is answered, so a client that writes a key
 * and then deletes it has its events published in that order. Each carries a {@code sequencer} that
 * grows with every event, as S3's grows per key.
 */
final class ObjectEvents {

    private static final Logger LOG = Logger.getLogger(ObjectEvents.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RECORD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * One object created or removed.
     *
     * @param reason    the API that did it: PutObject, CopyObject, CompleteMultipartUpload or DeleteObject
     * @param size      the object's size in bytes (created objects only)
     * @param etag      its entity tag, without quotes (created objects only)
     * @param versionId its version, or null in a bucket without versioning
     * @param requestId the request id S3 answered the request with
     */
    record Change(String bucket, String key, boolean created, String reason, long size, String etag, String versionId,
                  String requestId, String sourceIp) {
    }

    private final BucketSettings buckets;
    private final EmulatorClock clock;
    private final String accountId;
    private final AtomicLong lastSequencer = new AtomicLong();
    private volatile EventPublisher events;
    private volatile FunctionInvoker functions;

    ObjectEvents(BucketSettings buckets, EmulatorClock clock, String accountId) {
        this.buckets = buckets;
        this.clock = clock;
        this.accountId = accountId;
    }

    /** Wired once, at start-up: the emulator makes EventBridge and Lambda after S3. */
    void connect(EventPublisher eventPublisher, FunctionInvoker functionInvoker) {
        this.events = eventPublisher;
        this.functions = functionInvoker;
    }

    FunctionInvoker functions() {
        return functions;
    }

    /** Sends a change wherever the bucket's notification configuration says; never throws. */
    void send(Change change) {
        NotificationConfiguration configuration = buckets.notifications(change.bucket());
        if (configuration.isEmpty()) {
            return;
        }
        try {
            long now = clock.millis();
            String sequencer = nextSequencer(now);
            String region = buckets.region(change.bucket());
            EventPublisher publisher = events;
            if (configuration.eventBridge() && publisher != null) {
                publisher.publish(region, new EventPublisher.Entry("aws.s3", change.created() ? "Object Created" : "Object Deleted",
                        List.of("arn:aws:s3:::" + change.bucket()), eventBridgeDetail(change, sequencer), now));
            }
            String eventName = eventName(change);
            for (NotificationConfiguration.Rule rule : configuration.rules()) {
                if (rule.kind() == NotificationConfiguration.Kind.FUNCTION && rule.wants(eventName, change.key())) {
                    invoke(rule, record(change, eventName, rule.id(), sequencer, region, now));
                }
            }
        } catch (RuntimeException e) {
            LOG.warning("could not send the S3 event for s3://" + change.bucket() + "/" + change.key() + ": " + e);
        }
    }

    private void invoke(NotificationConfiguration.Rule rule, ObjectNode event) {
        FunctionInvoker invoker = functions;
        if (invoker == null) {
            return;
        }
        try {
            invoker.invokeAsync(rule.arn().split(":")[3], rule.arn(), event.toString().getBytes(StandardCharsets.UTF_8));
        } catch (FunctionInvoker.FunctionNotFoundException | FunctionInvoker.FunctionNotReadyException e) {
            // As S3 does: the event is dropped for that destination (S3 logs nothing a client sees).
            LOG.warning("S3 could not invoke " + rule.arn() + " for notification " + rule.id() + ": " + e.getMessage());
        }
    }

    /** S3's sequencers are hexadecimal and grow per key; ours grow with every event. */
    private String nextSequencer(long now) {
        long value = lastSequencer.updateAndGet(last -> Math.max(last + 1, now << 16));
        return String.format("%016X", value);
    }

    private static String eventName(Change change) {
        if (!change.created()) {
            return "s3:ObjectRemoved:Delete";
        }
        return switch (change.reason()) {
            case "CopyObject" -> "s3:ObjectCreated:Copy";
            case "CompleteMultipartUpload" -> "s3:ObjectCreated:CompleteMultipartUpload";
            default -> "s3:ObjectCreated:Put";
        };
    }

    /** The detail of an "Object Created" or "Object Deleted" event on EventBridge. */
    private ObjectNode eventBridgeDetail(Change change, String sequencer) {
        ObjectNode detail = JSON.createObjectNode();
        detail.put("version", "0");
        detail.putObject("bucket").put("name", change.bucket());
        ObjectNode object = detail.putObject("object");
        object.put("key", change.key());
        if (change.created()) {
            object.put("size", change.size());
            object.put("etag", change.etag());
        }
        if (change.versionId() != null) {
            object.put("version-id", change.versionId());
        }
        object.put("sequencer", sequencer.toLowerCase());
        detail.put("request-id", change.requestId());
        detail.put("requester", accountId);
        detail.put("source-ip-address", change.sourceIp());
        detail.put("reason", change.reason());
        if (!change.created()) {
            detail.put("deletion-type", "Permanently Deleted");
        }
        return detail;
    }

    /** An S3 event notification ({@code {"Records": [...]}}, event version 2.1) as Lambda receives it. */
    private ObjectNode record(Change change, String eventName, String configurationId, String sequencer, String region,
                              long now) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", RECORD_TIME.format(Instant.ofEpochMilli(now)));
        record.put("eventName", eventName.substring("s3:".length()));
        record.putObject("userIdentity").put("principalId", "AWS:" + accountId);
        record.putObject("requestParameters").put("sourceIPAddress", change.sourceIp());
        record.putObject("responseElements").put("x-amz-request-id", change.requestId())
                .put("x-amz-id-2", change.requestId());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        s3.putObject("bucket").put("name", change.bucket()).put("arn", "arn:aws:s3:::" + change.bucket())
                .putObject("ownerIdentity").put("principalId", accountId);
        ObjectNode object = s3.putObject("object");
        // Keys in S3's notification records are URL-encoded, spaces as '+', slashes left as they are.
        object.put("key", URLEncoder.encode(change.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        if (change.created()) {
            object.put("size", change.size());
            object.put("eTag", change.etag());
        }
        if (change.versionId() != null) {
            object.put("versionId", change.versionId());
        }
        object.put("sequencer", sequencer);
        return event;
    }
}
