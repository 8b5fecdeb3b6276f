package io.kinesisworkbook.emulator.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Listing shards and resharding: SplitShard, MergeShards, UpdateShardCount. */
final class ShardOperations {

    static final Pattern SHARD_ID = Pattern.compile("[a-zA-Z0-9_.-]+");
    static final Pattern HASH_KEY = Pattern.compile("0|([1-9]\\d{0,38})");
    static final List<String> SHARD_FILTERS = List.of("AFTER_SHARD_ID", "AT_TRIM_HORIZON", "FROM_TRIM_HORIZON",
            "AT_LATEST", "AT_TIMESTAMP", "FROM_TIMESTAMP");
    static final int MAX_SHARDS_PER_STREAM = 10_000;
    static final int SHARD_COUNT_UPDATES_PER_DAY = 10;
    private static final long NEXT_TOKEN_LIFETIME_MILLIS = 300_000;

    private final KinesisContext context;

    ShardOperations(KinesisContext context) {
        this.context = context;
    }

    JsonNode listShards(AwsRequest request) {
        Members members = request.members();
        String nextToken = members.string("NextToken");
        Integer maxResults = members.integer("MaxResults");
        String exclusiveStart = members.string("ExclusiveStartShardId");
        new Validation().range(maxResults, "maxResults", 1, 10000)
                .length(nextToken, "nextToken", 1, 1048576)
                .length(exclusiveStart, "exclusiveStartShardId", 1, 128).throwIfAny();
        boolean namesStream = members.has("StreamName") || members.has("StreamARN");
        if (nextToken != null && namesStream) {
            throw KinesisErrors.invalidArgument("NextToken and StreamName cannot be provided together.");
        }
        if (nextToken == null && !namesStream) {
            throw KinesisErrors.invalidArgument("Either NextToken or StreamName should be provided.");
        }
        ListPosition position = nextToken != null
                ? ListPosition.decode(nextToken, context.now())
                : new ListPosition(streamOf(request).name(), exclusiveStart == null ? -1 : Shard.indexOf(exclusiveStart), 0);
        DataStream stream = context.streams.require(request.region(), position.streamName());
        Predicate<Shard> filter = filterOf(members.structure("ShardFilter"), stream);
        List<Shard> shards = stream.shards().stream()
                .filter(s -> s.index() > position.afterIndex())
                .filter(filter)
                .toList();
        int max = maxResults == null ? 1000 : maxResults;
        List<Shard> page = shards.subList(0, Math.min(max, shards.size()));
        ObjectNode response = request.newObject();
        KinesisShapes.shards(response.putArray("Shards"), page);
        if (shards.size() > max) {
            response.put("NextToken", ListPosition.encode(stream.name(), page.get(page.size() - 1).index(), context.now()));
        }
        return response;
    }

    private DataStream streamOf(AwsRequest request) {
        return context.stream(request.region(), request.members());
    }

    /** The shards a ShardFilter keeps (all of them when there is none). */
    private Predicate<Shard> filterOf(Members filter, DataStream stream) {
        if (filter == null) {
            return shard -> true;
        }
        String type = filter.string("Type");
        String shardId = filter.string("ShardId");
        Long timestamp = filter.timestampMillis("Timestamp");
        new Validation().notNull(type, "shardFilter.type").oneOf(type, "shardFilter.type", SHARD_FILTERS).throwIfAny();
        long now = context.now();
        return switch (type) {
            case "AFTER_SHARD_ID" -> {
                if (shardId == null) {
                    throw KinesisErrors.invalidArgument("ShardId must be specified for ShardFilter type AFTER_SHARD_ID.");
                }
                int after = Shard.indexOf(shardId);
                yield shard -> shard.index() > after;
            }
            case "AT_LATEST" -> Shard::isOpen;
            case "AT_TRIM_HORIZON" -> {
                long horizon = Math.max(stream.trimHorizonMillis(now), stream.createdMillis());
                long firstShardTime = stream.shards().stream().mapToLong(Shard::createdMillis).min().orElse(horizon);
                long at = Math.max(horizon, firstShardTime);
                yield shard -> shard.wasOpenAt(at);
            }
            case "FROM_TRIM_HORIZON" -> shard -> true;
            case "AT_TIMESTAMP", "FROM_TIMESTAMP" -> {
                if (timestamp == null) {
                    throw KinesisErrors.invalidArgument("Timestamp must be specified for ShardFilter type " + type + ".");
                }
                yield "AT_TIMESTAMP".equals(type)
                        ? shard -> shard.wasOpenAt(Math.max(timestamp, firstCreated(stream)))
                        : shard -> shard.isOpen() || shard.closedMillis() >= timestamp;
            }
            default -> throw new IllegalStateException(type);
        };
    }

