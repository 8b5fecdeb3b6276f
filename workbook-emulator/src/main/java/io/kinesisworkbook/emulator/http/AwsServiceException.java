package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error in AWS's own shape: the exception type the SDK maps to a Java exception class, the
 * message AWS gives, and the HTTP status AWS answers with.
 */
public class AwsServiceException extends RuntimeException {

    private final String errorType;
    private final int status;
    private final ObjectNode details;

    public AwsServiceException(String errorType, String message, int status) {
        this(errorType, message, status, null);
    }

    private AwsServiceException(String errorType, String message, int status, ObjectNode details) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.status = status;
        this.details = details;
    }

    /**
     * The same error with more members in its body, as some errors carry: DynamoDB's
     * TransactionCanceledException lists its {@code CancellationReasons}, a failed condition the {@code Item}.
     */
    public AwsServiceException withDetails(ObjectNode details) {
        return new AwsServiceException(errorType, getMessage(), status, details);
    }

    /** A client error: AWS answers every one of them with 400. */
    public static AwsServiceException clientError(String errorType, String message) {
        return new AwsServiceException(errorType, message, 400);
    }

    public static AwsServiceException serialization(String message) {
        return clientError("SerializationException", message);
    }

    public static AwsServiceException unknownOperation(String target) {
        return clientError("UnknownOperationException", target == null
                ? "Missing X-Amz-Target header" : "Unknown operation " + target);
    }

    public static AwsServiceException internalFailure() {
        return new AwsServiceException("InternalFailure",
                "The request processing has failed because of an unknown error, exception or failure.", 500);
    }

    public String errorType() {
        return errorType;
    }

    public int status() {
        return status;
    }

    /** Members the error's body carries besides {@code __type} and {@code message}, or null. */
    public ObjectNode details() {
        return details;
    }
}
