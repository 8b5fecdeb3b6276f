package io.kinesisworkbook.lib.producer;

import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.data.StreamEvent;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A producer that keeps writing at a steady rate on a thread of its own until it is closed, so that
 * a notebook can watch a stream's graphs, and change its consumers, while data flows.
 *
 * <pre>{@code
 * try (BackgroundProducer clicks = BackgroundProducer.start(aws.producer("clicks").build(), generator::next, 100)) {
 *     ...                                        // 100 records a second go in meanwhile
 * }
 * }</pre>
 *
 * <p>Every 100 ms it sends what is due by then and flushes, so records reach the stream within a
 * tenth of a second of being made (a {@link Producer} alone waits for 500 records to fill a batch).
 * Throttled records are retried by the producer, which counts them ({@link #metrics()}).
 */
public final class BackgroundProducer implements AutoCloseable {

    private static final long TICK_NANOS = Duration.ofMillis(100).toNanos();

    private final Producer producer;
    private final Supplier<? extends StreamEvent> events;
    private final Thread thread;
    private volatile double perSecond;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private long made;

    private BackgroundProducer(Producer producer, Supplier<? extends StreamEvent> events, double perSecond) {
        this.producer = producer;
        this.events = events;
        this.perSecond = perSecond;
        this.thread = new Thread(this::run, "background-producer");
        this.thread.setDaemon(true);
    }

    /** Starts writing {@code perSecond} events a second from {@code events} through {@code producer}. */
    public static BackgroundProducer start(Producer producer, Supplier<? extends StreamEvent> events, double perSecond) {
        BackgroundProducer background = new BackgroundProducer(producer, events, perSecond);
        background.thread.start();
        return background;
    }

    /** Changes the rate from now on. */
    public void ratePerSecond(double rate) {
        this.perSecond = rate;
    }

    public double ratePerSecond() {
        return perSecond;
    }

    /** Records made so far (sent or waiting to be). */
    public synchronized long made() {
        return made;
    }

    /** What the producer did so far: records accepted, throttled, retried. */
    public synchronized ProducerMetrics metrics() {
        return producer.metrics();
    }

    /** Stops, sends what is left, and fails if the producer failed in the background. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofMinutes(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new WorkbookException("The background producer failed: " + failure, failure);
        }
    }

    @Override
    public String toString() {
        return String.format("%,.0f records/s, %s", perSecond, metrics());
    }

    private void run() {
        try {
            double due = 0;
            long last = System.nanoTime();
            while (running) {
                long now = System.nanoTime();
                due += perSecond * (now - last) / 1e9;
                last = now;
                sendDue((long) due);
                due -= (long) due;
                long sleep = TICK_NANOS - (System.nanoTime() - now);
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            synchronized (this) {
                producer.flush();
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    private synchronized void sendDue(long count) {
        for (long i = 0; i < count; i++) {
            producer.send(events.get());
            made++;
        }
        producer.flush();
    }
}
