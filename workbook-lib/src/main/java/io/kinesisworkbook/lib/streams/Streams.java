package io.kinesisworkbook.lib.streams;

import io.kinesisworkbook.lib.Wait;
import io.kinesisworkbook.lib.backend.WorkbookException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import tech.tablesaw.api.Table;

/**
 * Stream administration in the words of a learner: create (and wait until it is ACTIVE), look at
 * the shards, reshard (and wait), delete. Each method is a few plain SDK calls, waiting where AWS
 * makes you wait.
 */
public final class Streams {

    static final Duration POLL = Duration.ofMillis(100);
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final KinesisClient kinesis;

    public Streams(KinesisClient kinesis) {
        this.kinesis = kinesis;
    }

    /** Creates a provisioned stream, or finds the one of that name; returns once it is ACTIVE. */
    public StreamDescriptionSummary create(String name, int shards) {
        try {
            kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        } catch (ResourceInUseException alreadyThere) {
            // Idempotent: a notebook cell run twice finds its stream.
        }
        return awaitActive(name);
    }

    /** Creates an on-demand stream (AWS sizes it; it starts with four shards), or finds it. */
    public StreamDescriptionSummary createOnDemand(String name) {
        try {
            kinesis.createStream(b -> b.streamName(name).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        } catch (ResourceInUseException alreadyThere) {
            // Idempotent, as above.
        }
        return awaitActive(name);
    }

    public StreamDescriptionSummary summary(String name) {
        return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary();
    }

    public boolean exists(String name) {
        try {
            summary(name);
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /** Every shard, open and closed, across as many ListShards pages as it takes. */
    public List<Shard> shards(String name) {
        List<Shard> shards = new ArrayList<>();
        ListShardsResponse page = kinesis.listShards(b -> b.streamName(name));
        shards.addAll(page.shards());
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = kinesis.listShards(ListShardsRequest.builder().nextToken(token).build());
            shards.addAll(page.shards());
        }
        return shards;
    }

    /** The open shards only: where new records go. */
    public List<Shard> openShards(String name) {
        return shards(name).stream().filter(s -> s.sequenceNumberRange().endingSequenceNumber() == null).toList();
    }

    /** The shards as a table: ids, parents, hash key ranges (and their share of all keys), sequence ranges. */
    public Table describe(String name) {
        return ShardTable.of(name, shards(name));
    }

    /** Splits a shard in the middle of its hash key range; returns once the stream is ACTIVE again. */
    public StreamDescriptionSummary split(String name, String shardId) {
        Shard shard = shards(name).stream().filter(s -> s.shardId().equals(shardId)).findFirst()
                .orElseThrow(() -> new WorkbookException("Stream " + name + " has no shard " + shardId + "."));
        BigInteger start = new BigInteger(shard.hashKeyRange().startingHashKey());
        BigInteger end = new BigInteger(shard.hashKeyRange().endingHashKey());
        return split(name, shardId, start.add(end).add(BigInteger.ONE).shiftRight(1));
    }

    /** Splits a shard at {@code newStartingHashKey}: the keys from there up go to the second child. */
    public StreamDescriptionSummary split(String name, String shardId, BigInteger newStartingHashKey) {
        kinesis.splitShard(b -> b.streamName(name).shardToSplit(shardId).newStartingHashKey(newStartingHashKey.toString()));
        return awaitActive(name);
    }

    /** Merges two adjacent shards; returns once the stream is ACTIVE again. */
    public StreamDescriptionSummary merge(String name, String shardId, String adjacentShardId) {
        kinesis.mergeShards(b -> b.streamName(name).shardToMerge(shardId).adjacentShardToMerge(adjacentShardId));
        return awaitActive(name);
    }

    /** Reshapes the stream into {@code target} even shards (at most double, at least half). */
    public StreamDescriptionSummary updateShardCount(String name, int target) {
        kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(target).scalingType(ScalingType.UNIFORM_SCALING));
        return awaitActive(name);
    }

    /** Deletes the stream (and its consumers) if it exists; returns once it is gone. */
    public void delete(String name) {
        try {
            kinesis.deleteStream(b -> b.streamName(name).enforceConsumerDeletion(true));
        } catch (ResourceNotFoundException alreadyGone) {
            return;
        }
        waitUntil(() -> !exists(name), name + " to be deleted");
    }

    /** Waits until the stream is ACTIVE, polling every 100 ms (the SDK's own waiter polls every 10 s). */
    public StreamDescriptionSummary awaitActive(String name) {
        StreamDescriptionSummary[] last = new StreamDescriptionSummary[1];
        waitUntil(() -> {
            last[0] = summary(name);
            return last[0].streamStatus() == StreamStatus.ACTIVE;
        }, name + " to become ACTIVE");
        return last[0];
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
        Wait.until(what, TIMEOUT, POLL, condition);
    }
}
