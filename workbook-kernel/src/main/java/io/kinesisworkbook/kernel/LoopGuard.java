package io.kinesisworkbook.kernel;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;

/**
 * Keeps the kernel's channel loops alive.
 *
 * <p>Each of the kernel's heartbeat, shell and control channels serves its socket from a loop
 * thread ({@code LoopThread}). In 3.0.1 the thread's {@code start()} starts the thread first and
 * only then sets its {@code running} flag; a new thread that checks the flag before it is set ends
 * at once. Its socket stays bound and the JVM stays up, but nothing answers on that channel: the
 * front end waits for a kernel that never replies ("Kernel didn't respond"). Under load this hit
 * about one start in seven on a 2-core machine. An exception in a loop body ends the thread the
 * same way.
 *
 * <p>This guard, a daemon thread, looks at the loop threads every 20 ms. A loop thread that has
 * ended while its {@code running} flag still says it should run is run again: its {@code run()}
 * (the same loop, over the same socket) is called on a new thread. It never replaces a kernel
 * class; it reads two private fields by reflection, and if the kernel's internals ever change it
 * says so on stderr and stands aside (the headless runner's bounded retry is the second line).
 *
 * <p>It is quiet about what happens on healthy starts: a loop that ended before it began (the race
 * above) or on the handler-map race ({@link KernelStartup#isHandlerMapRace}) is run again without a
 * word. A loop that died of anything else is a real failure: its stack trace is printed as Java
 * prints any uncaught exception, and the guard says that it restarted the loop. Set
 * {@code WORKBOOK_KERNEL_TRACE=1} to hear about every rescue (the start-up stress test does).
 */
final class LoopGuard implements Runnable {

    private static final long CHECK_EVERY_MILLIS = 20;
    private static final int MAX_RESCUES_PER_LOOP = 20;

    /** Why each loop thread ended, when it ended on an exception; written by the dying thread. */
    private static final Map<Thread, Throwable> DEATHS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Each loop thread of the kernel, and the thread running its loop now (itself, until it is rescued). */
    private final Map<Thread, Thread> runners = new HashMap<>();
    private final Map<Thread, Integer> rescues = new HashMap<>();
    /** The channels watched: the kernel's, once it has them (null before). */
    private final Supplier<Channels> watched;

    private LoopGuard(Supplier<Channels> watched) {
        this.watched = watched;
    }

    /** The kernel's channels, once {@code Channels.connect} has registered them. */
    static Channels kernelChannels() {
        return MainApp.kernel == null ? null : MainApp.kernel.channels();
    }

    /** Waits until a shutdown request has reached the kernel. */
    static void awaitShutdownRequest() throws InterruptedException {
        while (true) {
            Channels channels = kernelChannels();
            if (channels == null || channels.isMarkedForShutdown()) {
                return;
            }
            Thread.sleep(CHECK_EVERY_MILLIS);
        }
    }

    static void startWatching() {
        startWatching(LoopGuard::kernelChannels);
    }

    /** Watches other channels than the kernel's (a test's). */
    static void startWatching(Supplier<Channels> channels) {
        Thread.setDefaultUncaughtExceptionHandler(new LoopDeaths(Thread.getDefaultUncaughtExceptionHandler()));
        Thread guard = new Thread(new LoopGuard(channels), "workbook-loop-guard");
        guard.setDaemon(true);
        guard.start();
    }

    @Override
    public void run() {
        try {
            while (true) {
                Channels channels = watched.get();
                if (channels != null && channels.isMarkedForShutdown()) {
                    return;
                }
                if (channels != null) {
                    for (Thread loop : loopThreadsOf(channels)) {
                        rescueIfDead(loop);
                    }
                }
                Thread.sleep(CHECK_EVERY_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("[workbook kernel] loop guard stopped (" + e + "); kernel starts are no longer checked");
        }
    }

    private void rescueIfDead(Thread loop) throws ReflectiveOperationException {
        Thread runner = runners.getOrDefault(loop, loop);
        if (runner.getState() != Thread.State.TERMINATED || !shouldRun(loop)
                || rescues.getOrDefault(loop, 0) >= MAX_RESCUES_PER_LOOP) {
            return;
        }
        // The dead thread object still holds the loop, its socket and its flag: run that loop again.
        Thread again = new Thread(loop::run, loop.getName() + "-again");
        again.setDaemon(loop.isDaemon());
        again.start();
        runners.put(loop, again);
        rescues.merge(loop, 1, Integer::sum);
        Throwable death = DEATHS.remove(runner);
        boolean startupRace = death == null || KernelStartup.isHandlerMapRace(death);
        if (!startupRace) {
            System.err.println("[workbook kernel] the " + loop.getName() + " channel loop stopped on " + death
                    + "; restarted it");
        } else {
            KernelStartup.trace("restarted the " + loop.getName() + " channel loop, which had stopped"
                    + (death == null ? " before it began" : " on a request that came before the handlers"));
        }
    }

    /**
     * Notes why a channel loop thread died, for the guard, and keeps the start-up race's
     * NullPointerException off stderr. Every other uncaught exception is handled as before.
     */
    private record LoopDeaths(Thread.UncaughtExceptionHandler previous) implements Thread.UncaughtExceptionHandler {

        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            boolean loop = thread.getClass().getSimpleName().equals("LoopThread") || thread.getName().endsWith("-again");
            if (loop) {
                DEATHS.put(thread, e);
                if (KernelStartup.isHandlerMapRace(e)) {
                    return;
                }
            }
            if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                // What the JVM does when no handler is set (ThreadGroup.uncaughtException).
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        }
    }

    /** The channels' loop threads (heartbeat, shell, control, ...). */
    private static List<Thread> loopThreadsOf(Channels channels) throws ReflectiveOperationException {
        List<Thread> loops = new ArrayList<>();
        for (Field field : Channels.class.getDeclaredFields()) {
            if (AbstractChannel.class.isAssignableFrom(field.getType())) {
                field.setAccessible(true);
                Thread loop = loopThreadOf(field.get(channels));
                if (loop != null) {
                    loops.add(loop);
                }
            }
        }
        return loops;
    }

    private static Thread loopThreadOf(Object channel) throws ReflectiveOperationException {
        if (channel == null) {
            return null;
        }
        for (Field field : channel.getClass().getDeclaredFields()) {
            if (Thread.class.isAssignableFrom(field.getType())) {
                field.setAccessible(true);
                return (Thread) field.get(channel);
            }
        }
        return null;
    }

    /** The loop thread's own {@code running} flag: true until the kernel shuts the loop down. */
    private static boolean shouldRun(Thread loop) throws ReflectiveOperationException {
        Field running = loop.getClass().getDeclaredField("running");
        running.setAccessible(true);
        return running.getBoolean(loop);
    }
}
