package io.kinesisworkbook.lib.kcl;

import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.leases.LeaseAssignmentStrategy;
import software.amazon.kinesis.metrics.MetricsLevel;

/**
 * What every worker of one application shares, as {@link KclApplication.Builder} decided it.
 *
 * @param metricsLevel KCL's metrics level, or {@code null} for no metrics at all (no CloudWatch calls)
 */
record KclSettings(String application, String stream, InitialPositionInStreamExtended initialPosition,
                   Retrieval retrieval, KclTuning tuning, MetricsLevel metricsLevel, LeaseAssignmentStrategy assignment,
                   KinesisAsyncClient kinesis, DynamoDbAsyncClient dynamoDb, CloudWatchAsyncClient cloudWatch) {

    /** KCL names the lease table after the application. */
    String leaseTable() {
        return application;
    }
}
