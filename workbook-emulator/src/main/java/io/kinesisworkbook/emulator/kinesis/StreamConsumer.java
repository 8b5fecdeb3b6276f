package io.kinesisworkbook.emulator.kinesis;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A registered enhanced fan-out consumer: its own 2 MiB/s per shard, pushed over SubscribeToShard.
 * Guarded by its stream's lock.
 */
final class StreamConsumer {

    private final String name;
    private final String arn;
    private final long createdMillis;
    private final long transitionMillis;
    private final Transition transition = new Transition(StreamStatus.CREATING);
    private final Map<String, String> tags = new TreeMap<>();
    private final Map<String, ShardSubscription> subscriptions = new HashMap<>();
    private String resourcePolicy;

    /** AWS lets a new SubscribeToShard take over a consumer's shard only five seconds after the last one. */
    static final long RESUBSCRIBE_AFTER_MILLIS = 5_000;

    StreamConsumer(String name, String streamArn, long nowMillis, long transitionMillis) {
        this.name = name;
        this.arn = streamArn + "/consumer/" + name + ":" + (nowMillis / 1000);
        this.createdMillis = nowMillis;
        this.transitionMillis = transitionMillis;
        transition.begin(StreamStatus.CREATING, nowMillis, transitionMillis, at -> { });
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    long createdMillis() {
        return createdMillis;
    }

    StreamStatus status() {
        return transition.status();
    }

    void beginDeleting(long now) {
        transition.beginDeleting(now, transitionMillis);
    }

    /** Settles the consumer's transition; true once it is gone. */
    boolean settle(long now) {
        transition.settle(now);
        return transition.isGone(now);
    }

    /** Makes {@code subscription} the consumer's one subscription to {@code shardId}. */
    void subscribe(String shardId, ShardSubscription subscription, long now) {
        ShardSubscription previous = subscriptions.get(shardId);
        if (previous != null && previous.isActive()) {
            if (now - previous.startedMillis() < RESUBSCRIBE_AFTER_MILLIS) {
                throw KinesisErrors.inUse("Another active subscription exists for this consumer: " + arn + " on shard "
                        + shardId + ".");
            }
            previous.takeOver();
        }
        subscriptions.put(shardId, subscription);
    }

    Map<String, String> tags() {
        return tags;
    }

    String resourcePolicy() {
        return resourcePolicy;
    }

    void resourcePolicy(String policy) {
        this.resourcePolicy = policy;
    }
}
