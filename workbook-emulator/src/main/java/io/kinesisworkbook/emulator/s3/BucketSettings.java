package io.kinesisworkbook.emulator.s3;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the emulator keeps about buckets beside S3Proxy: the region each was created in (its events
 * go to that region's default event bus), its notification configuration, its policy and its tags.
 * S3Proxy's store has none of them.
 */
final class BucketSettings {

    private final String defaultRegion;
    private final Map<String, String> regions = new ConcurrentHashMap<>();
    private final Map<String, NotificationConfiguration> notifications = new ConcurrentHashMap<>();
    private final Map<String, BucketPolicy> policies = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();

    BucketSettings(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    void created(String bucket, String region) {
        regions.put(bucket, region);
    }

    /** A deleted bucket takes its settings with it: one created again under its name starts afresh. */
    void deleted(String bucket) {
        regions.remove(bucket);
        notifications.remove(bucket);
        policies.remove(bucket);
        tags.remove(bucket);
    }

    /** The bucket's region; the emulator's default one for a bucket it did not see created. */
    String region(String bucket) {
        return regions.getOrDefault(bucket, defaultRegion);
    }

    NotificationConfiguration notifications(String bucket) {
        return notifications.getOrDefault(bucket, NotificationConfiguration.NONE);
    }

    void notifications(String bucket, NotificationConfiguration configuration) {
        if (configuration.isEmpty()) {
            notifications.remove(bucket);
        } else {
            notifications.put(bucket, configuration);
        }
    }

    /** The bucket's policy, or null when it has none. */
    BucketPolicy policy(String bucket) {
        return policies.get(bucket);
    }

    /** Sets the bucket's policy; null deletes it. */
    void policy(String bucket, BucketPolicy policy) {
        if (policy == null) {
            policies.remove(bucket);
        } else {
            policies.put(bucket, policy);
        }
    }

    /** Whether the bucket's policy denies {@code action} on an object. */
    boolean denies(String bucket, String key, String action) {
        BucketPolicy policy = policies.get(bucket);
        return policy != null && policy.denies(action, BucketPolicy.objectArn(bucket, key));
    }

    /** The bucket's tags, in the order they were given; empty when it has none. */
    Map<String, String> tags(String bucket) {
        return tags.getOrDefault(bucket, Map.of());
    }

    /** Replaces the bucket's tags; an empty map deletes them. */
    void tags(String bucket, Map<String, String> newTags) {
        if (newTags.isEmpty()) {
            tags.remove(bucket);
        } else {
            tags.put(bucket, Collections.unmodifiableMap(new LinkedHashMap<>(newTags)));
        }
    }
}
