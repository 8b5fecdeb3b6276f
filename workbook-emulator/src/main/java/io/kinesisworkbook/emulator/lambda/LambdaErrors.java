package io.kinesisworkbook.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.RestResponse;
import java.util.Set;

/**
 * Lambda's errors, in its REST-JSON shape: the type in {@code x-amzn-ErrorType}, a body of
 * {@code {"Type": "User", "message": "..."}}, and the status AWS gives each type.
 *
 * <p>Lambda's API model spells the message member two ways: {@code Message} for the types below,
 * {@code message} for the others (InvalidParameterValueException, ResourceConflictException,
 * TooManyRequestsException, ...). A client that reads the modelled name finds only that one.
 */
final class LambdaErrors {

    private static final Set<String> CAPITAL_MESSAGE = Set.of("ResourceNotFoundException", "ResourceInUseException",
            "ServiceException", "InvalidRuntimeException", "InvalidZipFileException");

    private LambdaErrors() {
    }

    static AwsServiceException functionNotFound(String arn) {
        return new AwsServiceException("ResourceNotFoundException", "Function not found: " + arn, 404);
    }

    static AwsServiceException resourceNotFound(String message) {
        return new AwsServiceException("ResourceNotFoundException", message, 404);
    }

    static AwsServiceException conflict(String message) {
        return new AwsServiceException("ResourceConflictException", message, 409);
    }

    static AwsServiceException invalidParameter(String message) {
        return new AwsServiceException("InvalidParameterValueException", message, 400);
    }

    static AwsServiceException tooLarge(String message) {
        return new AwsServiceException("RequestEntityTooLargeException", message, 413);
    }

    static AwsServiceException invalidRequestContent(String message) {
        return new AwsServiceException("InvalidRequestContentException", message, 400);
    }

    static AwsServiceException preconditionFailed() {
        return new AwsServiceException("PreconditionFailedException", "The Revision Id provided does not match the "
                + "latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id", 412);
    }

    /** Every execution slot is taken (AWS: the account's concurrency limit), with AWS's reason code. */
    static AwsServiceException throttled() {
        ObjectNode reason = LambdaJson.MAPPER.createObjectNode().put("Reason", "ConcurrentInvocationLimitExceeded");
        return new AwsServiceException("TooManyRequestsException", "Rate Exceeded.", 429).withDetails(reason);
    }

    /** The function is not Active yet, or an update is still in progress. */
    static AwsServiceException notReady(LambdaFunction function) {
        if (function.state().equals("Pending")) {
            return conflict("The operation cannot be performed at this time. The function is currently in the "
                    + "following state: Pending");
        }
        return conflict("The operation cannot be performed at this time. An update is in progress for resource: "
                + function.arn());
    }

    static AwsServiceException unknownOperation(String method, String path) {
        return new AwsServiceException("UnknownOperationException", "Unknown operation " + method + " " + path, 404);
    }

    /** The HTTP answer for an error: AWS sends {@code Type: User} for client errors, {@code Service} for its own. */
    static RestResponse response(AwsServiceException error) {
        ObjectNode body = LambdaJson.MAPPER.createObjectNode();
        body.put("Type", error.status() >= 500 ? "Service" : "User");
        body.put(CAPITAL_MESSAGE.contains(error.errorType()) ? AwsServiceException.CAPITAL_MESSAGE
                : AwsServiceException.MESSAGE, error.getMessage());
        if (error.details() != null) {
            body.setAll(error.details());
        }
        return LambdaJson.response(error.status(), body).withHeader("x-amzn-ErrorType", error.errorType());
    }
}
