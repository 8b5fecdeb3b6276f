package io.kinesisworkbook.emulator.firehose;

import io.kinesisworkbook.emulator.metrics.MetricsSink;
import java.util.Map;

/**
 * Publishes what CloudWatch's AWS/Firehose namespace shows of a delivery stream, with AWS's names
 * and units, under the dimension {@code DeliveryStreamName}.
 */
final class FirehoseMetrics {

    static final String NAMESPACE = "AWS/Firehose";

    private final MetricsSink sink;

    FirehoseMetrics(MetricsSink sink) {
        this.sink = sink;
    }

    private void publish(String stream, String metric, double value, String unit, long now) {
        sink.publish(NAMESPACE, metric, Map.of("DeliveryStreamName", stream), value, unit, now);
    }

    /** A Direct PUT call: PutRecord or PutRecordBatch, its records and bytes. Nothing is throttled here. */
    void incoming(String stream, String operation, int records, long bytes, double latencyMillis, long now) {
        publish(stream, "IncomingRecords", records, "Count", now);
        publish(stream, "IncomingBytes", bytes, "Bytes", now);
        publish(stream, "IncomingPutRequests", 1, "Count", now);
        publish(stream, "ThrottledRecords", 0, "Count", now);
        publish(stream, operation + ".Requests", 1, "Count", now);
        publish(stream, operation + ".Bytes", bytes, "Bytes", now);
        publish(stream, operation + ".Latency", latencyMillis, "Milliseconds", now);
        if (operation.equals("PutRecordBatch")) {
            publish(stream, "PutRecordBatch.Records", records, "Count", now);
        }
    }

    /** Records read from a Kinesis source stream. */
    void readFromKinesis(String stream, int records, long bytes, long now) {
        publish(stream, "DataReadFromKinesisStream.Records", records, "Count", now);
        publish(stream, "DataReadFromKinesisStream.Bytes", bytes, "Bytes", now);
    }

    /** One invocation of the transform function: how long it took and whether it answered. */
    void processing(String stream, double durationMillis, boolean success, long now) {
        publish(stream, "ExecuteProcessing.Duration", durationMillis, "Milliseconds", now);
        publish(stream, "ExecuteProcessing.Success", success ? 1 : 0, "Count", now);
    }

    /** A batch made into an S3 object: its records and bytes, and the age of its oldest record. */
    void deliveringToS3(String stream, int records, long bytes, long oldestArrivalMillis, long now) {
        publish(stream, "DeliveryToS3.Records", records, "Count", now);
        publish(stream, "DeliveryToS3.Bytes", bytes, "Bytes", now);
        publish(stream, "DeliveryToS3.DataFreshness", Math.max(0, now - oldestArrivalMillis) / 1000.0, "Seconds", now);
    }

    /** One S3 put: 1 when S3 took it, 0 when it refused (the average is the success rate). */
    void s3Put(String stream, boolean success, long now) {
        publish(stream, "DeliveryToS3.Success", success ? 1 : 0, "Count", now);
    }
}
