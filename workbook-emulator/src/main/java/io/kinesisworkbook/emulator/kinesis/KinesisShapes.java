package io.kinesisworkbook.emulator.kinesis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsProtocol;
import io.kinesisworkbook.emulator.http.Members;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Writes Kinesis's response shapes (Shard, Record, StreamDescription, ...) in the request's encoding. */
final class KinesisShapes {

    private KinesisShapes() {
    }

    static ObjectNode shard(ObjectNode node, Shard shard) {
        node.put("ShardId", shard.id());
        if (shard.parentId() != null) {
            node.put("ParentShardId", shard.parentId());
        }
        if (shard.adjacentParentId() != null) {
            node.put("AdjacentParentShardId", shard.adjacentParentId());
        }
        node.putObject("HashKeyRange")
                .put("StartingHashKey", shard.range().start().toString())
                .put("EndingHashKey", shard.range().end().toString());
        ObjectNode sequences = node.putObject("SequenceNumberRange")
                .put("StartingSequenceNumber", shard.startingSequenceNumber());
        if (!shard.isOpen()) {
            sequences.put("EndingSequenceNumber", shard.endingSequenceNumber());
        }
        return node;
    }

    static void shards(ArrayNode array, Collection<Shard> shards) {
        shards.forEach(shard -> shard(array.addObject(), shard));
    }

    /** A GetRecords or SubscribeToShard record. */
    static void record(ObjectNode node, AwsProtocol protocol, Shard shard, long position) {
        StoredRecord record = shard.recordAt(position);
        node.put("SequenceNumber", shard.sequenceNumberAt(position));
        node.set("ApproximateArrivalTimestamp", Members.timestamp(protocol, record.arrivalMillis()));
        node.put("Data", record.data());
        node.put("PartitionKey", record.partitionKey());
        if (record.encrypted()) {
            node.put("EncryptionType", "KMS");
        }
    }

    /** ChildShards: the shards a closed shard's hash keys went to, named when a reader reaches its end. */
    static void childShards(ArrayNode array, DataStream stream, Shard parent) {
        for (Shard candidate : stream.shards()) {
            if (parent.id().equals(candidate.parentId()) || parent.id().equals(candidate.adjacentParentId())) {
                ObjectNode child = array.addObject().put("ShardId", candidate.id());
                ArrayNode parents = child.putArray("ParentShards").add(candidate.parentId());
                if (candidate.adjacentParentId() != null) {
                    parents.add(candidate.adjacentParentId());
                }
                child.putObject("HashKeyRange")
                        .put("StartingHashKey", candidate.range().start().toString())
                        .put("EndingHashKey", candidate.range().end().toString());
            }
        }
    }

    static void streamMode(ObjectNode node, DataStream stream) {
        node.putObject("StreamModeDetails").put("StreamMode", stream.mode());
    }

    static void enhancedMonitoring(ObjectNode node, Set<String> metrics) {
        ArrayNode list = node.putArray("EnhancedMonitoring").addObject().putArray("ShardLevelMetrics");
        metrics.forEach(list::add);
    }

    static void encryption(ObjectNode node, DataStream stream) {
        node.put("EncryptionType", stream.encryptionType());
        if (stream.keyId() != null) {
            node.put("KeyId", stream.keyId());
        }
    }

    static ObjectNode streamSummary(ObjectNode node, AwsProtocol protocol, DataStream stream) {
        node.put("StreamName", stream.name()).put("StreamARN", stream.arn()).put("StreamStatus", stream.status().name());
        streamMode(node, stream);
        node.set("StreamCreationTimestamp", Members.timestamp(protocol, stream.createdMillis()));
        return node;
    }

    static void consumer(ObjectNode node, AwsProtocol protocol, StreamConsumer consumer) {
        node.put("ConsumerName", consumer.name())
                .put("ConsumerARN", consumer.arn())
                .put("ConsumerStatus", consumer.status().name())
                .set("ConsumerCreationTimestamp", Members.timestamp(protocol, consumer.createdMillis()));
    }

    static void tagList(ArrayNode array, List<java.util.Map.Entry<String, String>> tags) {
        tags.forEach(tag -> array.addObject().put("Key", tag.getKey()).put("Value", tag.getValue()));
    }
}
