package io.kinesisworkbook.emulator.lambda.runtime;

/**
 * One invocation's answer.
 *
 * @param requestId     its request id
 * @param payload       the function's result, or AWS's error document
 * @param functionError null, or {@code Unhandled} (a thrown error, a timeout, a failed init)
 * @param log           the invocation's log
 * @param version       the version that ran ({@code X-Amz-Executed-Version})
 */
public record InvocationResult(String requestId, byte[] payload, String functionError, InvocationLog log, String version) {

    public boolean failed() {
        return functionError != null;
    }
}
