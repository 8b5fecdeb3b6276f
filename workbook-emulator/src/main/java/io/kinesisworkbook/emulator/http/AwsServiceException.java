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
    private final String queryCode;

    public AwsServiceException(String errorType, String message, int status) {
        this(errorType, message, status, null, null);
    }

    private AwsServiceException(String errorType, String message, int status, ObjectNode details, String queryCode) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.status = status;
        this.details = details;
        this.queryCode = queryCode;
    }

    /**
     * An error of a service that speaks the query protocol besides JSON or CBOR (AWS's
     * "awsQueryCompatible" services, such as CloudWatch): its JSON and CBOR shape is {@code errorType}
     * (e.g. {@code InvalidParameterValueException}), its query code {@code queryCode}
     * (e.g. {@code InvalidParameterValue}), which JSON and CBOR answers carry in the
     * {@code x-amzn-query-error} header so that clients can report the code the query protocol gives.
     */
    public static AwsServiceException queryCompatible(String errorType, String queryCode, String message, int status) {
        return new AwsServiceException(errorType, message, status, null, queryCode);
    }

    /**
     * The same error with more members in its body, as some errors carry: DynamoDB's
     * TransactionCanceledException lists its {@code CancellationReasons}, a failed condition the {@code Item}.
     */
    public AwsServiceException withDetails(ObjectNode details) {
        return new AwsServiceException(errorType, getMessage(), status, details, queryCode);
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

    /** The query protocol's answer to an action a service does not have. */
    public static AwsServiceException invalidAction(String action) {
        // AWS's common error text for every query API ("Common Errors" in each API reference)
        return queryCompatible("InvalidAction", "InvalidAction",
                "The action or operation requested is invalid. Verify that the action is typed correctly.", 400);
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

    /** The error's code in the query protocol: {@link #queryCompatible}'s, or the error type. */
    public String queryCode() {
        return queryCode != null ? queryCode : errorType;
    }

    /** Whether the error has a query code of its own, which JSON and CBOR answers name in a header. */
    public boolean isQueryCompatible() {
        return queryCode != null;
    }

    /** Members the error's body carries besides {@code __type} and {@code message}, or null. */
    public ObjectNode details() {
        return details;
    }
}
