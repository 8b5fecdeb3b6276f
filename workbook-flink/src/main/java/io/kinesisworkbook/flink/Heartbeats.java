package io.kinesisworkbook.flink;

import io.kinesisworkbook.lib.streams.Streams;
import java.time.Instant;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Moves event time on when a stream goes quiet: one small record on every open shard that carries
 * nothing but a {@code timestamp}.
 *
 * <p><b>Why it is needed.</b> A window closes when the watermark passes its end, and the watermark
 * only moves when records arrive: each reader's watermark follows the newest event time it has
 * read, and the query's is the smallest of them. When producers stop, the last windows stay open
 * for ever. Real producers solve this the same way: a heartbeat event per partition when they have
 * nothing else to say. A heartbeat's other columns are null, and it falls into a window of its own
 * that never closes, so counts are not changed by it.
 */
public final class Heartbeats {

    private Heartbeats() {
    }

    /** One heartbeat at {@code time} on each open shard of {@code stream} (by explicit hash key, so each shard gets one). */
    public static int send(KinesisClient kinesis, String stream, Instant time) {
        String json = "{\"timestamp\":\"" + time + "\"}";
        int sent = 0;
        for (Shard shard : new Streams(kinesis).openShards(stream)) {   // a closed shard takes no more records
            kinesis.putRecord(b -> b.streamName(stream).partitionKey("heartbeat")
                    .explicitHashKey(shard.hashKeyRange().startingHashKey()).data(SdkBytes.fromUtf8String(json)));
            sent++;
        }
        return sent;
    }
}
