package io.kinesisworkbook.emulator.lambda;

import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.lambda.runtime.FunctionExecutor;
import io.kinesisworkbook.emulator.lambda.runtime.InvocationResult;
import io.kinesisworkbook.emulator.metrics.MetricsSink;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Invokes functions: for the Invoke API, and for the emulator's other services through
 * {@link FunctionInvoker} (Firehose's transforms, event source mappings), as AWS's own services
 * invoke functions.
 */
public final class LambdaInvoker implements FunctionInvoker {

    /** How often an asynchronous invocation that failed is tried again, and after how long: AWS's defaults. */
    private static final long[] ASYNC_RETRY_DELAYS_SECONDS = {60, 120};
    /** A throttled internal invocation waits and tries again, as AWS's services do, for up to a minute. */
    private static final long THROTTLE_PATIENCE_MILLIS = 60_000;

    private final LambdaContext context;
    private final LambdaMetrics metrics;

    LambdaInvoker(LambdaContext context, LambdaMetrics metrics) {
        this.metrics = metrics;
        this.context = context;
    }

    /** A version ready to invoke, and the ARN it was invoked by. */
    record Resolved(LambdaFunction function, FunctionVersion version, String invokedArn) {
    }

    /**
     * Finds what an invocation runs.
     *
     * @throws AwsServiceException ResourceNotFoundException (404) or ResourceConflictException (409, not Active yet)
     */
    Resolved resolve(String region, String functionName, String qualifierParameter) {
        FunctionRegistry.FunctionName name = FunctionRegistry.parse(functionName, region);
        if (name == null) {
            throw LambdaErrors.functionNotFound(context.functions.arn(region, String.valueOf(functionName)));
        }
        String qualifier = qualifierParameter != null ? qualifierParameter : name.qualifier();
        String arn = context.functions.arn(name.region(), name.name());
        LambdaFunction function = context.functions.find(name.region(), name.name());
        if (function == null) {
            throw LambdaErrors.functionNotFound(qualifier == null ? arn : arn + ":" + qualifier);
        }
        FunctionVersion version = function.invokable(qualifier);
        if (version == null) {
            throw LambdaErrors.functionNotFound(arn + ":" + qualifier);
        }
        if (function.state().equals("Pending")) {
            throw LambdaErrors.notReady(function);
        }
        return new Resolved(function, version, qualifier == null ? arn : arn + ":" + qualifier);
    }

    /** Starts one invocation; {@link FunctionExecutor.ThrottledException} when no slot is free. */
    CompletableFuture<InvocationResult> start(Resolved target, byte[] payload) {
        String name = target.function().name();
        CompletableFuture<InvocationResult> running;
        try {
            running = context.executor.invoke(target.version().runtime(), target.invokedArn(), payload);
        } catch (FunctionExecutor.ThrottledException e) {
            metrics.throttled(name);
            throw e;
        }
        long started = System.nanoTime();
        metrics.started(name);
        return running.whenComplete((result, failure) -> metrics.finished(name, failure != null || result.failed(),
                MetricsSink.millisSince(started)));
    }

    /**
     * What another service's invocation runs; a function that does not exist is
     * {@link FunctionNotFoundException}, other refusals (not Active yet) come back as AWS's error.
     */
    private Resolved resolveForService(String region, String functionNameOrArn) {
        try {
            return resolve(region, functionNameOrArn, null);
        } catch (AwsServiceException e) {
            if (e.status() == 404) {
                throw new FunctionNotFoundException(e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public Invocation invoke(String region, String functionNameOrArn, byte[] payload) {
        Resolved target;
        try {
            target = resolveForService(region, functionNameOrArn);
        } catch (AwsServiceException e) {
            return failure(e);
        }
        long giveUp = System.currentTimeMillis() + THROTTLE_PATIENCE_MILLIS;
        long pause = 10;
        while (true) {
            try {
                InvocationResult result = start(target, payload).join();
                return new Invocation(result.payload(), result.functionError(), result.log().text());
            } catch (FunctionExecutor.ThrottledException e) {
                if (System.currentTimeMillis() > giveUp) {
                    return failure(LambdaErrors.throttled());
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return failure(LambdaErrors.throttled());
                }
                pause = Math.min(1000, pause * 2);
            }
        }
    }

    @Override
    public void invokeAsync(String region, String functionNameOrArn, byte[] payload) {
        Resolved target;
        try {
            target = resolveForService(region, functionNameOrArn);
        } catch (AwsServiceException e) {
            throw new FunctionNotReadyException(e.getMessage());
        }
        invokeAsync(target, payload);
    }

    @Override
    public boolean exists(String region, String functionNameOrArn) {
        try {
            resolve(region, functionNameOrArn, null);
            return true;
        } catch (AwsServiceException e) {
            return e.status() != 404;
        }
    }

    /** An invocation that could not start, answered as its caller (a Firehose, a mapping) would see it. */
    private static Invocation failure(AwsServiceException e) {
        String document = "{\"errorType\":\"" + e.errorType() + "\",\"errorMessage\":"
                + LambdaJson.MAPPER.valueToTree(e.getMessage()) + "}";
        return new Invocation(document.getBytes(StandardCharsets.UTF_8), "Unhandled", "");
    }

    /**
     * Runs an invocation in the background (InvocationType Event): queued while every slot is taken,
     * and tried twice more, a minute and then two minutes later, if the function fails, as AWS does.
     */
    void invokeAsync(Resolved target, byte[] payload) {
        attemptAsync(target, payload, 0);
    }

    private void attemptAsync(Resolved target, byte[] payload, int attempt) {
        CompletableFuture<InvocationResult> running;
        try {
            running = start(target, payload);
        } catch (FunctionExecutor.ThrottledException e) {
            schedule(() -> attemptAsync(target, payload, attempt), 100, TimeUnit.MILLISECONDS);
            return;
        }
        running.thenAccept(result -> {
            if (result.failed() && attempt < ASYNC_RETRY_DELAYS_SECONDS.length) {
                schedule(() -> attemptAsync(target, payload, attempt + 1), ASYNC_RETRY_DELAYS_SECONDS[attempt], TimeUnit.SECONDS);
            }
        });
    }

    private void schedule(Runnable task, long delay, TimeUnit unit) {
        try {
            context.executor.scheduler().schedule(task, delay, unit);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The emulator is closing: queued work goes with it.
        }
    }
}
