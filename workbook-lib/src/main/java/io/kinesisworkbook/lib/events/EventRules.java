package io.kinesisworkbook.lib.events;

import io.kinesisworkbook.lib.backend.WorkbookException;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3's object events into a Kinesis stream through Amazon EventBridge, on any backend:
 * <pre>{@code
 * rules.sendBucketEvents("dr-primary");                        // S3 -> the default event bus
 * rules.toStream("dr-objects", EventRules.objectChanges("dr-primary"), streamArn, "$.detail.object.key");
 * }</pre>
 * A bucket sends its events to EventBridge once it is told to (a notification configuration); a rule
 * on the default bus picks the events its pattern matches and delivers each to its targets, here a
 * stream, with the object's key as the partition key so that every change to one object stays in
 * order in one shard. On AWS a rule needs a role to write to the stream; the cost guard tags rules.
 */
public final class EventRules {

    private static final String TARGET_ID = "stream";

    private final EventBridgeClient events;
    private final S3Client s3;
    private final Supplier<String> streamWriterRole;

    /** @param streamWriterRole the role a rule delivers to streams as (see {@code WorkbookRoles.eventsRole()}) */
    public EventRules(EventBridgeClient events, S3Client s3, Supplier<String> streamWriterRole) {
        this.events = events;
        this.s3 = s3;
        this.streamWriterRole = streamWriterRole;
    }

    /**
     * The pattern of every object created in or deleted from {@code bucket}: EventBridge's own
     * words for S3's events (source {@code aws.s3}, detail types {@code Object Created} and
     * {@code Object Deleted}, the bucket's name in the detail).
     */
    public static String objectChanges(String bucket) {
        return """
                {"source": ["aws.s3"],
                 "detail-type": ["Object Created", "Object Deleted"],
                 "detail": {"bucket": {"name": ["%s"]}}}""".formatted(bucket);
    }

    /**
     * Tells the bucket to send every object event to EventBridge (its notification configuration's
     * {@code EventBridgeConfiguration}; the bucket's other notifications are replaced).
     */
    public void sendBucketEvents(String bucket) {
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket)
                .notificationConfiguration(n -> n.eventBridgeConfiguration(e -> { })));
    }

    /**
     * A rule on the default bus that sends each event its pattern matches to a stream, the partition
     * key read from the event at {@code partitionKeyPath} (a JSON path such as {@code $.detail.object.key}).
     * Putting it again redefines it. Returns the rule's ARN.
     */
    public String toStream(String rule, String pattern, String streamArn, String partitionKeyPath) {
        String arn = events.putRule(b -> b.name(rule).eventPattern(pattern)
                .description("Kinesis Workbook: events into " + streamArn)).ruleArn();
        PutTargetsResponse added = events.putTargets(b -> b.rule(rule).targets(Target.builder().id(TARGET_ID)
                .arn(streamArn).roleArn(streamWriterRole.get())
                .kinesisParameters(k -> k.partitionKeyPath(partitionKeyPath)).build()));
        if (added.failedEntryCount() > 0) {
            throw new WorkbookException("EventBridge refused the stream as the target of " + rule + ": "
                    + added.failedEntries().get(0).errorMessage());
        }
        return arn;
    }

    /** The rule's targets' ARNs; empty for a rule that does not exist. */
    public List<String> targets(String rule) {
        try {
            return events.listTargetsByRule(b -> b.rule(rule)).targets().stream().map(Target::arn).toList();
        } catch (ResourceNotFoundException gone) {
            return List.of();
        }
    }

    /** Removes the rule's targets, then the rule; nothing happens when there is none. */
    public void delete(String rule) {
        List<String> ids;
        try {
            ids = events.listTargetsByRule(b -> b.rule(rule)).targets().stream().map(Target::id).toList();
        } catch (ResourceNotFoundException gone) {
            return;
        }
        if (!ids.isEmpty()) {
            events.removeTargets(b -> b.rule(rule).ids(ids));
        }
        events.deleteRule(b -> b.name(rule));
    }
}
