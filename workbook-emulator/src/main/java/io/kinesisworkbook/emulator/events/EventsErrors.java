package io.kinesisworkbook.emulator.events;

import io.kinesisworkbook.emulator.http.AwsServiceException;

/** EventBridge's errors, with the types and words AWS answers with (all HTTP 400). */
final class EventsErrors {

    private EventsErrors() {
    }

    static AwsServiceException busNotFound(String name) {
        return AwsServiceException.clientError("ResourceNotFoundException", "Event bus " + name + " does not exist.");
    }

    static AwsServiceException busExists(String name) {
        return AwsServiceException.clientError("ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
    }

    static AwsServiceException ruleNotFound(String rule, String bus) {
        return AwsServiceException.clientError("ResourceNotFoundException",
                "Rule " + rule + " does not exist on EventBus " + bus + ".");
    }

    static AwsServiceException validation(String message) {
        return AwsServiceException.clientError("ValidationException", message);
    }

    /** A pattern Event Ruler refused; {@code reason} is Event Ruler's own message, as AWS quotes it. */
    static AwsServiceException invalidPattern(String reason) {
        return AwsServiceException.clientError("InvalidEventPatternException",
                "Event pattern is not valid. Reason: " + reason);
    }

    static AwsServiceException limitExceeded() {
        return AwsServiceException.clientError("LimitExceededException",
                "The requested resource exceeds the maximum number allowed.");
    }

    static AwsServiceException resourceNotFound(String message) {
        return AwsServiceException.clientError("ResourceNotFoundException", message);
    }
}
