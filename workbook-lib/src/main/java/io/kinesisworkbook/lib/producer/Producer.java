package io.kinesisworkbook.lib.producer;

import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.data.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * A batching producer over PutRecords, the way AWS recommends writing to a stream:
 * <ul>
 *   <li>records are buffered and sent up to 500 at a time, within the 5 MiB request limit;</li>
 *   <li>PutRecords answers per record, so a throttled shard fails some records and not others:
 *       only the failed ones are sent again, after an exponential backoff with jitter;</li>
 *   <li>with {@link Builder#keepOrderPerKey()}, a request carries at most one record per partition
 *       key, so a retried record can never land after a later record of the same key.</li>
 * </ul>
 *
 * <pre>{@code
 * try (Producer producer = aws.producer("clicks").build()) {
 *     events.forEach(e -> producer.send(e.partitionKey(), e.toJsonBytes()));
 * }                                            // close() sends what is left and waits for it
 * }</pre>
 */
public final class Producer implements AutoCloseable {

    public static final int MAX_RECORDS_PER_REQUEST = 500;
    public static final int MAX_BYTES_PER_REQUEST = 5 * 1024 * 1024;

    private final KinesisClient kinesis;
    private final String stream;
    private final boolean keepOrderPerKey;
    private final int maxAttempts;
    private final Backoff backoff;
    private final Deque<Pending> buffer = new ArrayDeque<>();
    private long bufferedBytes;

    private long sent;
    private long throttled;
    private long otherFailures;
    private long retried;
    private long gaveUp;
    private final List<Double> latencies = new ArrayList<>();
    private final List<PutRecordsCall> calls = new ArrayList<>();
    /** Per attempt (index 0 = first try): records offered, accepted, throttled. */
    private final List<long[]> rounds = new ArrayList<>();
    private long firstCallNanos;

    /** A record waiting to be accepted, and how many times it has been refused. */
    private record Pending(String partitionKey, byte[] data, int attempts) {
        int bytes() {
            return data.length + partitionKey.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private Producer(Builder builder) {
        this.kinesis = builder.kinesis;
        this.stream = builder.stream;
        this.keepOrderPerKey = builder.keepOrderPerKey;
        this.maxAttempts = builder.maxAttempts;
        this.backoff = builder.backoff;
    }

    public static Builder to(KinesisClient kinesis, String stream) {
        return new Builder(kinesis, stream);
    }

    /** Buffers a record; sends a full batch when one is ready. */
    public void send(String partitionKey, byte[] data) {
        buffer.addLast(new Pending(partitionKey, data, 0));
        bufferedBytes += data.length;
        if (buffer.size() >= MAX_RECORDS_PER_REQUEST || bufferedBytes >= MAX_BYTES_PER_REQUEST) {
            sendOneBatch();
        }
    }

    public void send(String partitionKey, String text) {
        send(partitionKey, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends an event as JSON, under its natural partition key. */
    public void send(StreamEvent event) {
        send(event.partitionKey(), event.toJsonBytes());
    }

    /** Sends everything buffered and waits until the stream has accepted all of it. */
    public void flush() {
        while (!buffer.isEmpty()) {
            sendOneBatch();
        }
        if (gaveUp > 0) {
            throw new WorkbookException(gaveUp + " records could not be written to " + stream + " after " + maxAttempts
                    + " attempts each: " + metrics());
        }
    }

    public ProducerMetrics metrics() {
        return new ProducerMetrics(sent, throttled, otherFailures, retried, gaveUp, latencies.size(),
                latencies.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Every PutRecords call so far, in the order they were made. */
    public List<PutRecordsCall> calls() {
        return List.copyOf(calls);
    }

    /** The records so far by attempt: first tries, then each round of retries. */
    public List<RetryRound> retryRounds() {
        List<RetryRound> result = new ArrayList<>();
        for (int i = 0; i < rounds.size(); i++) {
            long[] round = rounds.get(i);
            result.add(new RetryRound(i + 1, round[0], round[1], round[2]));
        }
        return result;
    }

    @Override
    public void close() {
        flush();
    }

    /** Sends one PutRecords request of what is buffered, and puts refused records back in line. */
    private void sendOneBatch() {
        List<Pending> batch = takeBatch();
        if (batch.isEmpty()) {
            return;
        }
        long backoffMillis = waitBeforeRetry(batch);
        List<PutRecordsRequestEntry> entries = batch.stream()
                .map(p -> PutRecordsRequestEntry.builder().partitionKey(p.partitionKey()).data(SdkBytes.fromByteArrayUnsafe(p.data())).build())
                .toList();
        long started = System.nanoTime();
        if (calls.isEmpty()) {
            firstCallNanos = started;
        }
        PutRecordsResponse response = kinesis.putRecords(b -> b.streamName(stream).records(entries));
        long answered = System.nanoTime();
        latencies.add((answered - started) / 1e6);
        long throttledBefore = throttled;
        long sentBefore = sent;
        requeueFailures(batch, response.records());
        int retries = (int) batch.stream().filter(p -> p.attempts() > 0).count();
        calls.add(new PutRecordsCall(calls.size() + 1, (answered - firstCallNanos) / 1e9, batch.size(), retries,
                (int) (sent - sentBefore), (int) (throttled - throttledBefore), backoffMillis));
    }

    /**
     * Takes up to 500 records (5 MiB) from the front of the buffer. Keeping order per key, it skips a
     * record whose key already has one in the batch: that record waits for the next request.
     */
    private List<Pending> takeBatch() {
        List<Pending> batch = new ArrayList<>();
        Set<String> keysInBatch = new HashSet<>();
        long bytes = 0;
        for (Iterator<Pending> it = buffer.iterator(); it.hasNext() && batch.size() < MAX_RECORDS_PER_REQUEST; ) {
            Pending next = it.next();
            if (bytes + next.bytes() > MAX_BYTES_PER_REQUEST) {
                break;
            }
            if (keepOrderPerKey && !keysInBatch.add(next.partitionKey())) {
                continue;
            }
            it.remove();
            batch.add(next);
            bytes += next.bytes();
            bufferedBytes -= next.data().length;
        }
        return batch;
    }

    /**
     * Backs off before a batch that holds retried records: the longer they failed, the longer the
     * wait. Returns how long it waited.
     */
    private long waitBeforeRetry(List<Pending> batch) {
        int attempts = batch.stream().mapToInt(Pending::attempts).max().orElse(0);
        if (attempts == 0) {
            return 0;
        }
        long delay = backoff.delayMillis(attempts - 1);
        try {
            Thread.sleep(delay);
            return delay;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbookException("Interrupted while backing off before a retry.");
        }
    }

    /** Results come back in request order: a result with an error code is a record to send again. */
    private void requeueFailures(List<Pending> batch, List<PutRecordsResultEntry> results) {
        List<Pending> failed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            PutRecordsResultEntry result = results.get(i);
            long[] round = round(batch.get(i).attempts());
            round[0]++;
            if (result.errorCode() == null) {
                sent++;
                round[1]++;
                continue;
            }
            if ("ProvisionedThroughputExceededException".equals(result.errorCode())) {
                throttled++;
                round[2]++;
            } else {
                otherFailures++;
            }
            Pending refused = batch.get(i);
            if (refused.attempts() + 1 >= maxAttempts) {
                gaveUp++;
            } else {
                retried++;
                failed.add(new Pending(refused.partitionKey(), refused.data(), refused.attempts() + 1));
            }
        }
        // Back to the front, in their original order, ahead of anything newer of the same key.
        for (int i = failed.size() - 1; i >= 0; i--) {
            buffer.addFirst(failed.get(i));
            bufferedBytes += failed.get(i).data().length;
        }
    }

    /** The counts of the records on their {@code attempts + 1}-th try. */
    private long[] round(int attempts) {
        while (rounds.size() <= attempts) {
            rounds.add(new long[3]);
        }
        return rounds.get(attempts);
    }

    /** How a producer behaves. */
    public static final class Builder {
        private final KinesisClient kinesis;
        private final String stream;
        private boolean keepOrderPerKey;
        private int maxAttempts = 30;
        private Backoff backoff = Backoff.defaults();

        private Builder(KinesisClient kinesis, String stream) {
            this.kinesis = kinesis;
            this.stream = stream;
        }

        /** At most one record per partition key in each request, so records of a key stay in order. */
        public Builder keepOrderPerKey() {
            this.keepOrderPerKey = true;
            return this;
        }

        /** How many times a record is sent before the producer gives up on it (default 30). */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = attempts;
            return this;
        }

        public Builder backoff(Backoff newBackoff) {
            this.backoff = newBackoff;
            return this;
        }

        public Producer build() {
            return new Producer(this);
        }
    }
}
