package io.kinesisworkbook.lib.dr;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Watches a prefix of a bucket and notes when each object first appeared: the moment its lines
 * became visible to Athena. (An object's LastModified is when S3 began to take it, to the second on
 * AWS; a watch a few times a second measures what a reader waits for.) It lists the prefix every
 * {@code every} on a thread of its own until closed; on AWS each listing is one cheap LIST request.
 */
public final class DeliveryWatch implements AutoCloseable {

    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    private final Thread watcher;
    private volatile boolean watching = true;

    private DeliveryWatch(S3Client s3, String bucket, String prefix, Duration every) {
        watcher = new Thread(() -> {
            while (watching) {
                try {
                    for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                        firstSeen.putIfAbsent(object.key(), Instant.now());
                    }
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException bucketGoneOrBusy) {
                    // a listing that failed is tried again on the next round
                }
            }
        }, "delivery-watch-" + bucket);
        watcher.setDaemon(true);
        watcher.start();
    }

    public static DeliveryWatch start(S3Client s3, String bucket, String prefix, Duration every) {
        return new DeliveryWatch(s3, bucket, prefix, every);
    }

    /** When each object was first seen, by key. */
    public Map<String, Instant> firstSeen() {
        return Map.copyOf(firstSeen);
    }

    @Override
    public void close() {
        watching = false;
        watcher.interrupt();
        try {
            watcher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
