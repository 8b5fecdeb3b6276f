package io.kinesisworkbook.emulator.dynamodb;

import io.kinesisworkbook.emulator.http.AwsServiceException;

/** DynamoDB's errors, with the types and words AWS answers with. */
public final class DynamoDbErrors {

    private DynamoDbErrors() {
    }

    /** The error for every malformed request, bad expression and wrong key. */
    public static AwsServiceException validation(String message) {
        return AwsServiceException.clientError("ValidationException", message);
    }

    /** {@code One or more parameter values were invalid: ...}: AWS's prefix for invalid values. */
    public static AwsServiceException invalidParameter(String detail) {
        return validation("One or more parameter values were invalid: " + detail);
    }

    /** {@code Invalid <kind>: <detail>}, e.g. {@code Invalid UpdateExpression: Syntax error; token: ...}. */
    public static AwsServiceException invalidExpression(String kind, String detail) {
        return validation("Invalid " + kind + ": " + detail);
    }

    public static AwsServiceException conditionalCheckFailed() {
        return AwsServiceException.clientError("ConditionalCheckFailedException", "The conditional request failed");
    }

    /** What item operations answer for a table that does not exist. */
    public static AwsServiceException resourceNotFound() {
        return AwsServiceException.clientError("ResourceNotFoundException", "Requested resource not found");
    }

    /** What DescribeTable and the table operations answer for a table that does not exist. */
    public static AwsServiceException tableNotFound(String table) {
        return AwsServiceException.clientError("ResourceNotFoundException",
                "Requested resource not found: Table: " + table + " not found");
    }

    public static AwsServiceException resourceInUse(String message) {
        return AwsServiceException.clientError("ResourceInUseException", message);
    }

    public static AwsServiceException limitExceeded(String message) {
        return AwsServiceException.clientError("LimitExceededException", message);
    }

    public static AwsServiceException serialization(String message) {
        return AwsServiceException.serialization(message);
    }
}
