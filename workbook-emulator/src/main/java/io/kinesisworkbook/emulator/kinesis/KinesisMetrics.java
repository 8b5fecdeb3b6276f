package io.kinesisworkbook.emulator.kinesis;

import io.kinesisworkbook.emulator.metrics.MetricsSink;
import java.util.Map;

/**
 * Publishes what CloudWatch's AWS/Kinesis namespace shows: stream-level metrics always, shard-level
 * ones for the metrics enhanced monitoring has enabled, with AWS's names and units.
 */
final class KinesisMetrics {

    static final String NAMESPACE = "AWS/Kinesis";

    private final MetricsSink sink;

    KinesisMetrics(MetricsSink sink) {
        this.sink = sink;
    }

    void recordsIn(DataStream stream, String operation, int records, long bytes, long now) {
        Map<String, String> dimensions = Map.of("StreamName", stream.name());
        sink.publish(NAMESPACE, "IncomingRecords", dimensions, records, "Count", now);
        sink.publish(NAMESPACE, "IncomingBytes", dimensions, bytes, "Bytes", now);
        sink.publish(NAMESPACE, operation + ".Records", dimensions, records, "Count", now);
        sink.publish(NAMESPACE, operation + ".Bytes", dimensions, bytes, "Bytes", now);
    }

    /** Shard-level incoming metrics, published only where enhanced monitoring asked for them. */
    void shardRecordsIn(DataStream stream, Shard shard, int records, long bytes, long now) {
        if (!stream.shardLevelMetrics().isEmpty()) {
            shardLevel(stream, shard, "IncomingRecords", records, "Count", now);
            shardLevel(stream, shard, "IncomingBytes", bytes, "Bytes", now);
        }
    }

    void putCall(DataStream stream, String operation, boolean success, double latencyMillis, long now) {
        Map<String, String> dimensions = Map.of("StreamName", stream.name());
        sink.publish(NAMESPACE, operation + ".Success", dimensions, success ? 1 : 0, "Count", now);
        sink.publish(NAMESPACE, operation + ".Latency", dimensions, latencyMillis, "Milliseconds", now);
    }

    /**
     * PutRecords' per-record outcome, as AWS counts it: all records, those written, those failed
     * for an internal error, and those throttled.
     */
    void putRecordsOutcome(DataStream stream, int total, int successful, int failed, int throttled, long now) {
        Map<String, String> dimensions = Map.of("StreamName", stream.name());
        sink.publish(NAMESPACE, "PutRecords.TotalRecords", dimensions, total, "Count", now);
        sink.publish(NAMESPACE, "PutRecords.SuccessfulRecords", dimensions, successful, "Count", now);
        sink.publish(NAMESPACE, "PutRecords.FailedRecords", dimensions, failed, "Count", now);
        sink.publish(NAMESPACE, "PutRecords.ThrottledRecords", dimensions, throttled, "Count", now);
    }

    /** A SubscribeToShard call: a subscription started, or refused because one is already active. */
    void subscribeToShard(DataStream stream, String consumerName, boolean started, long now) {
        Map<String, String> dimensions = Map.of("StreamName", stream.name(), "ConsumerName", consumerName);
        sink.publish(NAMESPACE, "SubscribeToShard.Success", dimensions, started ? 1 : 0, "Count", now);
        sink.publish(NAMESPACE, "SubscribeToShard.RateExceeded", dimensions, started ? 0 : 1, "Count", now);
    }

    void writeThrottled(DataStream stream, Shard shard, int records, long now) {
        sink.publish(NAMESPACE, "WriteProvisionedThroughputExceeded", Map.of("StreamName", stream.name()), records,
                "Count", now);
        shardLevel(stream, shard, "WriteProvisionedThroughputExceeded", records, "Count", now);
    }

    void readThrottled(DataStream stream, Shard shard, long now) {
        sink.publish(NAMESPACE, "ReadProvisionedThroughputExceeded", Map.of("StreamName", stream.name()), 1,
                "Count", now);
        shardLevel(stream, shard, "ReadProvisionedThroughputExceeded", 1, "Count", now);
    }

    void recordsOut(DataStream stream, Shard shard, int records, long bytes, long iteratorAgeMillis,
                    double latencyMillis, long now) {
        Map<String, String> dimensions = Map.of("StreamName", stream.name());
        sink.publish(NAMESPACE, "GetRecords.Records", dimensions, records, "Count", now);
        sink.publish(NAMESPACE, "GetRecords.Bytes", dimensions, bytes, "Bytes", now);
        sink.publish(NAMESPACE, "GetRecords.Success", dimensions, 1, "Count", now);
        sink.publish(NAMESPACE, "GetRecords.IteratorAgeMilliseconds", dimensions, iteratorAgeMillis, "Milliseconds", now);
        sink.publish(NAMESPACE, "GetRecords.Latency", dimensions, latencyMillis, "Milliseconds", now);
        shardLevel(stream, shard, "OutgoingRecords", records, "Count", now);
        shardLevel(stream, shard, "OutgoingBytes", bytes, "Bytes", now);
        shardLevel(stream, shard, "IteratorAgeMilliseconds", iteratorAgeMillis, "Milliseconds", now);
    }

    void subscribeToShardEvent(DataStream stream, String consumerName, int records, long bytes, long millisBehind,
                               long now) {
        Map<String, String> dimensions = Map.of("StreamName", stream.name(), "ConsumerName", consumerName);
        sink.publish(NAMESPACE, "SubscribeToShardEvent.Records", dimensions, records, "Count", now);
        sink.publish(NAMESPACE, "SubscribeToShardEvent.Bytes", dimensions, bytes, "Bytes", now);
        sink.publish(NAMESPACE, "SubscribeToShardEvent.MillisBehindLatest", dimensions, millisBehind, "Milliseconds", now);
        sink.publish(NAMESPACE, "SubscribeToShardEvent.Success", dimensions, 1, "Count", now);
    }

    private void shardLevel(DataStream stream, Shard shard, String metric, double value, String unit, long now) {
        if (stream.shardLevelMetrics().contains(metric)) {
            sink.publish(NAMESPACE, metric, Map.of("StreamName", stream.name(), "ShardId", shard.id()), value, unit, now);
        }
    }
}
