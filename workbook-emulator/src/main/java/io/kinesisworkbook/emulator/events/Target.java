package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One target of a rule, as PutTargets gave it.
 *
 * @param input            constant JSON text sent instead of the event ({@code Input}), or null
 * @param inputPath        the part of the event to send ({@code InputPath}), or null
 * @param transformer      {@code InputTransformer}, or null
 * @param partitionKeyPath a Kinesis target's {@code KinesisParameters.PartitionKeyPath}, or null (the event id)
 * @param deadLetterArn    {@code DeadLetterConfig.Arn}, or null
 * @param definition       the target as the caller sent it, which ListTargetsByRule answers with
 */
record Target(String id, String arn, String input, String inputPath, InputTransformer transformer,
              String partitionKeyPath, RetryPolicy retryPolicy, String deadLetterArn, ObjectNode definition) {

    /** {@code InputPathsMap} (name to JSON path) and {@code InputTemplate}. */
    record InputTransformer(Map<String, String> pathsMap, InputTemplate template) {
    }

    /**
     * How long a failing delivery is retried: AWS's defaults are 185 retries and 24 hours, whichever
     * comes first.
     */
    record RetryPolicy(int maximumRetryAttempts, int maximumEventAgeSeconds) {
        static final RetryPolicy DEFAULT = new RetryPolicy(185, 86_400);
    }

    /** The service a target's ARN names: {@code kinesis}, {@code firehose}, {@code lambda}, {@code events}... */
    String service() {
        String[] parts = arn.split(":", 4);
        return parts.length < 3 ? "" : parts[2];
    }
}
