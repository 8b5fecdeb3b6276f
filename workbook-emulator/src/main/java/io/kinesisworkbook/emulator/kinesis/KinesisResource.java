package io.kinesisworkbook.emulator.kinesis;

import io.kinesisworkbook.emulator.http.Validation;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stream or a registered consumer, named by its ARN, as the operations that take either one
 * (TagResource and the resource-policy operations) name it. Guarded by the stream's lock.
 *
 * @param consumer null when the ARN names the stream itself
 */
record KinesisResource(DataStream stream, StreamConsumer consumer) {

    /** Finds what {@code arn} names in {@code region}; ResourceNotFoundException when it does not exist. */
    static KinesisResource named(KinesisContext context, String region, String arn) {
        new Validation().notNull(arn, "resourceARN").length(arn, "resourceARN", 1, 2048).throwIfAny();
        if (arn.contains("/consumer/")) {
            ConsumerOperations.Found found = ConsumerOperations.findByArn(context, region, arn);
            return new KinesisResource(found.stream(), found.consumer());
        }
        KinesisContext.StreamArn parsed = KinesisContext.parseArn(arn);
        if (!parsed.region().equals(region)) {
            throw KinesisErrors.streamNotFound(parsed.name(), parsed.account());
        }
        return new KinesisResource(context.streams.require(region, parsed.name()), null);
    }

    String arn() {
        return consumer == null ? stream.arn() : consumer.arn();
    }

    Map<String, String> tags() {
        return consumer == null ? stream.tags() : new TreeMap<>(consumer.tags());
    }

    /** The resource policy attached to it, or null. */
    String policy() {
        return consumer == null ? stream.resourcePolicy() : consumer.resourcePolicy();
    }

    void policy(String policy) {
        if (consumer == null) {
            stream.resourcePolicy(policy);
        } else {
            consumer.resourcePolicy(policy);
        }
    }
}
