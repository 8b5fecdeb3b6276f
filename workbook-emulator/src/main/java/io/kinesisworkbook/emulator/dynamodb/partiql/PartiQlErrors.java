package io.kinesisworkbook.emulator.dynamodb.partiql;

import io.kinesisworkbook.emulator.dynamodb.DynamoDbErrors;
import io.kinesisworkbook.emulator.http.AwsServiceException;

/** DynamoDB's PartiQL errors, in AWS's words where we know them (DynamoDB's own message catalogue). */
public final class PartiQlErrors {

    public static final String INCOMPLETE_KEY = "Where clause does not contain a mandatory equality on all key attributes";
    public static final String DUPLICATE_ITEM = "Duplicate primary key exists in table";

    private PartiQlErrors() {
    }

    /** {@code Statement wasn't well formed, can't be processed: <detail>}: AWS's syntax error. */
    public static AwsServiceException malformed(String detail) {
        return DynamoDbErrors.validation("Statement wasn't well formed, can't be processed: " + detail);
    }

    public static AwsServiceException invalid(String message) {
        return DynamoDbErrors.validation(message);
    }

    public static AwsServiceException parameterCount() {
        return invalid("Number of parameters in request and statement don't match.");
    }

    /** INSERT of an item whose key is taken. */
    public static AwsServiceException duplicateItem() {
        return AwsServiceException.clientError("DuplicateItemException", DUPLICATE_ITEM);
    }
}
