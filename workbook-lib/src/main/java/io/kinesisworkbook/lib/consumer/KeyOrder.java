package io.kinesisworkbook.lib.consumer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Whether records came back in the order they were produced, key by key: Kinesis promises order per
 * partition key, never across keys. Each record carries the number it was produced with; a record
 * that comes after a higher number of the same key is out of order.
 *
 * <pre>{@code
 * List<ConsumedRecord> read = aws.reader(stream).build().readAvailable();
 * int late = KeyOrder.outOfOrder(read, record -> Long.parseLong(record.text()));   // 0 when every key kept its order
 * }</pre>
 */
public final class KeyOrder {

    private KeyOrder() {
    }

    /**
     * How many records were read after a record of the same partition key with a higher number
     * ({@code numberOf} reads the number the producer gave the record).
     */
    public static int outOfOrder(List<ConsumedRecord> records, ToLongFunction<ConsumedRecord> numberOf) {
        Map<String, Long> highestSoFar = new HashMap<>();
        int late = 0;
        for (ConsumedRecord record : records) {
            long number = numberOf.applyAsLong(record);
            Long highest = highestSoFar.get(record.partitionKey());
            if (highest != null && highest > number) {
                late++;
            } else {
                highestSoFar.put(record.partitionKey(), number);
            }
        }
        return late;
    }
}
