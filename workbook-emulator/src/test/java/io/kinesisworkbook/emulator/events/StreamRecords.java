package io.kinesisworkbook.emulator.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Reads a target stream back through the Kinesis API, as a consumer of EventBridge's records would. */
final class StreamRecords {

    private StreamRecords() {
    }

    /** Every record of every shard from the trim horizon, shard by shard. */
    static List<Record> all(KinesisClient kinesis, String stream) {
        List<Record> records = new ArrayList<>();
        for (Shard shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
            String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            records.addAll(kinesis.getRecords(b -> b.shardIterator(iterator)).records());
        }
        return records;
    }

    /**
     * Waits (generously) until the stream holds {@code count} records, and returns them. Polls four
     * times a second: a shard serves five GetRecords calls a second.
     */
    static List<Record> await(KinesisClient kinesis, String stream, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Record> records = all(kinesis, stream);
        while (records.size() < count && System.nanoTime() < deadline) {
            sleep(250);
            records = all(kinesis, stream);
        }
        return records;
    }

    static String text(Record record) {
        return record.data().asString(StandardCharsets.UTF_8);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