    private static long firstCreated(DataStream stream) {
        return stream.shards().stream().mapToLong(Shard::createdMillis).min().orElse(stream.createdMillis());
    }

    /** Where a paged ListShards call resumes: opaque to clients, valid for five minutes as on AWS. */
    record ListPosition(String streamName, int afterIndex, long issuedMillis) {
        static String encode(String streamName, int afterIndex, long now) {
            return PageTokens.encode(streamName + "|" + afterIndex + "|" + now);
        }

        static ListPosition decode(String token, long now) {
            String[] parts = PageTokens.decode(token).split("\\|");
            try {
                ListPosition position = new ListPosition(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
                if (now - position.issuedMillis > NEXT_TOKEN_LIFETIME_MILLIS) {
                    throw new io.kinesisworkbook.emulator.http.AwsServiceException("ExpiredNextTokenException",
                            "The timestampInMillis parameter of the NextToken is more than 300000 milliseconds old.", 400);
                }
                return position;
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw KinesisErrors.invalidArgument("Invalid NextToken.");
            }
        }
    }

    JsonNode splitShard(AwsRequest request) {
        Members members = request.members();
        String shardId = members.string("ShardToSplit");
        String newKey = members.string("NewStartingHashKey");
        new Validation()
                .notNull(shardId, "shardToSplit").length(shardId, "shardToSplit", 1, 128).pattern(shardId, "shardToSplit", SHARD_ID)
                .notNull(newKey, "newStartingHashKey").pattern(newKey, "newStartingHashKey", HASH_KEY)
                .throwIfAny();
        DataStream stream = streamOf(request);
        requireShardQuota(request.region(), 1);
        synchronized (stream) {
            requireReshardable(stream);
            Shard shard = requireOpenShard(stream, shardId);
            BigInteger key = new BigInteger(newKey);
            HashKeyRange range = shard.range();
            if (key.compareTo(range.start()) <= 0 || key.compareTo(range.end()) > 0) {
                throw KinesisErrors.invalidArgument("NewStartingHashKey " + newKey + " used in SplitShard() on shard "
                        + shardId + " in stream " + stream.name() + " under account " + context.account()
                        + " is not both greater than one plus the shard's StartingHashKey " + range.start()
                        + " and less than the shard's EndingHashKey " + range.end() + ".");
            }
            stream.update(context.now(), at -> stream.split(shard, key, at));
        }
        return request.newObject();
    }

