package io.kinesisworkbook.emulator.kinesis;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One Kinesis data stream: its shards, settings and consumers, and the state machine AWS moves it
 * through. Every public-facing operation locks the stream, so sequence numbers are assigned in
 * one order per shard however many clients write at once.
 */
final class DataStream {

    static final int DEFAULT_RETENTION_HOURS = 24;
    static final int DEFAULT_MAX_RECORD_SIZE_KIB = 1024;
    static final int ON_DEMAND_SHARD_COUNT = 4;
    private static final long HOUR_MILLIS = 3_600_000L;

    private final String name;
    private final String arn;
    private final long createdMillis;
    private final long transitionMillis;
    private final Transition transition = new Transition(StreamStatus.CREATING);

    private String mode;
    private int retentionHours = DEFAULT_RETENTION_HOURS;
    private String encryptionType = "NONE";
    private String keyId;
    private volatile Set<String> shardLevelMetrics = Set.of();
    private int maxRecordSizeKiB = DEFAULT_MAX_RECORD_SIZE_KIB;
    private final Map<String, String> tags = new TreeMap<>();
    private String resourcePolicy;
    private final Map<String, StreamConsumer> consumers = new LinkedHashMap<>();

    /** Every shard not yet expired, by index (= creation order). */
    private final TreeMap<Integer, Shard> shards = new TreeMap<>();
    /** The open shards by the start of their hash key range: where writes go. */
    private List<Shard> openShards = List.of();
    private int nextShardIndex;
    private final Deque<Long> shardCountUpdates = new ArrayDeque<>();
    private long lastTrimMillis;

    DataStream(String name, String arn, long nowMillis, int shardCount, String mode, long transitionMillis,
               Map<String, String> tags) {
        this.name = name;
        this.arn = arn;
        this.createdMillis = nowMillis;
        this.transitionMillis = transitionMillis;
        this.mode = mode;
        this.tags.putAll(tags);
        transition.begin(StreamStatus.CREATING, nowMillis, transitionMillis,
                at -> addShards(HashKeyRange.uniform(shardCount), List.of(), at));
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

    synchronized StreamStatus status() {
        return transition.status();
    }

    /** Applies what time has made due: the end of a transition, expired records and shards. */
    synchronized void settle(long now) {
        transition.settle(now);
        consumers.values().removeIf(consumer -> consumer.settle(now));
        if (now - lastTrimMillis >= 1000) {
            trim(now);
        }
    }

    synchronized boolean isGone(long now) {
        return transition.isGone(now);
    }

    synchronized void beginDeleting(long now) {
        transition.beginDeleting(now, transitionMillis);
    }

    /** Throws ResourceInUseException unless the stream is ACTIVE, as AWS does for admin changes. */
    synchronized void requireActive(String account) {
        if (transition.status() != StreamStatus.ACTIVE) {
            throw KinesisErrors.streamNotActive(name, account, transition.status());
        }
    }

    /** Records can be written and read while the stream is ACTIVE or UPDATING. */
    synchronized void requireReadable(String account) {
        StreamStatus status = transition.status();
        if (status != StreamStatus.ACTIVE && status != StreamStatus.UPDATING) {
            throw KinesisErrors.streamNotFound(name, account);
        }
    }

    /** Starts an UPDATING period at whose end {@code change} takes effect. */
    synchronized void update(long now, java.util.function.LongConsumer change) {
        transition.begin(StreamStatus.UPDATING, now, transitionMillis, change);
    }

    // ---- shards -------------------------------------------------------------------------------

    synchronized Collection<Shard> shards() {
        return List.copyOf(shards.values());
    }

    synchronized List<Shard> openShards() {
        return openShards;
    }

    synchronized Shard shard(String shardId) {
        int index = Shard.indexOf(shardId);
        return index < 0 ? null : shards.get(index);
    }

    /** The open shard whose range holds {@code hashKey}. */
    synchronized Shard shardFor(BigInteger hashKey) {
        int low = 0;
        int high = openShards.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            HashKeyRange range = openShards.get(middle).range();
            if (range.end().compareTo(hashKey) < 0) {
                low = middle + 1;
            } else if (range.start().compareTo(hashKey) > 0) {
                high = middle - 1;
            } else {
                return openShards.get(middle);
            }
        }
        throw new IllegalStateException("open shards do not cover hash key " + hashKey);
    }

    /** Closes {@code parents} and opens children over {@code ranges}, all at {@code now}. */
    private List<Shard> addShards(List<HashKeyRange> ranges, List<Shard> parents, long now) {
        parents.forEach(parent -> parent.close(now));
        List<Shard> children = new ArrayList<>();
        for (HashKeyRange range : ranges) {
            List<Shard> overlapping = parents.stream()
                    .filter(p -> p.range().start().compareTo(range.end()) <= 0 && p.range().end().compareTo(range.start()) >= 0)
                    .toList();
            String parent = overlapping.isEmpty() ? null : overlapping.get(0).id();
            String adjacent = overlapping.size() > 1 ? overlapping.get(1).id() : null;
            Shard child = new Shard(nextShardIndex++, range, parent, adjacent, now);
            shards.put(child.index(), child);
            children.add(child);
        }
        rebuildOpenShards();
        return children;
    }

