package io.kinesisworkbook.emulator.lambda;

/**
 * What the emulator's other services need of Lambda: Firehose runs its transform function and an
 * event source mapping runs its consumer function through it, synchronously, as AWS does; S3
 * notifications and EventBridge rules invoke functions asynchronously. The Lambda service implements
 * it; a test can wrap it to make a function fail for a while.
 */
public interface FunctionInvoker {

    /**
     * Invokes a function and waits for its answer.
     *
     * @param region            the function's region
     * @param functionNameOrArn its name, or its ARN (with an optional version or alias)
     * @param payload           the event, JSON as UTF-8 bytes
     * @return the answer; a function that threw or timed out is an answer too ({@link Invocation#functionError})
     * @throws FunctionNotFoundException when there is no such function
     */
    Invocation invoke(String region, String functionNameOrArn, byte[] payload);

    /**
     * Queues an invocation and returns at once (InvocationType Event), as S3 and EventBridge invoke
     * functions: a function that then fails is Lambda's to retry, not the caller's.
     *
     * @throws FunctionNotFoundException when there is no such function
     * @throws FunctionNotReadyException when it cannot take invocations now (still Pending): try later
     */
    void invokeAsync(String region, String functionNameOrArn, byte[] payload);

    /** Whether the function exists (S3 checks a notification's destination before it accepts it). */
    boolean exists(String region, String functionNameOrArn);

    /**
     * One invocation's answer, as Invoke returns it.
     *
     * @param payload       the function's result (JSON), or AWS's error document when it failed
     * @param functionError null on success, else "Unhandled" (AWS's value for a thrown error or a timeout)
     * @param log           what the function logged
     */
    record Invocation(byte[] payload, String functionError, String log) {

        public boolean failed() {
            return functionError != null;
        }
    }

    class FunctionNotFoundException extends RuntimeException {
        public FunctionNotFoundException(String message) {
            super(message);
        }
    }

    class FunctionNotReadyException extends RuntimeException {
        public FunctionNotReadyException(String message) {
            super(message);
        }
    }
}
