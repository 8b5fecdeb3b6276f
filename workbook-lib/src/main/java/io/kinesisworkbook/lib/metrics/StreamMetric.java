package io.kinesisworkbook.lib.metrics;

import java.util.List;

/**
 * A stream metric of the AWS/Kinesis namespace, with the statistic the console's Monitoring tab
 * draws it with: Sum for counts and bytes, Average for latencies, Maximum for ages (the oldest
 * record any consumer read is the one that matters).
 *
 * <p>{@link #MONITORING_TAB} are the talk's five graphs: the read side first (how much was read, how
 * far behind the readers are, how long a read takes), then the write side.
 */
public enum StreamMetric {
    GET_RECORDS_BYTES("GetRecords.Bytes", "Sum", "Get records", "bytes"),
    ITERATOR_AGE("GetRecords.IteratorAgeMilliseconds", "Maximum", "Iterator age", "milliseconds"),
    GET_RECORDS_LATENCY("GetRecords.Latency", "Average", "Get records latency", "milliseconds"),
    INCOMING_BYTES("IncomingBytes", "Sum", "Incoming data", "bytes"),
    INCOMING_RECORDS("IncomingRecords", "Sum", "Incoming records", "records"),
    GET_RECORDS_RECORDS("GetRecords.Records", "Sum", "Records read", "records"),
    WRITE_THROTTLED("WriteProvisionedThroughputExceeded", "Sum", "Writes throttled", "records"),
    READ_THROTTLED("ReadProvisionedThroughputExceeded", "Sum", "Reads throttled", "calls");

    /** The five graphs of a stream's Monitoring tab that the talk shows, in its order. */
    public static final List<StreamMetric> MONITORING_TAB =
            List.of(GET_RECORDS_BYTES, ITERATOR_AGE, GET_RECORDS_LATENCY, INCOMING_BYTES, INCOMING_RECORDS);

    public static final String NAMESPACE = "AWS/Kinesis";

    private final String metricName;
    private final String statistic;
    private final String label;
    private final String unit;

    StreamMetric(String metricName, String statistic, String label, String unit) {
        this.metricName = metricName;
        this.statistic = statistic;
        this.label = label;
        this.unit = unit;
    }

    /** CloudWatch's name, for example {@code GetRecords.IteratorAgeMilliseconds}. */
    public String metricName() {
        return metricName;
    }

    /** The statistic the console draws: Sum, Average or Maximum. */
    public String statistic() {
        return statistic;
    }

    /** What a presenter calls it: "Iterator age". */
    public String label() {
        return label;
    }

    /** The y axis: bytes, records, milliseconds. */
    public String unit() {
        return unit;
    }

    /** A chart title that says what is drawn and at which period: "Iterator age (Maximum, 1 s)". */
    public String title(MetricPeriod period) {
        return label + " (" + statistic + ", " + period + ")";
    }
}
