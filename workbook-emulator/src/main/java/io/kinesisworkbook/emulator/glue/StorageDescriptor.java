package io.kinesisworkbook.emulator.glue;

import java.util.List;
import java.util.Map;

/**
 * Where a table's (or a partition's) data lives and how it is read: what Athena needs of a
 * {@code StorageDescriptor}. Every other member a client sent is kept in the table's input and
 * given back as it came.
 *
 * @param columns              the data columns, in order
 * @param location             e.g. {@code s3://bucket/prefix/}, or null
 * @param inputFormat          the Hadoop input format class, or null
 * @param serializationLibrary the SerDe class, e.g. {@code org.openx.data.jsonserde.JsonSerDe}, or null
 * @param serdeParameters      the SerDe's parameters (e.g. {@code ignore.malformed.json})
 */
public record StorageDescriptor(List<Column> columns, String location, String inputFormat,
                                String serializationLibrary, Map<String, String> serdeParameters) {

    public static StorageDescriptor empty() {
        return new StorageDescriptor(List.of(), null, null, null, Map.of());
    }
}
