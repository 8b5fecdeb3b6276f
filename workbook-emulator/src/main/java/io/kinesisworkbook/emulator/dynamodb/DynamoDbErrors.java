package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * A transaction that did not happen, with one reason per action. AWS sends this error's message as
     * {@code Message}, with a capital, as its model names it.
     */
    public static AwsServiceException transactionCanceled(ArrayNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(reason -> codes.add(reason.get("Code").asText()));
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.set("CancellationReasons", reasons);
        return AwsServiceException.clientError("TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes)
                .withDetails(details).withCapitalMessage();
    }

    /** A ClientRequestToken used again with other items; {@code Message} with a capital, as AWS sends it. */
    public static AwsServiceException idempotentParameterMismatch() {
        return AwsServiceException.clientError("IdempotentParameterMismatchException",
                "Request parameters do not match the parameters of the request that used this ClientRequestToken")
                .withCapitalMessage();
    }

    public static AwsServiceException serialization(String message) {
        return AwsServiceException.serialization(message);
    }
}
