package io.kinesisworkbook.emulator.kinesis;

import io.kinesisworkbook.emulator.EmulatorClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The streams of one account, per region, as AWS keeps them apart. */
final class StreamRegistry {

    /** AWS's default shard quota per account and region (500 in the largest regions, 200 elsewhere). */
    static final int SHARD_LIMIT = 500;
    static final int ON_DEMAND_STREAM_LIMIT = 50;

    private final String accountId;
    private final EmulatorClock clock;
    private final Map<String, Map<String, DataStream>> regions = new ConcurrentHashMap<>();

    StreamRegistry(String accountId, EmulatorClock clock) {
        this.accountId = accountId;
        this.clock = clock;
    }

    String accountId() {
        return accountId;
    }

    String streamArn(String region, String name) {
        return "arn:aws:kinesis:" + region + ":" + accountId + ":stream/" + name;
    }

    /** The stream, settled to now; null when there is none (or it finished deleting). */
    DataStream find(String region, String name) {
        Map<String, DataStream> streams = streams(region);
        DataStream stream = streams.get(name);
        if (stream == null) {
            return null;
        }
        long now = clock.millis();
        stream.settle(now);
        if (stream.isGone(now)) {
            streams.remove(name, stream);
            return null;
        }
        return stream;
    }

    DataStream require(String region, String name) {
        DataStream stream = find(region, name);
        if (stream == null) {
            throw KinesisErrors.streamNotFound(name, accountId);
        }
        return stream;
    }

    /** Creates a stream unless one of that name exists; checks the account's shard quota. */
    synchronized DataStream create(String region, String name, int shardCount, String mode,
                                   Supplier<DataStream> factory) {
        if (find(region, name) != null) {
            throw KinesisErrors.streamExists(name, accountId);
        }
        int open = openShardCount(region);
        if (open + shardCount > SHARD_LIMIT) {
            throw KinesisErrors.shardLimitExceeded(accountId, region, open, shardCount);
        }
        if ("ON_DEMAND".equals(mode) && onDemandStreamCount(region) >= ON_DEMAND_STREAM_LIMIT) {
            throw KinesisErrors.limitExceeded("Account " + accountId + " has reached the maximum number of "
                    + ON_DEMAND_STREAM_LIMIT + " on-demand streams in " + region + ".");
        }
        DataStream stream = factory.get();
        streams(region).put(name, stream);
        return stream;
    }

    /** Every stream of the region, by name, each settled to now. */
    List<DataStream> list(String region) {
        List<DataStream> result = new ArrayList<>();
        for (String name : List.copyOf(streams(region).keySet())) {
            DataStream stream = find(region, name);
            if (stream != null) {
                result.add(stream);
            }
        }
        result.sort(Comparator.comparing(DataStream::name));
        return result;
    }

    int openShardCount(String region) {
        return list(region).stream().mapToInt(s -> s.openShards().size()).sum();
    }

    int onDemandStreamCount(String region) {
        return (int) list(region).stream().filter(s -> "ON_DEMAND".equals(s.mode())).count();
    }

    void remove(String region, String name) {
        streams(region).remove(name);
    }

    private Map<String, DataStream> streams(String region) {
        return regions.computeIfAbsent(region, r -> new ConcurrentHashMap<>());
    }
}
