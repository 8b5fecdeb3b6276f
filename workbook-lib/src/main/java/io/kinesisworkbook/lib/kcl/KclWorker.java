package io.kinesisworkbook.lib.kcl;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.coordinator.WorkerStateChangeListener;
import software.amazon.kinesis.coordinator.WorkerStateChangeListener.WorkerState;

/**
 * One KCL worker: a {@link Scheduler} running on its own thread, holding leases on some of the
 * stream's shards and processing them. Start one with {@link KclApplication#startWorker(String)}.
 *
 * <p>It ends in one of two ways, and a notebook can compare them:
 * <ul>
 *   <li>{@link #shutdown()}: KCL's graceful shutdown. Every record processor checkpoints, the worker
 *       stops renewing its leases, and once they expire (the failover time) the leader gives them to
 *       the other workers, which go on after the checkpoint: nothing is processed twice.</li>
 *   <li>{@link #crash()}: the worker stops dead, mid-batch, without checkpointing. Its leases stay in
 *       its name until they expire; the next owners start again from the last checkpoint, so the
 *       records processed since then are processed twice.</li>
 * </ul>
 */
public final class KclWorker {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final String id;
    private final Scheduler scheduler;
    private final Thread thread;
    private final AtomicBoolean crashed = new AtomicBoolean();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile WorkerState state = WorkerState.CREATED;

    private KclWorker(KclSettings settings, String id, ProcessorFactory processors) {
        this.id = id;
        this.scheduler = SchedulerFactory.create(settings, id, () -> processors.create(id, crashed::get), new Listener());
        this.thread = new Thread(scheduler, "kcl-" + settings.application() + "-" + id);
        // A notebook kernel or test JVM must be able to exit with a worker still running.
        thread.setDaemon(true);
    }

    /** Starts a worker and waits until KCL has initialized it (its leases follow within a few seconds). */
    static KclWorker start(KclSettings settings, String id, ProcessorFactory processors, Duration timeout) {
        KclWorker worker = new KclWorker(settings, id, processors);
        worker.thread.start();
        worker.awaitStarted(timeout);
        return worker;
    }

    public String id() {
        return id;
    }

    /** Whether the worker's scheduler is still running (it may be shutting down). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** KCL's name for where the worker is: INITIALIZING, STARTED, SHUT_DOWN_STARTED, SHUT_DOWN. */
    public String state() {
        return state.name();
    }

    /** Whether {@link #crash()} stopped this worker. */
    public boolean crashed() {
        return crashed.get();
    }

    /**
     * Stops the worker as if its process died: its record processors neither process nor checkpoint
     * anything more, and its leases are not given up, so other workers take them only when they
     * expire, from the last checkpoint.
     *
     * <p>One difference from a real crash: KCL's shutdown gives up the leader lock if this worker
     * holds it. KCL 3.5.1 never takes over a leader lock that its holder did not give up (a dead
     * leader's lock looks held forever, awslabs/amazon-kinesis-client#1803), so after a real crash of
     * the leader nobody would reassign leases until the lock item was deleted by hand.
     */
    public void crash() {
        crashed.set(true);
        scheduler.shutdown();
        join(STOP_TIMEOUT);
    }

    /** {@link #shutdown(Duration)} with a minute to finish. */
    public boolean shutdown() {
        return shutdown(STOP_TIMEOUT);
    }

    /**
     * Shuts the worker down gracefully: each record processor checkpoints what it processed, then the
     * worker stops. Returns whether that finished within {@code timeout}; if not, the worker is
     * stopped as {@link #crash()} stops it.
     */
    public boolean shutdown(Duration timeout) {
        if (!thread.isAlive()) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            boolean graceful = scheduler.startGracefulShutdown().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))) && graceful;
        } catch (TimeoutException | ExecutionException e) {
            scheduler.shutdown();
            join(STOP_TIMEOUT);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.shutdown();
            return false;
        }
    }

    @Override
    public String toString() {
        return "KCL worker " + id + " (" + (crashed() ? "crashed" : state()) + ")";
    }

    private void awaitStarted(Duration timeout) {
        try {
            started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("KCL worker " + id + " could not start: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            scheduler.shutdown();
            throw new IllegalStateException("KCL worker " + id + " did not start within " + timeout.toSeconds()
                    + " s (it was " + state + "); it has been stopped.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.shutdown();
            throw new IllegalStateException("Interrupted while KCL worker " + id + " was starting", e);
        }
    }

    private boolean join(Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** Follows the worker through KCL's states, so {@link #start} can wait for STARTED. */
    private final class Listener implements WorkerStateChangeListener {

        @Override
        public void onWorkerStateChange(WorkerState newState) {
            state = newState;
            if (newState == WorkerState.STARTED) {
                started.complete(null);
            } else if (newState == WorkerState.SHUT_DOWN) {
                started.completeExceptionally(new IllegalStateException("shut down before it started"));
            }
        }

        @Override
        public void onAllInitializationAttemptsFailed(Throwable e) {
            started.completeExceptionally(e);
        }
    }
}
