package io.kinesisworkbook.emulator.firehose;

import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.kinesis.StreamTap;
import java.util.List;

/**
 * Reads a delivery stream's source, a Kinesis data stream, into its buffer: from LATEST as it was
 * when the delivery stream was created, shard by shard, children only after their parents were
 * read to their end, so that each key's records stay in order.
 */
final class SourceReader {

    /** How many records one tick reads from each source shard at most. */
    private static final int READ_PER_SHARD = 10_000;

    private final StreamTap tap;
    private final EmulatorClock clock;
    private final FirehoseMetrics metrics;

    SourceReader(StreamTap tap, EmulatorClock clock, FirehoseMetrics metrics) {
        this.metrics = metrics;
        this.tap = tap;
        this.clock = clock;
    }

    /**
     * Marks where reading starts: each open shard's LATEST, now. Done when the delivery stream is
     * created, so that a record sent once it is ACTIVE is never behind the mark.
     */
    void start(DeliveryStream stream) {
        for (StreamTap.ShardView shard : tap.shards(stream.sourceStreamArn())) {
            if (shard.open()) {
                stream.shardPositions().put(shard.shardId(), tap.startPosition(stream.sourceStreamArn(), shard.shardId(), true));
            } else {
                stream.finishedShards().add(shard.shardId());
            }
        }
    }

    /** Reads what arrived since the last call into the buffer. */
    void read(DeliveryStream stream) {
        String source = stream.sourceStreamArn();
        List<StreamTap.ShardView> shards = tap.shards(source);
        for (StreamTap.ShardView shard : shards) {
            String id = shard.shardId();
            if (stream.finishedShards().contains(id)) {
                continue;
            }
            if (!stream.shardPositions().containsKey(id)) {
                if (!parentsFinished(stream, shard)) {
                    continue;
                }
                stream.shardPositions().put(id, tap.startPosition(source, id, false));
            }
            StreamTap.Batch batch = tap.read(source, id, stream.shardPositions().get(id), READ_PER_SHARD);
            long now = clock.millis();
            long bytes = 0;
            for (StreamTap.TappedRecord record : batch.records()) {
                stream.accept(record.data(), now, new BufferedRecord.KinesisMetadata(record.shardId(),
                        record.partitionKey(), record.sequenceNumber(), record.arrivalMillis()));
                bytes += record.data().length;
            }
            if (!batch.records().isEmpty()) {
                metrics.readFromKinesis(stream.name(), batch.records().size(), bytes, now);
            }
            stream.shardPositions().put(id, batch.nextPosition());
            if (batch.shardEnded()) {
                stream.shardPositions().remove(id);
                stream.finishedShards().add(id);
            }
        }
    }

    private static boolean parentsFinished(DeliveryStream stream, StreamTap.ShardView shard) {
        return (shard.parentShardId() == null || stream.finishedShards().contains(shard.parentShardId()))
                && (shard.adjacentParentShardId() == null || stream.finishedShards().contains(shard.adjacentParentShardId()));
    }
}
