package io.kinesisworkbook.emulator.dynamodb;

import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.metrics.MetricsSink;
import java.util.Map;

/**
 * Publishes the capacity tables consume, as CloudWatch's AWS/DynamoDB namespace shows it:
 * {@code ConsumedReadCapacityUnits} and {@code ConsumedWriteCapacityUnits} (Count, read as Sum)
 * under the dimension {@code TableName}.
 */
final class DynamoDbMetrics {

    static final String NAMESPACE = "AWS/DynamoDB";

    private final MetricsSink sink;
    private final EmulatorClock clock;

    DynamoDbMetrics(MetricsSink sink, EmulatorClock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    void read(String table, double units) {
        sink.publish(NAMESPACE, "ConsumedReadCapacityUnits", Map.of("TableName", table), units, "Count", clock.millis());
    }

    void write(String table, double units) {
        sink.publish(NAMESPACE, "ConsumedWriteCapacityUnits", Map.of("TableName", table), units, "Count", clock.millis());
    }
}
