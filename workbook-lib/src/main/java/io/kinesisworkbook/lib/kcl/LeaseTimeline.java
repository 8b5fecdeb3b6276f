package io.kinesisworkbook.lib.kcl;

import io.kinesisworkbook.lib.Wait;
import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.view.Charts;
import io.kinesisworkbook.lib.view.TimeSeriesChart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * How many leases each worker of a KCL application held, over time: a thread of its own reads the
 * lease table every {@code every} and notes, per worker, the leases it holds on shards still being
 * read (a lease at SHARD_END is finished work, and a lease without an owner is nobody's).
 *
 * <pre>{@code
 * try (LeaseTimeline leases = LeaseTimeline.start(app::leases, Duration.ofMillis(250))) {
 *     leases.mark("worker-2 starts");
 *     app.startWorker("worker-2");
 *     leases.awaitHeld("worker-2", 2, Duration.ofMinutes(1));   // the leader moved two leases
 *     Show.chart(leases.chart("Leases held per worker"));
 * }
 * }</pre>
 *
 * <p>Waiting for a condition with a generous timeout, rather than sampling for a fixed time, lets
 * a busy machine take as long as it needs and a quick one go on at once.
 */
public final class LeaseTimeline implements AutoCloseable {

    private final Supplier<List<LeaseRow>> leases;
    private final long startNanos = System.nanoTime();
    private final List<Double> seconds = new ArrayList<>();
    private final List<Map<String, Integer>> held = new ArrayList<>();
    private final Set<String> workers = new TreeSet<>();
    private final Map<String, Double> marks = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private LeaseTimeline(Supplier<List<LeaseRow>> leases, Duration every) {
        this.leases = leases;
        this.sampler = new Thread(() -> sampleEvery(every), "lease-timeline");
        sampler.setDaemon(true);
    }

    /** Starts sampling {@code leases} (an application's {@code app::leases}) every {@code every}. */
    public static LeaseTimeline start(Supplier<List<LeaseRow>> leases, Duration every) {
        LeaseTimeline timeline = new LeaseTimeline(leases, every);
        timeline.sample();
        timeline.sampler.start();
        return timeline;
    }

    /**
     * Waits until {@code worker} holds {@code count} leases, then one more second so the chart shows
     * the new state settled; throws after {@code timeout}.
     */
    public void awaitHeld(String worker, int count, Duration timeout) {
        Wait.until(worker + " to hold " + count + " leases", timeout, () -> {
            if (failure != null) {
                throw failure;
            }
            return heldBy(worker) == count;
        });
        pause(Duration.ofSeconds(1));
    }

    /** How many leases {@code worker} held at the latest sample. */
    public synchronized int heldBy(String worker) {
        return held.isEmpty() ? 0 : held.get(held.size() - 1).getOrDefault(worker, 0);
    }

    /** Every worker that held a lease at some sample, by name. */
    public synchronized Set<String> workers() {
        return Set.copyOf(workers);
    }

    /** Notes that something happened now ("worker-1 crashes"): the chart draws it as a vertical line. */
    public synchronized void mark(String what) {
        marks.put(what, (System.nanoTime() - startNanos) / 1e9);
    }

    /** One line per worker: leases held against seconds since sampling started; each mark a vertical line. */
    public synchronized TimeSeriesChart chart(String title) {
        TimeSeriesChart chart = Charts.timeSeries(title).xAxis("seconds").yAxis("leases held");
        double[] times = seconds.stream().mapToDouble(Double::doubleValue).toArray();
        for (String worker : workers) {
            chart.series(worker, times, held.stream().mapToDouble(sample -> sample.getOrDefault(worker, 0)).toArray());
        }
        double top = Math.max(1, held.stream().flatMap(sample -> sample.values().stream()).mapToInt(Integer::intValue)
                .max().orElse(1));
        marks.forEach((what, at) -> chart.series(what, new double[] {at, at}, new double[] {0, top}));
        return chart;
    }

    /** Stops sampling. */
    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleEvery(Duration every) {
        while (running) {
            try {
                Thread.sleep(every.toMillis());
                sample();
            } catch (InterruptedException stopped) {
                return;
            } catch (RuntimeException e) {
                failure = e;
                return;
            }
        }
    }

    private void sample() {
        Map<String, Integer> now = new TreeMap<>();
        for (LeaseRow lease : leases.get()) {
            if (!lease.owner().isEmpty() && !"SHARD_END".equals(lease.checkpoint())) {
                now.merge(lease.owner(), 1, Integer::sum);
            }
        }
        synchronized (this) {
            seconds.add((System.nanoTime() - startNanos) / 1e9);
            held.add(now);
            workers.addAll(now.keySet());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbookException("Interrupted while watching the lease table.");
        }
    }
}
