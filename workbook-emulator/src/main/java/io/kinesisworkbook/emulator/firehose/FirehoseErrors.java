package io.kinesisworkbook.emulator.firehose;

import io.kinesisworkbook.emulator.http.AwsServiceException;

/** Firehose's errors, with the types and words AWS answers with. */
final class FirehoseErrors {

    private FirehoseErrors() {
    }

    static AwsServiceException notFound(String name, String account) {
        return AwsServiceException.clientError("ResourceNotFoundException",
                "Firehose " + name + " under account " + account + " not found.");
    }

    static AwsServiceException inUse(String message) {
        return AwsServiceException.clientError("ResourceInUseException", message);
    }

    static AwsServiceException invalidArgument(String message) {
        return AwsServiceException.clientError("InvalidArgumentException", message);
    }

    static AwsServiceException limitExceeded(String message) {
        return AwsServiceException.clientError("LimitExceededException", message);
    }

    static AwsServiceException concurrentModification(String message) {
        return AwsServiceException.clientError("ConcurrentModificationException", message);
    }
}
