package io.kinesisworkbook.emulator.firehose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.kinesis.StreamTap;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * What the delivery thread does for one delivery stream on each tick: read new records from the
 * source stream, deliver every buffer that is due (transform, concatenate, compress, write to S3),
 * and write failed records under the error output prefix.
 *
 * <p>At least once: an object leaves the pending queue only once S3 has taken it, so an S3 outage
 * delays delivery and loses nothing; records leave the buffer only into such objects.
 */
final class Delivery {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many records one tick reads from each source shard at most. */
    private static final int READ_PER_SHARD = 10_000;

    private final ObjectStore store;
    private final LambdaProcessor processor;
    private final StreamTap tap;
    private final EmulatorClock clock;

    Delivery(ObjectStore store, LambdaProcessor processor, StreamTap tap, EmulatorClock clock) {
        this.store = store;
        this.processor = processor;
        this.tap = tap;
        this.clock = clock;
    }

    void run(DeliveryStream stream, String region) {
        if (!stream.isActive()) {
            return;
        }
        synchronized (stream.deliveryLock) {
            if (stream.sourceStreamArn() != null) {
                readSource(stream);
            }
            if (!writePending(stream)) {
                return;
            }
            while (stream.isDue(clock.millis())) {
                prepareObjects(stream, region, stream.takeBatch());
                if (!writePending(stream)) {
                    return;
                }
            }
        }
    }

    // --- reading a Kinesis source ------------------------------------------------------------------

    private void readSource(DeliveryStream stream) {
        String source = stream.sourceStreamArn();
        List<StreamTap.ShardView> shards = tap.shards(source);
        if (!stream.sourceStarted()) {
            // AWS starts a new delivery stream at LATEST: records already in the stream are not delivered.
            for (StreamTap.ShardView shard : shards) {
                if (shard.open()) {
                    stream.shardPositions().put(shard.shardId(), tap.startPosition(source, shard.shardId(), true));
                } else {
                    stream.finishedShards().add(shard.shardId());
                }
            }
            stream.markSourceStarted();
            return;
        }
        for (StreamTap.ShardView shard : shards) {
            String id = shard.shardId();
            if (stream.finishedShards().contains(id)) {
                continue;
            }
            if (!stream.shardPositions().containsKey(id)) {
                if (!parentsFinished(stream, shard)) {
                    continue;   // a child waits for its parents, so that each key stays in order
                }
                stream.shardPositions().put(id, tap.startPosition(source, id, false));
            }
            StreamTap.Batch batch = tap.read(source, id, stream.shardPositions().get(id), READ_PER_SHARD);
            long now = clock.millis();
            for (StreamTap.TappedRecord record : batch.records()) {
                stream.accept(record.data(), now, new BufferedRecord.KinesisMetadata(record.shardId(),
                        record.partitionKey(), record.sequenceNumber(), record.arrivalMillis()));
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

    // --- making objects ----------------------------------------------------------------------------

    /** Turns a batch into the objects to write: the delivered records, and the failed ones under the error prefix. */
    private void prepareObjects(DeliveryStream stream, String region, List<BufferedRecord> batch) {
        S3Destination destination = stream.destination();
        LambdaProcessor.Outcome outcome = processor.process(stream, region, batch);
        Instant oldest = Instant.ofEpochMilli(batch.get(0).arrivalMillis());
        if (!outcome.delivered().isEmpty()) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            outcome.delivered().forEach(record -> data.writeBytes(record.data()));
            String key = Prefixes.objectKey(destination.prefix(), stream.name(), stream.version(), oldest,
                    destination.compression());
            byte[] body = destination.compression().compress(data.toByteArray(), key.substring(key.lastIndexOf('/') + 1));
            stream.pending().add(new DeliveryStream.PendingObject(destination.bucket(), key, body,
                    "application/octet-stream", outcome.delivered().size()));
        }
        if (!outcome.failed().isEmpty()) {
            String key = Prefixes.errorObjectKey(destination.errorOutputPrefix(), "processing-failed", stream.name(),
                    stream.version(), oldest);
            stream.pending().add(new DeliveryStream.PendingObject(destination.bucket(), key, errorLines(outcome.failed()),
                    "application/octet-stream", outcome.failed().size()));
        }
    }

    /** One JSON document a line for each failed record, in the shape AWS writes under processing-failed/. */
    private static byte[] errorLines(List<LambdaProcessor.Failed> failed) {
        StringBuilder lines = new StringBuilder();
        for (LambdaProcessor.Failed record : failed) {
            ObjectNode line = JSON.createObjectNode()
                    .put("attemptsMade", record.attempts())
                    .put("arrivalTimestamp", record.source().arrivalMillis())
                    .put("errorCode", record.errorCode())
                    .put("errorMessage", record.errorMessage())
                    .put("attemptEndingTimestamp", record.endedMillis())
                    .put("rawData", Base64.getEncoder().encodeToString(record.source().data()))
                    .put("lambdaArn", record.lambdaArn());
            lines.append(line).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the pending objects in order; false when S3 refused one (it stays, for the next tick). */
    private boolean writePending(DeliveryStream stream) {
        while (!stream.pending().isEmpty()) {
            DeliveryStream.PendingObject object = stream.pending().peekFirst();
            try {
                if (!store.bucketExists(object.bucket())) {
                    return false;   // as AWS: keep retrying (for up to 24 hours) until the bucket exists
                }
                store.putObject(object.bucket(), object.key(), object.data(), object.contentType());
            } catch (RuntimeException unavailable) {
                return false;
            }
            stream.pending().pollFirst();
        }
        return true;
    }
}
