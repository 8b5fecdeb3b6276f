package io.kinesisworkbook.lib.consumer;

import io.kinesisworkbook.lib.Wait;
import io.kinesisworkbook.lib.backend.WorkbookException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ConsumerStatus;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.SubscribeToShardResponseHandler;

/**
 * How long a record takes from PutRecord to its consumers, when several consumers read one shard:
 * by polling (GetRecords, sharing the shard's five calls a second) or by enhanced fan-out
 * (SubscribeToShard, each registered consumer pushed its own copy over HTTP/2).
 *
 * <pre>{@code
 * PutToReadLatency race = PutToReadLatency.on(aws.kinesis(), aws.kinesisAsync(), "fanout");
 * ConsumerLatency polled = race.polling(10);   // ten GetRecords readers of the shard
 * ConsumerLatency pushed = race.fanOut(10);    // ten registered consumers
 * }</pre>
 *
 * <p>Each run starts its consumers at LATEST, waits until every one of them is reading, then puts a
 * record every 50 ms (by default 60 records), each carrying the moment it was sent; it ends when
 * every consumer has received every record (or gives up after a generous timeout, saying so). No
 * fixed sleeps: a slow machine gets more time, a fast one finishes sooner.
 *
 * <p>The stream must have one shard: the consumers read {@code shardId-000000000000}.
 */
public final class PutToReadLatency {

    private static final String SHARD = "shardId-000000000000";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KinesisClient kinesis;
    private final KinesisAsyncClient kinesisAsync;
    private final String stream;
    private int records = 60;
    private Duration every = Duration.ofMillis(50);
    private int runs;

    private PutToReadLatency(KinesisClient kinesis, KinesisAsyncClient kinesisAsync, String stream) {
        this.kinesis = kinesis;
        this.kinesisAsync = kinesisAsync;
        this.stream = stream;
    }

    public static PutToReadLatency on(KinesisClient kinesis, KinesisAsyncClient kinesisAsync, String stream) {
        return new PutToReadLatency(kinesis, kinesisAsync, stream);
    }

    /** How many records each run puts, one every {@code interval} (default: 60, one every 50 ms). */
    public PutToReadLatency records(int count, Duration interval) {
        if (count < 1) {
            throw new IllegalArgumentException("A run needs at least one record, got " + count);
        }
        this.records = count;
        this.every = interval;
        return this;
    }

    /** Latencies with {@code consumers} polling readers of the shard, each on its own thread. */
    public ConsumerLatency polling(int consumers) {
        Deliveries deliveries = new Deliveries(consumers);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            ShardReader reader = new ShardReader(kinesis, stream, SHARD, ReadFrom.latest(), 1_000);
            reader.poll();   // takes its LATEST iterator now, before any record is put
            int consumer = c;
            Thread thread = new Thread(() -> {
                while (running.get() && deliveries.received(consumer) < records) {
                    reader.poll().forEach(record -> deliveries.add(consumer, record.data()));
                }
            }, "polling-consumer-" + c);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        try {
            putAndAwait(deliveries, consumers + " polling consumers");
        } finally {
            running.set(false);
            threads.forEach(PutToReadLatency::join);
        }
        return deliveries.latencies(consumers);
    }

    /** Latencies with {@code consumers} enhanced fan-out consumers, registered for this run. */
    public ConsumerLatency fanOut(int consumers) {
        Deliveries deliveries = new Deliveries(consumers);
        String streamArn = kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary().streamARN();
        int run = ++runs;
        List<String> consumerArns = new ArrayList<>();
        List<CompletableFuture<Void>> subscriptions = new ArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(consumers);
        try {
            for (int c = 0; c < consumers; c++) {
                String name = "latency-" + run + "-" + c;
                consumerArns.add(kinesis.registerStreamConsumer(b -> b.streamARN(streamArn).consumerName(name))
                        .consumer().consumerARN());
            }
            for (String consumerArn : consumerArns) {
                Wait.until("consumer " + consumerArn + " to become ACTIVE", PATIENCE, () -> kinesis.describeStreamConsumer(
                        b -> b.consumerARN(consumerArn)).consumerDescription().consumerStatus() == ConsumerStatus.ACTIVE);
            }
            for (int c = 0; c < consumers; c++) {
                subscriptions.add(subscribe(consumerArns.get(c), c, deliveries, subscribed));
            }
            Wait.until(consumers + " subscriptions to start", PATIENCE, () -> subscribed.getCount() == 0);
            putAndAwait(deliveries, consumers + " fan-out consumers");
        } finally {
            subscriptions.forEach(subscription -> subscription.cancel(true));
            consumerArns.forEach(arn -> kinesis.deregisterStreamConsumer(b -> b.consumerARN(arn)));
        }
        return deliveries.latencies(consumers);
    }

    private CompletableFuture<Void> subscribe(String consumerArn, int consumer, Deliveries deliveries,
                                              CountDownLatch subscribed) {
        SubscribeToShardResponseHandler handler = SubscribeToShardResponseHandler.builder()
                .onResponse(response -> subscribed.countDown())
                .subscriber(SubscribeToShardResponseHandler.Visitor.builder()
                        .onSubscribeToShardEvent(event -> event.records()
                                .forEach(record -> deliveries.add(consumer, record.data().asByteArray())))
                        .build())
                .build();
        return kinesisAsync.subscribeToShard(b -> b.consumerARN(consumerArn).shardId(SHARD)
                .startingPosition(p -> p.type(ShardIteratorType.LATEST)), handler);
    }

    /** Puts the run's records, each carrying its send time, then waits until every consumer has all of them. */
    private void putAndAwait(Deliveries deliveries, String who) {
        long next = System.nanoTime();
        for (int i = 0; i < records; i++) {
            sleepUntil(next);
            String sentAt = Long.toString(System.nanoTime());
            kinesis.putRecord(b -> b.streamName(stream).partitionKey("tick").data(SdkBytes.fromUtf8String(sentAt)));
            next += every.toNanos();
        }
        Wait.until(who + " to receive all " + records + " records", PATIENCE, () -> deliveries.allReceived(records));
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbookException("Interrupted while measuring latency.");
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(PATIENCE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each consumer's received count and every delivery's latency; filled from the consumers' threads. */
    private static final class Deliveries {

        private final AtomicInteger[] received;
        private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

        Deliveries(int consumers) {
            received = new AtomicInteger[consumers];
            for (int c = 0; c < consumers; c++) {
                received[c] = new AtomicInteger();
            }
        }

        void add(int consumer, byte[] data) {
            long sentAt = Long.parseLong(new String(data, StandardCharsets.UTF_8));
            millis.add((System.nanoTime() - sentAt) / 1e6);
            received[consumer].incrementAndGet();
        }

        int received(int consumer) {
            return received[consumer].get();
        }

        boolean allReceived(int records) {
            for (AtomicInteger count : received) {
                if (count.get() < records) {
                    return false;
                }
            }
            return true;
        }

        ConsumerLatency latencies(int consumers) {
            List<Double> sorted;
            synchronized (millis) {
                sorted = new ArrayList<>(millis);
            }
            Collections.sort(sorted);
            return new ConsumerLatency(consumers, sorted.size(), percentile(sorted, 50), percentile(sorted, 90));
        }

        private static double percentile(List<Double> sorted, double percentile) {
            int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
            return Math.round(sorted.get(Math.max(0, index)) * 10) / 10.0;
        }
    }
}
