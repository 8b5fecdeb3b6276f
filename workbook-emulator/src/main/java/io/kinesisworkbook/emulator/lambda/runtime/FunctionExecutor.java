package io.kinesisworkbook.emulator.lambda.runtime;

import io.kinesisworkbook.emulator.EmulatorClock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs invocations: each on a thread of a bounded pool (the emulator's concurrency limit), with the
 * function's timeout enforced, its output captured and AWS's START, END and REPORT lines written.
 *
 * <p>Time here is the wall clock (a function really runs); log timestamps come from the emulator's
 * clock.
 */
public final class FunctionExecutor implements AutoCloseable {

    /** Concurrent executions across all functions; past it invocations are throttled, as AWS's account limit. */
    public static final int MAX_CONCURRENT_EXECUTIONS = 64;
    /** AWS gives a function's initialisation 10 seconds, apart from its timeout. */
    static final long INIT_LIMIT_MILLIS = 10_000;
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final EmulatorClock clock;
    private final RuntimeApiClassLoader runtimeApi = new RuntimeApiClassLoader();
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;

    public FunctionExecutor(EmulatorClock clock) {
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        workers = new ThreadPoolExecutor(0, MAX_CONCURRENT_EXECUTIONS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> daemon(runnable, "lambda-invocation-" + threads.incrementAndGet()));
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, "lambda-timeouts"));
        scheduler.setRemoveOnCancelPolicy(true);
        timer = scheduler;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A runtime for a function setup; its class loader is made on its first invocation. */
    public FunctionRuntime runtime(FunctionSetup setup, DeploymentPackage code) {
        return new FunctionRuntime(setup, code, runtimeApi);
    }

    /** The emulator's own scheduler, for retries and pollers that wait without holding a thread. */
    public ScheduledExecutorService scheduler() {
        return timer;
    }

    /**
     * Starts an invocation.
     *
     * @param invokedArn the ARN the caller named (with its qualifier), for {@code Context.getInvokedFunctionArn}
     * @throws ThrottledException when every execution slot is taken
     */
    public CompletableFuture<InvocationResult> invoke(FunctionRuntime runtime, String invokedArn, byte[] payload) {
        Invocation invocation = new Invocation(runtime, invokedArn, payload);
        try {
            workers.execute(invocation::run);
        } catch (RejectedExecutionException e) {
            throw new ThrottledException();
        }
        return invocation.result;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }

    private static long allocatedBytes(Thread thread) {
        if (java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
            return threads.getThreadAllocatedBytes(thread.getId());
        }
        return 0;
    }

    /** Every execution slot is taken: AWS's TooManyRequestsException. */
    public static final class ThrottledException extends RuntimeException {
        ThrottledException() {
            super("Rate Exceeded.", null, false, false);
        }
    }

    /** One invocation in flight; whichever of the function and its timer finishes first answers. */
    private final class Invocation {
        final FunctionRuntime runtime;
        final FunctionSetup setup;
        final String invokedArn;
        final byte[] payload;
        final String requestId = UUID.randomUUID().toString();
        final InvocationLog log = new InvocationLog();
        final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
        final AtomicBoolean answered = new AtomicBoolean();
        volatile Thread thread;
        volatile long startNanos;
        volatile long startAllocated;
        volatile long initNanos = -1;
        volatile ScheduledFuture<?> deadline;

        Invocation(FunctionRuntime runtime, String invokedArn, byte[] payload) {
            this.runtime = runtime;
            this.setup = runtime.setup();
            this.invokedArn = invokedArn;
            this.payload = payload;
        }

        void run() {
            Thread current = Thread.currentThread();
            thread = current;
            startNanos = System.nanoTime();
            startAllocated = allocatedBytes(current);
            log.line("START RequestId: " + requestId + " Version: " + setup.version());
            ClassLoader previousLoader = current.getContextClassLoader();
            FunctionEnvironment.set(setup.environment());
            OutputCapture.begin(log);
            FunctionRuntime.Environment environment = runtime.takeIdle();
            boolean reusable = false;
            try {
                if (environment == null) {
                    arm(INIT_LIMIT_MILLIS + setup.timeoutSeconds() * 1000L);
                    long initStart = System.nanoTime();
                    environment = runtime.newEnvironment();
                    initNanos = System.nanoTime() - initStart;
                }
                long timeoutNanos = setup.timeoutSeconds() * 1_000_000_000L;
                long handlerStart = System.nanoTime();
                arm(setup.timeoutSeconds() * 1000L);
                current.setContextClassLoader(runtime.classLoader());
                InvocationContext context = new InvocationContext(requestId, setup, invokedArn,
                        handlerStart + timeoutNanos, log);
                byte[] answer = environment.handler().invoke(environment.instance(), payload, context);
                reusable = true;
                finish(answer, null, null);
            } catch (HandlerMethod.HandlerNotFoundException e) {
                log.line(e.getMessage() + ": " + e.errorType);
                finish(ErrorDocument.of(e.getMessage(), e.errorType, e.getCause()), "Unhandled", null);
            } catch (HandlerMethod.PayloadException e) {
                reusable = true;
                log.line(e.getMessage() + ": java.lang.RuntimeException");
                finish(ErrorDocument.of(withCause(e)), "Unhandled", null);
            } catch (Throwable e) {
                reusable = !(e instanceof Error);
                if (!answered.get()) {
                    log.line(ErrorDocument.logText(e));
                }
                finish(ErrorDocument.of(e), "Unhandled", null);
            } finally {
                OutputCapture.end();
                FunctionEnvironment.clear();
                current.setContextClassLoader(previousLoader);
                synchronized (this) {
                    thread = null; // from here on the timer cannot interrupt this (pooled) thread
                }
                Thread.interrupted();
                runtime.release(environment, reusable && !timedOut());
            }
        }

        private boolean timedOut() {
            return answered.get() && timedOut;
        }

        private volatile boolean timedOut;

        private Throwable withCause(HandlerMethod.PayloadException e) {
            RuntimeException wrapper = new RuntimeException(e.getMessage(), e.getCause());
            wrapper.setStackTrace(new StackTraceElement[0]);
            return wrapper;
        }

        private void arm(long millis) {
            ScheduledFuture<?> previous = deadline;
            if (previous != null) {
                previous.cancel(false);
            }
            deadline = timer.schedule(this::timeOut, millis, TimeUnit.MILLISECONDS);
        }

        /** The function ran past its timeout: answer for it, then stop its thread. */
        private void timeOut() {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            timedOut = true;
            String seconds = String.format(Locale.ROOT, "%d.00", setup.timeoutSeconds());
            log.line(LOG_TIME.format(clock.now()) + " " + requestId + " Task timed out after " + seconds + " seconds");
            complete(ErrorDocument.plain("RequestId: " + requestId + " Error: Task timed out after " + seconds + " seconds",
                    "Sandbox.Timedout"), "Unhandled", "timeout");
            synchronized (this) {
                if (thread != null) {
                    thread.interrupt();
                }
            }
        }

        private void finish(byte[] answer, String functionError, String status) {
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (answered.compareAndSet(false, true)) {
                complete(answer, functionError, status);
            }
        }

        private void complete(byte[] answer, String functionError, String status) {
            double millis = (System.nanoTime() - startNanos - Math.max(0, initNanos)) / 1e6;
            double initMillis = initNanos < 0 ? 0 : initNanos / 1e6;
            log.line("END RequestId: " + requestId);
            StringBuilder report = new StringBuilder("REPORT RequestId: ").append(requestId)
                    .append("\tDuration: ").append(String.format(Locale.ROOT, "%.2f", millis)).append(" ms")
                    .append("\tBilled Duration: ").append((long) Math.ceil(millis + initMillis)).append(" ms")
                    .append("\tMemory Size: ").append(setup.memorySize()).append(" MB")
                    .append("\tMax Memory Used: ").append(memoryUsedMb()).append(" MB");
            if (initNanos >= 0) {
                report.append("\tInit Duration: ").append(String.format(Locale.ROOT, "%.2f", initMillis)).append(" ms");
            }
            if (status != null) {
                report.append("\tStatus: ").append(status);
            }
            log.line(report.append('\t').toString());
            log.close();
            result.complete(new InvocationResult(requestId, answer, functionError, log, setup.version()));
        }

        /**
         * What the invocation's thread allocated, in MB, at most the function's memory: the JVM has no
         * per-function resident memory to report, so this stands in for it.
         */
        private long memoryUsedMb() {
            Thread running = thread;
            long bytes = running == null ? 0 : Math.max(0, allocatedBytes(running) - startAllocated);
            return Math.max(1, Math.min(setup.memorySize(), bytes / (1024 * 1024)));
        }
    }
}