    JsonNode mergeShards(AwsRequest request) {
        Members members = request.members();
        String shardId = members.string("ShardToMerge");
        String adjacentId = members.string("AdjacentShardToMerge");
        new Validation()
                .notNull(shardId, "shardToMerge").length(shardId, "shardToMerge", 1, 128).pattern(shardId, "shardToMerge", SHARD_ID)
                .notNull(adjacentId, "adjacentShardToMerge").length(adjacentId, "adjacentShardToMerge", 1, 128)
                .pattern(adjacentId, "adjacentShardToMerge", SHARD_ID)
                .throwIfAny();
        DataStream stream = streamOf(request);
        synchronized (stream) {
            requireReshardable(stream);
            Shard shard = requireOpenShard(stream, shardId);
            Shard adjacent = requireOpenShard(stream, adjacentId);
            if (!shard.range().isAdjacentTo(adjacent.range())) {
                throw KinesisErrors.invalidArgument("Shards " + shardId + " and " + adjacentId + " in stream "
                        + stream.name() + " under account " + context.account()
                        + " are not an adjacent pair of shards eligible for merging");
            }
            stream.update(context.now(), at -> stream.merge(shard, adjacent, at));
        }
        return request.newObject();
    }

    JsonNode updateShardCount(AwsRequest request) {
        Members members = request.members();
        Integer target = members.integer("TargetShardCount");
        String scalingType = members.string("ScalingType");
        new Validation()
                .notNull(target, "targetShardCount").range(target, "targetShardCount", 1, Integer.MAX_VALUE)
                .notNull(scalingType, "scalingType").oneOf(scalingType, "scalingType", List.of("UNIFORM_SCALING"))
                .throwIfAny();
        DataStream stream = streamOf(request);
        // Counted before the stream is locked: the count settles every stream, and must not wait on this one.
        requireShardQuota(request.region(), target - stream.openShards().size());
        ObjectNode response = request.newObject();
        synchronized (stream) {
            requireReshardable(stream);
            long now = context.now();
            int current = stream.openShards().size();
            String prefix = "UpdateShardCount request for stream " + stream.name() + " under account "
                    + context.account() + " ";
            if (target > current * 2) {
                throw KinesisErrors.limitExceeded(prefix + "cannot scale up to more than double the current shard count ("
                        + current + "). Requested: " + target + ".");
            }
            if (target * 2 < current) {
                throw KinesisErrors.limitExceeded(prefix + "cannot scale down below half the current shard count ("
                        + current + "). Requested: " + target + ".");
            }
            if (target > MAX_SHARDS_PER_STREAM) {
                throw KinesisErrors.limitExceeded(prefix + "cannot scale up to more than " + MAX_SHARDS_PER_STREAM + " shards.");
            }
            if (stream.shardCountUpdatesInLastDay(now) >= SHARD_COUNT_UPDATES_PER_DAY) {
                throw KinesisErrors.limitExceeded(prefix + "exceeded the limit of " + SHARD_COUNT_UPDATES_PER_DAY
                        + " scaling operations in a rolling 24-hour period.");
            }
            stream.recordShardCountUpdate(now);
            stream.update(now, at -> stream.scaleUniformly(target, at));
            response.put("StreamName", stream.name()).put("StreamARN", stream.arn())
                    .put("CurrentShardCount", current).put("TargetShardCount", target);
        }
        return response;
    }

    private void requireReshardable(DataStream stream) {
        stream.requireActive(context.account());
        if (!"PROVISIONED".equals(stream.mode())) {
            throw KinesisErrors.invalidArgument("Stream " + stream.name() + " under account " + context.account()
                    + " is in ON_DEMAND mode. Resharding is only supported for streams in PROVISIONED mode.");
        }
    }

    private Shard requireOpenShard(DataStream stream, String shardId) {
        Shard shard = stream.shard(shardId);
        if (shard == null) {
            throw KinesisErrors.shardNotFound(shardId, stream.name(), context.account());
        }
        if (!shard.isOpen()) {
            throw KinesisErrors.inUse("Shard " + shardId + " in stream " + stream.name() + " under account "
                    + context.account() + " has already been merged or split, and thus is not eligible for merging or splitting.");
        }
        return shard;
    }

    private void requireShardQuota(String region, int added) {
        int open = context.streams.openShardCount(region);
        if (added > 0 && open + added > StreamRegistry.SHARD_LIMIT) {
            throw KinesisErrors.shardLimitExceeded(context.account(), region, open, added);
        }
    }
}
