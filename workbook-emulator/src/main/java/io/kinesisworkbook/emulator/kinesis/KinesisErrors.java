package io.kinesisworkbook.emulator.kinesis;

import io.kinesisworkbook.emulator.http.AwsServiceException;

/** Kinesis's errors, with the types and words AWS answers with. */
final class KinesisErrors {

    private KinesisErrors() {
    }

    static AwsServiceException streamNotFound(String stream, String account) {
        return notFound("Stream " + stream + " under account " + account + " not found.");
    }

    static AwsServiceException streamExists(String stream, String account) {
        return inUse("Stream " + stream + " under account " + account + " already exists.");
    }

    static AwsServiceException streamNotActive(String stream, String account, StreamStatus status) {
        return inUse("Stream " + stream + " under account " + account + " not ACTIVE, instead in state " + status);
    }

    static AwsServiceException shardNotFound(String shardId, String stream, String account) {
        return notFound("Shard " + shardId + " in stream " + stream + " under account " + account + " does not exist");
    }

    static AwsServiceException consumerNotFound(String consumer, String account) {
        return notFound("Consumer " + consumer + ", account " + account + " not found.");
    }

    static AwsServiceException throughputExceeded(String shardId, String stream, String account) {
        return AwsServiceException.clientError("ProvisionedThroughputExceededException",
                throughputMessage(shardId, stream, account));
    }

    static String throughputMessage(String shardId, String stream, String account) {
        return "Rate exceeded for shard " + shardId + " in stream " + stream + " under account " + account + ".";
    }

    static AwsServiceException shardLimitExceeded(String account, String region, int open, int added) {
        return limitExceeded("This request would exceed the shard limit for the account " + account + " in " + region
                + ". Current shard count for the account: " + open + ". Limit: " + StreamRegistry.SHARD_LIMIT
                + ". Number of additional shards that would have resulted from this request: " + added
                + ". Refer to the AWS Service Limits page (https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html)"
                + " for current limits and how to request higher limits.");
    }

    static AwsServiceException invalidArgument(String message) {
        return AwsServiceException.clientError("InvalidArgumentException", message);
    }

    static AwsServiceException limitExceeded(String message) {
        return AwsServiceException.clientError("LimitExceededException", message);
    }

    static AwsServiceException notFound(String message) {
        return AwsServiceException.clientError("ResourceNotFoundException", message);
    }

    static AwsServiceException inUse(String message) {
        return AwsServiceException.clientError("ResourceInUseException", message);
    }
}
