package io.kinesisworkbook.emulator.lambda.runtime;

import java.io.IOException;
import java.net.URLClassLoader;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One function setup (code and configuration) ready to run: its class loader, its handler, and its
 * idle execution environments.
 *
 * <p>An execution environment here is one instance of the handler class, used by one invocation at
 * a time and kept for the next (a warm start); an invocation that finds none idle makes one (a cold
 * start, with an {@code Init Duration}). All environments of a setup share its class loader, so the
 * handler class's static initialiser runs once per setup rather than once per environment as on
 * AWS, where each environment is a JVM of its own.
 */
public final class FunctionRuntime {

    private final FunctionSetup setup;
    private final DeploymentPackage code;
    private final RuntimeApiClassLoader runtimeApi;
    private final ConcurrentLinkedDeque<Environment> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean retired;
    private URLClassLoader loader;
    private HandlerMethod handler;
    private PayloadMapper mapper;

    FunctionRuntime(FunctionSetup setup, DeploymentPackage code, RuntimeApiClassLoader runtimeApi) {
        this.setup = setup;
        this.code = code;
        this.runtimeApi = runtimeApi;
    }

    public FunctionSetup setup() {
        return setup;
    }

    /** One handler instance and the method it runs. */
    record Environment(HandlerMethod handler, Object instance) {
    }

    /** Takes an idle environment, or null when there is none (the caller then makes one, cold). */
    Environment takeIdle() {
        busy.incrementAndGet();
        return idle.pollFirst();
    }

    /**
     * Makes a new environment: loads the handler class (once per setup) and makes an instance.
     * A failed initialisation leaves nothing behind, so the next invocation tries again from a new
     * class loader, as AWS starts a new environment after a failed init.
     */
    Environment newEnvironment() throws Throwable {
        HandlerMethod method = handler();
        return new Environment(method, method.newInstance());
    }

    private synchronized HandlerMethod handler() throws Throwable {
        if (handler != null) {
            return handler;
        }
        // Unnamed on purpose: a named loader prefixes every stack frame with its name, and the error
        // documents show frames as AWS's do ("demo.Handler.handleRequest(Handler.java:12)").
        loader = new URLClassLoader(code.classPath(), runtimeApi);
        mapper = new PayloadMapper();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            handler = HandlerMethod.resolve(setup.handler(), loader, mapper);
            return handler;
        } catch (Throwable e) {
            closeLoader();
            throw e;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The class loader of the function's code, or the runtime API's before the first invocation. */
    synchronized ClassLoader classLoader() {
        return loader != null ? loader : runtimeApi;
    }

    /** Gives an environment back after an invocation; a timed-out one is dropped, as AWS resets it. */
    void release(Environment environment, boolean reusable) {
        if (environment != null && reusable && !retired) {
            idle.addFirst(environment);
        }
        if (busy.decrementAndGet() == 0 && retired) {
            closeQuietly();
        }
    }

    /** Done with this setup (new code or configuration, or the function deleted): close once idle. */
    public void retire() {
        retired = true;
        idle.clear();
        if (busy.get() == 0) {
            closeQuietly();
        }
    }

    private synchronized void closeQuietly() {
        closeLoader();
    }

    private void closeLoader() {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                // The loader's open jars are closed as far as they can be; nothing else holds them.
            }
        }
        loader = null;
        handler = null;
        mapper = null;
    }
}
