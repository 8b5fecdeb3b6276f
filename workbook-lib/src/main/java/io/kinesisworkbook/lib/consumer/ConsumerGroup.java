package io.kinesisworkbook.lib.consumer;

import io.kinesisworkbook.lib.backend.WorkbookException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * A consumer application running in the background: a number of workers share the stream's shards
 * (worker {@code i} of {@code n} reads shards {@code i, i + n, ...}), and each spends some time on
 * every record it reads, as a real application does (a lookup, a write to a database).
 *
 * <pre>{@code
 * ConsumerGroup consumers = ConsumerGroup.reading(kinesis, "clicks").workers(1).start();
 * consumers.workPerRecord(Duration.ofMillis(20));   // the application slows down: it falls behind
 * consumers.scaleTo(4);                             // more workers: each reads fewer shards
 * consumers.close();
 * }</pre>
 *
 * <p>This is how KCL spreads shards over workers, without KCL's lease table: the workers live in one
 * process, so handing a shard over is just stopping one thread and starting another with the same
 * {@link ShardReader}, which remembers where it was. One worker can never read faster than its work
 * allows, whatever the stream holds; more workers (up to one per shard) read more in parallel, and
 * beyond one worker per shard only more shards help. The shards are listed once, at the start: a
 * group does not follow resharding (a {@link StreamReader} does).
 */
public final class ConsumerGroup implements AutoCloseable {

    private final String stream;
    private final List<ShardReader> readers;
    private final AtomicLong read = new AtomicLong();
    private volatile long workNanosPerRecord;
    private final List<Worker> workers = new ArrayList<>();

    private ConsumerGroup(Builder builder, List<ShardReader> readers) {
        this.stream = builder.stream;
        this.readers = readers;
        this.workNanosPerRecord = builder.workPerRecord.toNanos();
    }

    public static Builder reading(KinesisClient kinesis, String stream) {
        return new Builder(kinesis, stream);
    }

    /** Changes the time each record costs, for the workers running now and later. */
    public ConsumerGroup workPerRecord(Duration work) {
        this.workNanosPerRecord = work.toNanos();
        return this;
    }

    public Duration workPerRecord() {
        return Duration.ofNanos(workNanosPerRecord);
    }

    /**
     * Stops the workers (each after the batch in hand) and starts {@code count} new ones, which go on
     * where the old ones stopped. More workers than shards would leave some idle, so that is refused.
     */
    public synchronized ConsumerGroup scaleTo(int count) {
        if (count < 1 || count > readers.size()) {
            throw new IllegalArgumentException("Between 1 and " + readers.size() + " workers (one per shard at most), not " + count);
        }
        stopWorkers();
        for (int i = 0; i < count; i++) {
            List<ShardReader> mine = new ArrayList<>();
            for (int shard = i; shard < readers.size(); shard += count) {
                mine.add(readers.get(shard));
            }
            Worker worker = new Worker(mine);
            workers.add(worker);
            worker.thread.start();
        }
        return this;
    }

    public synchronized int workers() {
        return workers.size();
    }

    public int shards() {
        return readers.size();
    }

    /** Records read (and worked on) so far by every worker. */
    public long read() {
        return read.get();
    }

    /**
     * How far behind the newest record the furthest-behind shard's last read was: MillisBehindLatest,
     * the client's own view of the iterator age, which every backend answers (LocalStack and Floci too).
     */
    public long millisBehindLatest() {
        return readers.stream().mapToLong(ShardReader::millisBehindLatest).max().orElse(0);
    }

    /** Stops every worker, each after the batch in hand. */
    @Override
    public synchronized void close() {
        stopWorkers();
    }

    @Override
    public synchronized String toString() {
        return String.format("%d worker%s on %d shards, %d ms a record, %,d records read, %,d ms behind",
                workers.size(), workers.size() == 1 ? "" : "s", readers.size(), workPerRecord().toMillis(), read(),
                millisBehindLatest());
    }

    private void stopWorkers() {
        workers.forEach(w -> w.running = false);
        for (Worker worker : workers) {
            try {
                worker.thread.join(Duration.ofMinutes(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkbookException("Interrupted while stopping the consumers of " + stream);
            }
        }
        workers.clear();
    }

    /** One thread reading its shards in turn, working on each batch before the next read. */
    private final class Worker {
        private final List<ShardReader> shards;
        private final Thread thread;
        private volatile boolean running = true;

        Worker(List<ShardReader> shards) {
            this.shards = shards;
            this.thread = new Thread(this::run, "consumer-" + stream);
            this.thread.setDaemon(true);
        }

        private void run() {
            while (running) {
                for (ShardReader shard : shards) {
                    List<ConsumedRecord> batch = shard.poll();
                    work(batch.size());
                    read.addAndGet(batch.size());
                }
            }
        }

        /** The application's time on a batch; it finishes the batch even when told to stop, as KCL's processRecords does. */
        private void work(int records) {
            long until = System.nanoTime() + records * workNanosPerRecord;
            long left;
            while ((left = until - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
            }
        }
    }

    /** Where the group starts reading and how much a call asks for. */
    public static final class Builder {
        private final KinesisClient kinesis;
        private final String stream;
        private int workers = 1;
        private int limitPerCall = 100;
        private Duration workPerRecord = Duration.ZERO;
        private ReadFrom from = ReadFrom.trimHorizon();

        private Builder(KinesisClient kinesis, String stream) {
            this.kinesis = kinesis;
            this.stream = stream;
        }

        public Builder workers(int count) {
            this.workers = count;
            return this;
        }

        /** Records a GetRecords call asks for (default 100: small batches keep the graphs smooth). */
        public Builder limitPerCall(int limit) {
            this.limitPerCall = limit;
            return this;
        }

        public Builder workPerRecord(Duration work) {
            this.workPerRecord = work;
            return this;
        }

        public Builder from(ReadFrom start) {
            this.from = start;
            return this;
        }

        /** Lists the open shards and starts the workers. */
        public ConsumerGroup start() {
            List<ShardReader> readers = new ArrayList<>();
            for (Shard shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
                if (shard.sequenceNumberRange().endingSequenceNumber() == null) {
                    readers.add(new ShardReader(kinesis, stream, shard.shardId(), from, limitPerCall));
                }
            }
            return new ConsumerGroup(this, readers).scaleTo(workers);
        }
    }
}
