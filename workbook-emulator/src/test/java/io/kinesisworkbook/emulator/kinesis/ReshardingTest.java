package io.kinesisworkbook.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.KinesisTestBase;
import io.kinesisworkbook.emulator.SdkClients;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardFilterType;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** SplitShard, MergeShards, UpdateShardCount and what readers see of them, in both encodings. */
class ReshardingTest {

    @Nested
    class Cbor extends Contract {
        Cbor() {
            super(SdkClients.Wire.CBOR);
        }
    }

    @Nested
    class Json extends Contract {
        Json() {
            super(SdkClients.Wire.JSON);
        }
    }

    abstract static class Contract extends KinesisTestBase {

        static final BigInteger HALF = BigInteger.TWO.pow(127);

        Contract(SdkClients.Wire wire) {
            super(wire);
        }

        @Test
        void splitClosesTheParentAndLinksTwoChildren() {
            String name = activeStream(1);
            put(name, "before");
            kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000").newStartingHashKey(HALF.toString()));
            assertThat(status(name)).isEqualTo(StreamStatus.UPDATING);
            assertThatThrownBy(() -> kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000")
                    .newStartingHashKey("10"))).isInstanceOf(ResourceInUseException.class);
            put(name, "during");
            settle();
            assertThat(status(name)).isEqualTo(StreamStatus.ACTIVE);
            Map<String, Shard> shards = shards(name);
            assertThat(shards).containsOnlyKeys("shardId-000000000000", "shardId-000000000001", "shardId-000000000002");
            Shard parent = shards.get("shardId-000000000000");
            assertThat(parent.sequenceNumberRange().endingSequenceNumber()).isNotNull();
            assertThat(shards.get("shardId-000000000001").parentShardId()).isEqualTo(parent.shardId());
            assertThat(shards.get("shardId-000000000001").hashKeyRange().endingHashKey()).isEqualTo(HALF.subtract(BigInteger.ONE).toString());
            assertThat(shards.get("shardId-000000000002").hashKeyRange().startingHashKey()).isEqualTo(HALF.toString());
            assertThat(new BigInteger(shards.get("shardId-000000000001").sequenceNumberRange().startingSequenceNumber()))
                    .isGreaterThan(new BigInteger(parent.sequenceNumberRange().endingSequenceNumber()));

            GetRecordsResponse end = readAll(name, "shardId-000000000000");
            assertThat(end.nextShardIterator()).isNull();
            assertThat(end.childShards()).extracting(ChildShard::shardId)
                    .containsExactlyInAnyOrder("shardId-000000000001", "shardId-000000000002");
            assertThat(end.childShards().get(0).parentShards()).containsExactly("shardId-000000000000");
        }

