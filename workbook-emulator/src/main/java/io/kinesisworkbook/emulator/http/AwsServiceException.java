package io.kinesisworkbook.emulator.http;

/**
 * An error in AWS's own shape: the exception type the SDK maps to a Java exception class, the
 * message AWS gives, and the HTTP status AWS answers with.
 */
public class AwsServiceException extends RuntimeException {

    private final String errorType;
    private final int status;

    public AwsServiceException(String errorType, String message, int status) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.status = status;
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
}
