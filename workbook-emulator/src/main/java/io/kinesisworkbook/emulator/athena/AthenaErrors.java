package io.kinesisworkbook.emulator.athena;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Validation;

/** Athena's synchronous errors, with the types and words AWS answers with. */
final class AthenaErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AthenaErrors() {
    }

    /** Athena's usual error: {@code InvalidRequestException} with {@code AthenaErrorCode: INVALID_INPUT}. */
    static AwsServiceException invalidRequest(String message) {
        return AwsServiceException.clientError("InvalidRequestException", message)
                .withDetails(JSON.createObjectNode().put("AthenaErrorCode", "INVALID_INPUT"));
    }

    static AwsServiceException executionNotFound(String id) {
        return invalidRequest("QueryExecution " + id + " was not found");
    }

    static AwsServiceException workGroupNotFound(String name) {
        return invalidRequest("WorkGroup " + name + " is not found.");
    }

    static AwsServiceException resourceNotFound(String message) {
        return AwsServiceException.clientError("ResourceNotFoundException", message);
    }

    /** Checks a request's constraints; Athena reports a violation as an InvalidRequestException. */
    static void check(Validation validation) {
        try {
            validation.throwIfAny();
        } catch (AwsServiceException e) {
            throw invalidRequest(e.getMessage());
        }
    }
}
