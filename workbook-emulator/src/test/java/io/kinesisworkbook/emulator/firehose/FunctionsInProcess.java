package io.kinesisworkbook.emulator.firehose;

import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Lambda functions as Java lambdas on JSON bytes, which a test can make fail for the next few
 * invocations. (The end-to-end test deploys a real function jar to the emulator's Lambda.)
 */
final class FunctionsInProcess implements FunctionInvoker {

    private final Map<String, UnaryOperator<byte[]>> functions = new ConcurrentHashMap<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private final AtomicInteger invocations = new AtomicInteger();

    void define(String arn, UnaryOperator<byte[]> function) {
        functions.put(arn, function);
    }

    void failNextInvocations(int count) {
        failuresToCome.set(count);
    }

    int invocations() {
        return invocations.get();
    }

    @Override
    public Invocation invoke(String region, String functionNameOrArn, byte[] payload) {
        UnaryOperator<byte[]> function = functions.get(functionNameOrArn);
        if (function == null) {
            throw new FunctionNotFoundException("Function not found: " + functionNameOrArn);
        }
        invocations.incrementAndGet();
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Invocation("{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.RuntimeException\"}".getBytes(),
                    "Unhandled", "");
        }
        return new Invocation(function.apply(payload), null, "");
    }

    @Override
    public void invokeAsync(String region, String functionNameOrArn, byte[] payload) {
        invoke(region, functionNameOrArn, payload);
    }

    @Override
    public boolean exists(String region, String functionNameOrArn) {
        return functions.containsKey(functionNameOrArn);
    }
}
