package io.kinesisworkbook.lib.producer;

import io.kinesisworkbook.lib.data.EventGenerator;
import io.kinesisworkbook.lib.data.StreamEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A generator's events sent into a stream in real time, in the background: each event is sent
 * when the clock reaches its timestamp, so event time and arrival time stay close, as they do for a
 * live website or a trading feed.
 * <pre>{@code
 * LiveFeed clicks = LiveFeed.start(aws.producer("clicks").build(),
 *         Clickstream.seeded(9).ratePerSecond(50).startingAt(Instant.now()));
 * ...
 * clicks.stop();          // sends what is buffered, then returns
 * clicks.sent();          // every event sent, in order
 * }</pre>
 * The producer's buffer is flushed every {@value #FLUSH_MILLIS} ms, so a record reaches the stream
 * at most that long after its timestamp (plus the request's own time).
 */
public final class LiveFeed {

    static final long FLUSH_MILLIS = 100;
    private static final Duration MOST_AHEAD = Duration.ofMinutes(1);

    private final Producer producer;
    private final EventGenerator<?, ?> events;
    private final List<StreamEvent> sent = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private LiveFeed(Producer producer, EventGenerator<?, ?> events, String name) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.events = Objects.requireNonNull(events, "events");
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts sending {@code events} through {@code producer}; the generator must start at about now
     * ({@code startingAt(Instant.now())}), or the feed would wait for its first event for ever.
     */
    public static LiveFeed start(Producer producer, EventGenerator<?, ?> events) {
        LiveFeed feed = new LiveFeed(producer, events, "live-feed");
        feed.thread.start();
        return feed;
    }

    private void run() {
        try {
            long lastFlush = System.currentTimeMillis();
            while (running) {
                StreamEvent event = events.next();
                Duration ahead = Duration.between(Instant.now(), event.timestamp());
                if (ahead.compareTo(MOST_AHEAD) > 0 || ahead.compareTo(MOST_AHEAD.negated()) < 0) {
                    throw new IllegalArgumentException("the generator's clock is " + ahead.toSeconds()
                            + " s from now: start it with startingAt(Instant.now())");
                }
                long wait = Math.max(0, Math.min(ahead.toMillis(), FLUSH_MILLIS));
                while (running && Instant.now().isBefore(event.timestamp())) {
                    if (System.currentTimeMillis() - lastFlush >= FLUSH_MILLIS) {
                        producer.flush();
                        lastFlush = System.currentTimeMillis();
                    }
                    Thread.sleep(Math.max(1, Math.min(wait, Duration.between(Instant.now(), event.timestamp()).toMillis())));
                }
                if (!running) {
                    break;
                }
                producer.send(event);
                synchronized (sent) {
                    sent.add(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** How many events have been handed to the producer so far. */
    public int count() {
        synchronized (sent) {
            return sent.size();
        }
    }

    /** The events sent so far, in the order they were sent. */
    public List<StreamEvent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** Stops the feed, sends what the producer still holds, and closes it. */
    public void stop() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
        if (failure != null) {
            throw failure;
        }
    }
}
