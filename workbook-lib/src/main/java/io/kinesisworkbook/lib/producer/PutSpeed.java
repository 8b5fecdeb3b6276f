package io.kinesisworkbook.lib.producer;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * How many records a second one producer thread writes, with PutRecord (one record a request) or
 * PutRecords (up to 500): the same records, timed each way, to show what a round trip per record
 * costs.
 *
 * <pre>{@code
 * PutSpeed speed = PutSpeed.of(kinesis, "wide").recordBytes(100);
 * double single = speed.putRecord(2_000);          // records a second, one record a call
 * double batched = speed.putRecords(500, 4_000);   // records a second, 500 records a call
 * }</pre>
 *
 * <p>Each record gets its own partition key, so the records spread over every shard: on a stream
 * with enough shards the time measured is the calls', not the shards' limits. Records are not
 * retried; measure on a stream wide enough not to throttle.
 */
public final class PutSpeed {

    private final KinesisClient kinesis;
    private final String stream;
    private SdkBytes data = SdkBytes.fromByteArray(new byte[100]);
    private int keys;

    private PutSpeed(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
    }

    public static PutSpeed of(KinesisClient kinesis, String stream) {
        return new PutSpeed(kinesis, stream);
    }

    /** The size of each record's data (default 100 bytes). */
    public PutSpeed recordBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("A record needs at least one byte of data, got " + bytes);
        }
        this.data = SdkBytes.fromByteArray(new byte[bytes]);
        return this;
    }

    /** Records a second writing {@code records} records with one PutRecord call each. */
    public double putRecord(int records) {
        long started = System.nanoTime();
        for (int i = 0; i < records; i++) {
            String key = nextKey();
            kinesis.putRecord(b -> b.streamName(stream).partitionKey(key).data(data));
        }
        return perSecond(records, started);
    }

    /** Records a second writing {@code records} records in PutRecords calls of {@code batchSize}. */
    public double putRecords(int batchSize, int records) {
        if (batchSize < 1 || batchSize > Producer.MAX_RECORDS_PER_REQUEST) {
            throw new IllegalArgumentException("A PutRecords call carries 1 to 500 records, got " + batchSize);
        }
        long started = System.nanoTime();
        for (int sent = 0; sent < records; sent += batchSize) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < Math.min(batchSize, records - sent); i++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey(nextKey()).data(data).build());
            }
            kinesis.putRecords(b -> b.streamName(stream).records(entries));
        }
        return perSecond(records, started);
    }

    private String nextKey() {
        return "key-" + keys++;
    }

    private static double perSecond(int records, long startedNanos) {
        return records / ((System.nanoTime() - startedNanos) / 1e9);
    }
}
