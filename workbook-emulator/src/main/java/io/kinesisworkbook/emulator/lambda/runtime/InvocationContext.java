package io.kinesisworkbook.emulator.lambda.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The {@link Context} a handler gets: who it is, how much time it has left, where it logs. */
final class InvocationContext implements Context {

    private final String requestId;
    private final FunctionSetup setup;
    private final String invokedArn;
    private final long deadlineNanos;
    private final InvocationLog log;

    InvocationContext(String requestId, FunctionSetup setup, String invokedArn, long deadlineNanos, InvocationLog log) {
        this.requestId = requestId;
        this.setup = setup;
        this.invokedArn = invokedArn;
        this.deadlineNanos = deadlineNanos;
        this.log = log;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + setup.functionName();
    }

    @Override
    public String getLogStreamName() {
        return setup.logStreamName();
    }

    @Override
    public String getFunctionName() {
        return setup.functionName();
    }

    @Override
    public String getFunctionVersion() {
        return setup.version();
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        return (int) Math.max(0, remaining);
    }

    @Override
    public int getMemoryLimitInMB() {
        return setup.memorySize();
    }

    @Override
    public LambdaLogger getLogger() {
        return log;
    }
}