    synchronized void split(Shard parent, BigInteger newStartingHashKey, long now) {
        HashKeyRange range = parent.range();
        addShards(List.of(
                new HashKeyRange(range.start(), newStartingHashKey.subtract(BigInteger.ONE)),
                new HashKeyRange(newStartingHashKey, range.end())), List.of(parent), now);
    }

    synchronized Shard merge(Shard first, Shard adjacent, long now) {
        return addShards(List.of(first.range().union(adjacent.range())), List.of(first, adjacent), now).get(0);
    }

    /**
     * Reshapes the open shards into {@code target} uniform shards, as AWS does: by splitting at every
     * new boundary, then merging the pieces of each new range pairwise. Every child keeps at most
     * two parents, so readers can follow the lineage.
     */
    synchronized void scaleUniformly(int target, long now) {
        List<HashKeyRange> targets = HashKeyRange.uniform(target);
        for (HashKeyRange wanted : targets) {
            if (wanted.start().signum() > 0) {
                Shard holder = shardFor(wanted.start());
                if (!holder.range().start().equals(wanted.start())) {
                    split(holder, wanted.start(), now);
                }
            }
        }
        for (HashKeyRange wanted : targets) {
            List<Shard> pieces = openShards.stream()
                    .filter(s -> wanted.contains(s.range().start()))
                    .toList();
            Shard merged = pieces.get(0);
            for (int i = 1; i < pieces.size(); i++) {
                merged = merge(merged, pieces.get(i), now);
            }
        }
    }

    private void rebuildOpenShards() {
        openShards = shards.values().stream()
                .filter(Shard::isOpen)
                .sorted(Comparator.comparing(s -> s.range().start()))
                .toList();
    }

    /** UpdateShardCount calls in the last 24 hours, for AWS's limit of ten. */
    synchronized int shardCountUpdatesInLastDay(long now) {
        while (!shardCountUpdates.isEmpty() && shardCountUpdates.peekFirst() <= now - 24 * HOUR_MILLIS) {
            shardCountUpdates.removeFirst();
        }
        return shardCountUpdates.size();
    }

    synchronized void recordShardCountUpdate(long now) {
        shardCountUpdates.addLast(now);
    }

    // ---- retention ----------------------------------------------------------------------------

    /** The oldest arrival time still readable. */
    synchronized long trimHorizonMillis(long now) {
        return now - retentionHours * HOUR_MILLIS;
    }

    private void trim(long now) {
        lastTrimMillis = now;
        long horizon = trimHorizonMillis(now);
        shards.values().forEach(shard -> shard.trimBefore(horizon));
        boolean removed = shards.values().removeIf(shard -> !shard.isOpen() && shard.closedMillis() < horizon);
        if (removed) {
            rebuildOpenShards();
        }
    }

    synchronized int retentionHours() {
        return retentionHours;
    }

    synchronized void retentionHours(int hours, long now) {
        retentionHours = hours;
        trim(now);
    }

    // ---- settings -----------------------------------------------------------------------------

    synchronized String mode() {
        return mode;
    }

    synchronized void mode(String newMode) {
        mode = newMode;
    }

    synchronized String encryptionType() {
        return encryptionType;
    }

    synchronized String keyId() {
        return keyId;
    }

    synchronized boolean isEncrypted() {
        return "KMS".equals(encryptionType);
    }

    synchronized void encryption(String type, String key) {
        encryptionType = type;
        keyId = key;
    }

    /** Read on every write and read for shard-level metrics, so kept as an immutable, volatile set. */
    Set<String> shardLevelMetrics() {
        return shardLevelMetrics;
    }

    void shardLevelMetrics(Set<String> metrics) {
        shardLevelMetrics = java.util.Collections.unmodifiableSet(new TreeSet<>(metrics));
    }

    synchronized int maxRecordSizeKiB() {
        return maxRecordSizeKiB;
    }

    synchronized void maxRecordSizeKiB(int kib) {
        maxRecordSizeKiB = kib;
    }

    synchronized Map<String, String> tags() {
        return new TreeMap<>(tags);
    }

    synchronized void tag(Map<String, String> added) {
        tags.putAll(added);
    }

    synchronized void untag(Collection<String> keys) {
        keys.forEach(tags::remove);
    }

    synchronized String resourcePolicy() {
        return resourcePolicy;
    }

    synchronized void resourcePolicy(String policy) {
        resourcePolicy = policy;
    }

    // ---- consumers ----------------------------------------------------------------------------

    synchronized Collection<StreamConsumer> consumers() {
        return List.copyOf(consumers.values());
    }

    synchronized StreamConsumer consumer(String consumerName) {
        return consumers.get(consumerName);
    }

    synchronized void addConsumer(StreamConsumer consumer) {
        consumers.put(consumer.name(), consumer);
    }
}
