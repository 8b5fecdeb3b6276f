package io.kinesisworkbook.lib.producer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs an action at a steady rate by the clock: event {@code n} is due at {@code start + n / rate}.
 *
 * <pre>{@code
 * int made = Pacer.perSecond(100).run(Duration.ofSeconds(15), n -> producer.send(clicks.next()));   // 1,500
 * }</pre>
 *
 * <p>Why not {@code Thread.sleep(10)} between events? Because the sleep comes on top of the work: a
 * loop that sleeps 10 ms and then spends a few milliseconds sending makes fewer than 100 events a
 * second, and fewer still on a busy laptop. The pacer waits for each event's due time instead, and
 * when an action runs late (a slow flush, a pause of the garbage collector) it runs the next ones at
 * once until it has caught up. So a run makes exactly {@code rate x duration} events, spread as
 * evenly as the machine allows, and a notebook can say how many it made before it runs.
 */
public final class Pacer {

    private final double perSecond;

    private Pacer(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("A pacer needs a positive rate, got " + perSecond);
        }
        this.perSecond = perSecond;
    }

    /** A pacer that runs an action {@code perSecond} times a second. */
    public static Pacer perSecond(double perSecond) {
        return new Pacer(perSecond);
    }

    /** How many events a run of {@code duration} makes: the rate times the duration, rounded. */
    public int eventsIn(Duration duration) {
        return (int) Math.round(perSecond * duration.toNanos() / 1e9);
    }

    /**
     * Calls {@code action} with 0, 1, 2, ... each at its due time, for {@code duration}; returns how
     * many it called, which is {@link #eventsIn(Duration)}.
     */
    public int run(Duration duration, IntConsumer action) {
        int events = eventsIn(duration);
        long start = System.nanoTime();
        for (int n = 0; n < events; n++) {
            waitUntil(start + (long) (n * 1e9 / perSecond));
            action.accept(n);
        }
        return events;
    }

    /**
     * The same run on a thread of its own, so that the cell can read while it writes; the future
     * completes with the number of events, or with the action's exception.
     */
    public CompletableFuture<Integer> runInBackground(Duration duration, IntConsumer action) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                done.complete(run(duration, action));
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "pacer");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private void waitUntil(long dueNanos) {
        long left;
        while ((left = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while pacing events");
            }
        }
    }
}
