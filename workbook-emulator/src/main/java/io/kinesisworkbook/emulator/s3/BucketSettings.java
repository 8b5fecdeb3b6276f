package io.kinesisworkbook.emulator.s3;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the emulator keeps about buckets beside S3Proxy: the region each was created in (its events
 * go to that region's default event bus) and its notification configuration. S3Proxy's store has
 * neither.
 */
final class BucketSettings {

    private final String defaultRegion;
    private final Map<String, String> regions = new ConcurrentHashMap<>();
    private final Map<String, NotificationConfiguration> notifications = new ConcurrentHashMap<>();

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
}
