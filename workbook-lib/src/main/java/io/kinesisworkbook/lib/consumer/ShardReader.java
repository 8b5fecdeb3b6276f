package io.kinesisworkbook.lib.consumer;

import io.kinesisworkbook.lib.backend.WorkbookException;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads one shard with the GetRecords loop every Kinesis consumer runs underneath:
 * <ol>
 *   <li>get a shard iterator for a starting position;</li>
 *   <li>call GetRecords with it; each answer carries records, the next iterator and
 *       MillisBehindLatest (how far behind the newest record this reader is);</li>
 *   <li>repeat with the next iterator; a closed shard, read to its end, answers with no next
 *       iterator and names its child shards.</li>
 * </ol>
 * It paces itself to the shard's 5 reads a second, backs off when throttled, and gets a new iterator
 * after the last record it read when its iterator has expired (iterators live five minutes).
 */
public final class ShardReader {

    static final Duration MIN_INTERVAL = Duration.ofMillis(200);
    static final Duration THROTTLED_WAIT = Duration.ofMillis(500);

    private final KinesisClient kinesis;
    private final String stream;
    private final String shardId;
    private final ReadFrom start;
    private final int limit;
    private String iterator;
    private String lastSequenceNumber;
    private long millisBehindLatest = -1;
    private List<ChildShard> childShards = List.of();
    private boolean finished;
    private long lastCallNanos;

    public ShardReader(KinesisClient kinesis, String stream, String shardId, ReadFrom start, int limit) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.shardId = shardId;
        this.start = start;
        this.limit = limit;
    }

    public String shardId() {
        return shardId;
    }

    /** One GetRecords call (waiting first if the shard's read rate requires it). */
    public List<ConsumedRecord> poll() {
        if (finished) {
            return List.of();
        }
        pace();
        try {
            GetRecordsResponse response = kinesis.getRecords(b -> b.shardIterator(currentIterator()).limit(limit));
            return accept(response);
        } catch (ExpiredIteratorException e) {
            iterator = null; // the next poll resumes after the last record read
            return List.of();
        } catch (ProvisionedThroughputExceededException e) {
            sleep(THROTTLED_WAIT);
            return List.of();
        }
    }

    private List<ConsumedRecord> accept(GetRecordsResponse response) {
        List<ConsumedRecord> records = response.records().stream().map(r -> ConsumedRecord.of(shardId, r)).toList();
        if (!records.isEmpty()) {
            lastSequenceNumber = records.get(records.size() - 1).sequenceNumber();
        }
        millisBehindLatest = response.millisBehindLatest() == null ? 0 : response.millisBehindLatest();
        iterator = response.nextShardIterator();
        if (iterator == null) {
            finished = true;
            childShards = response.childShards();
        }
        return records;
    }

    private String currentIterator() {
        if (iterator == null) {
            GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder().streamName(stream).shardId(shardId);
            if (lastSequenceNumber != null) {
                request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(lastSequenceNumber);
            } else {
                start.applyTo(request);
            }
            iterator = kinesis.getShardIterator(request.build()).shardIterator();
        }
        return iterator;
    }

    /** True once a closed shard has been read to its end. */
    public boolean isFinished() {
        return finished;
    }

    /** How far behind the newest record the last read was (-1 before the first read). */
    public long millisBehindLatest() {
        return millisBehindLatest;
    }

    /** True when the last read reached the newest record. */
    public boolean isCaughtUp() {
        return millisBehindLatest == 0;
    }

    /** The shards that took over this one's keys; known once it is finished. */
    public List<ChildShard> childShards() {
        return childShards;
    }

    private void pace() {
        long wait = MIN_INTERVAL.toNanos() - (System.nanoTime() - lastCallNanos);
        if (lastCallNanos != 0 && wait > 0) {
            sleep(Duration.ofNanos(wait));
        }
        lastCallNanos = System.nanoTime();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbookException("Interrupted while reading.");
        }
    }
}