        @Test
        void splitKeysMustLieInsideTheShard() {
            String name = activeStream(2);
            assertThatThrownBy(() -> kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000001")
                    .newStartingHashKey("5")))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("used in SplitShard() on shard shardId-000000000001");
        }

        @Test
        void mergeJoinsAdjacentShardsOnly() {
            String name = activeStream(3);
            assertThatThrownBy(() -> kinesis.mergeShards(b -> b.streamName(name).shardToMerge("shardId-000000000000")
                    .adjacentShardToMerge("shardId-000000000002")))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("are not an adjacent pair of shards eligible for merging");
            kinesis.mergeShards(b -> b.streamName(name).shardToMerge("shardId-000000000001")
                    .adjacentShardToMerge("shardId-000000000002"));
            settle();
            Shard child = shards(name).get("shardId-000000000003");
            assertThat(child.parentShardId()).isEqualTo("shardId-000000000001");
            assertThat(child.adjacentParentShardId()).isEqualTo("shardId-000000000002");
            assertThat(child.hashKeyRange().endingHashKey()).isEqualTo("340282366920938463463374607431768211455");
        }

        @Test
        void updateShardCountReshapesIntoUniformShardsWithTraceableLineage() {
            String name = activeStream(3);
            for (int i = 0; i < 300; i++) {
                put(name, "r" + i);
            }
            var response = kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(5)
                    .scalingType(ScalingType.UNIFORM_SCALING));
            assertThat(response.currentShardCount()).isEqualTo(3);
            assertThat(response.targetShardCount()).isEqualTo(5);
            settle();
            List<Shard> open = kinesis.listShards(b -> b.streamName(name)
                    .shardFilter(f -> f.type(ShardFilterType.AT_LATEST))).shards();
            assertThat(open).hasSize(5);
            List<BigInteger> starts = open.stream().map(s -> new BigInteger(s.hashKeyRange().startingHashKey())).sorted().toList();
            assertThat(starts).containsExactlyElementsOf(uniformStarts(5));
            for (int i = 0; i < 100; i++) {
                put(name, "after" + i);
            }
            assertThat(readStreamFollowingLineage(name)).hasSize(400).doesNotHaveDuplicates();
        }

        @Test
        void updateShardCountHalvingAndItsLimits() {
            String name = activeStream(4);
            assertThatThrownBy(() -> kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(9)
                    .scalingType(ScalingType.UNIFORM_SCALING))).isInstanceOf(LimitExceededException.class);
            assertThatThrownBy(() -> kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(1)
                    .scalingType(ScalingType.UNIFORM_SCALING))).isInstanceOf(LimitExceededException.class);
            kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(2).scalingType(ScalingType.UNIFORM_SCALING));
            settle();
            assertThat(kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().openShardCount())
                    .isEqualTo(2);
            assertThat(shards(name).values()).filteredOn(s -> s.sequenceNumberRange().endingSequenceNumber() == null)
                    .allSatisfy(s -> assertThat(s.adjacentParentShardId()).isNotNull());
        }

        @Test
        void tenScalingOperationsADayAtMost() {
            String name = activeStream(2);
            for (int i = 0; i < 10; i++) {
                int target = i % 2 == 0 ? 3 : 2;
                kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(target).scalingType(ScalingType.UNIFORM_SCALING));
                settle();
            }
            assertThatThrownBy(() -> kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(3)
                    .scalingType(ScalingType.UNIFORM_SCALING)))
                    .isInstanceOf(LimitExceededException.class).hasMessageContaining("rolling 24-hour period");
            clock.advance(Duration.ofHours(24));
            kinesis.updateShardCount(b -> b.streamName(name).targetShardCount(3).scalingType(ScalingType.UNIFORM_SCALING));
        }

        @Test
        void listShardsFiltersAndPages() {
            String name = activeStream(2);
            Instant beforeSplit = clock.now();
            clock.advance(Duration.ofSeconds(1));
            kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000").newStartingHashKey("1000"));
            settle();
            assertThat(ids(kinesis.listShards(b -> b.streamName(name)).shards())).containsExactly(
                    "shardId-000000000000", "shardId-000000000001", "shardId-000000000002", "shardId-000000000003");
            assertThat(ids(kinesis.listShards(b -> b.streamName(name).shardFilter(f -> f.type(ShardFilterType.AT_LATEST))).shards()))
                    .containsExactly("shardId-000000000001", "shardId-000000000002", "shardId-000000000003");
            assertThat(ids(kinesis.listShards(b -> b.streamName(name).shardFilter(f -> f.type(ShardFilterType.AT_TRIM_HORIZON))).shards()))
                    .containsExactly("shardId-000000000000", "shardId-000000000001");
            assertThat(ids(kinesis.listShards(b -> b.streamName(name)
                    .shardFilter(f -> f.type(ShardFilterType.AT_TIMESTAMP).timestamp(beforeSplit))).shards()))
                    .containsExactly("shardId-000000000000", "shardId-000000000001");
            assertThat(ids(kinesis.listShards(b -> b.streamName(name)
                    .shardFilter(f -> f.type(ShardFilterType.AFTER_SHARD_ID).shardId("shardId-000000000001"))).shards()))
                    .containsExactly("shardId-000000000002", "shardId-000000000003");

            var first = kinesis.listShards(b -> b.streamName(name).maxResults(3));
            assertThat(first.shards()).hasSize(3);
            var rest = kinesis.listShards(b -> b.nextToken(first.nextToken()));
            assertThat(ids(rest.shards())).containsExactly("shardId-000000000003");
            assertThat(rest.nextToken()).isNull();
            assertThatThrownBy(() -> kinesis.listShards(b -> b.streamName(name).nextToken(first.nextToken())))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("NextToken and StreamName cannot be provided together.");
        }

        @Test
        void closedShardsDisappearOnceTheRetentionPeriodHasPassed() {
            String name = activeStream(1);
            kinesis.splitShard(b -> b.streamName(name).shardToSplit("shardId-000000000000").newStartingHashKey(HALF.toString()));
            settle();
            assertThat(shards(name)).hasSize(3);
            clock.advance(Duration.ofHours(24).plusSeconds(2));
            assertThat(shards(name)).containsOnlyKeys("shardId-000000000001", "shardId-000000000002");
        }

        /** Reads every shard, parents before children, as a careful consumer must. */
        List<String> readStreamFollowingLineage(String name) {
            Map<String, Shard> shards = shards(name);
            Set<String> done = new HashSet<>();
            Deque<Shard> pending = new ArrayDeque<>(shards.values());
            List<String> records = new ArrayList<>();
            int guard = 0;
            while (!pending.isEmpty() && guard++ < 1000) {
                Shard shard = pending.poll();
                boolean parentsDone = (shard.parentShardId() == null || done.contains(shard.parentShardId())
                        || !shards.containsKey(shard.parentShardId()))
                        && (shard.adjacentParentShardId() == null || done.contains(shard.adjacentParentShardId()));
                if (!parentsDone) {
                    pending.addLast(shard);
                    continue;
                }
                String iterator = kinesis.getShardIterator(b -> b.streamName(name).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    clock.advance(Duration.ofMillis(200));
                    GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current));
                    page.records().forEach(r -> records.add(r.data().asUtf8String()));
                    iterator = page.records().isEmpty() && shard.sequenceNumberRange().endingSequenceNumber() == null
                            ? null : page.nextShardIterator();
                }
                done.add(shard.shardId());
            }
            return records;
        }

        GetRecordsResponse readAll(String name, String shardId) {
            String iterator = kinesis.getShardIterator(b -> b.streamName(name).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            GetRecordsResponse page;
            do {
                String current = iterator;
                clock.advance(Duration.ofMillis(200));
                page = kinesis.getRecords(b -> b.shardIterator(current));
                iterator = page.nextShardIterator();
            } while (iterator != null && !page.records().isEmpty());
            return page;
        }

        static List<BigInteger> uniformStarts(int count) {
            BigInteger space = BigInteger.TWO.pow(128);
            List<BigInteger> starts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                starts.add(space.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count)));
            }
            return starts;
        }

        void put(String name, String data) {
            kinesis.putRecord(b -> b.streamName(name).partitionKey(data).data(SdkBytes.fromUtf8String(data)));
        }

        StreamStatus status(String name) {
            return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus();
        }

        Map<String, Shard> shards(String name) {
            return kinesis.listShards(b -> b.streamName(name)).shards().stream()
                    .collect(Collectors.toMap(Shard::shardId, Function.identity(), (a, b) -> a, java.util.TreeMap::new));
        }

        static List<String> ids(List<Shard> shards) {
            return shards.stream().map(Shard::shardId).toList();
        }
    }
}
