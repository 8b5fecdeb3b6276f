package io.kinesisworkbook.emulator.glue;

import io.kinesisworkbook.emulator.http.AwsServiceException;

/** The Glue Data Catalog's errors, with the types and words AWS Glue answers with. */
public final class GlueErrors {

    private GlueErrors() {
    }

    static AwsServiceException databaseNotFound(String name) {
        return AwsServiceException.clientError("EntityNotFoundException", "Database " + name + " not found.");
    }

    static AwsServiceException tableNotFound(String name) {
        return AwsServiceException.clientError("EntityNotFoundException", "Table " + name + " not found.");
    }

    static AwsServiceException partitionNotFound() {
        return AwsServiceException.clientError("EntityNotFoundException", "Cannot find partition.");
    }

    static AwsServiceException entityNotFound(String message) {
        return AwsServiceException.clientError("EntityNotFoundException", message);
    }

    static AwsServiceException databaseExists() {
        return AwsServiceException.clientError("AlreadyExistsException", "Database already exists.");
    }

    static AwsServiceException tableExists() {
        return AwsServiceException.clientError("AlreadyExistsException", "Table already exists.");
    }

    static AwsServiceException partitionExists() {
        return AwsServiceException.clientError("AlreadyExistsException", "Partition already exists.");
    }

    static AwsServiceException invalidInput(String message) {
        return AwsServiceException.clientError("InvalidInputException", message);
    }

    /** Whether an error is Glue's "not found", for callers (Athena) that answer it in their own words. */
    public static boolean isNotFound(AwsServiceException e) {
        return "EntityNotFoundException".equals(e.errorType());
    }
}
