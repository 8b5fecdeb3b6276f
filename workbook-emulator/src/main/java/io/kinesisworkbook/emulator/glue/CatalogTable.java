package io.kinesisworkbook.emulator.glue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A table of the Data Catalog: what Athena reads of it, and the {@code TableInput} it came from.
 *
 * @param database      the database's name
 * @param name          the table's name, in lower case as Glue keeps it
 * @param partitionKeys the partition columns, in order (empty when not partitioned)
 * @param storage       the columns, location and SerDe
 * @param parameters    the table's parameters (e.g. partition projection's {@code projection.*})
 * @param createTime    when it was created, in epoch milliseconds
 * @param updateTime    when it was last changed, in epoch milliseconds
 * @param version       its version, 0 at creation and one more with every UpdateTable
 * @param input         the {@code TableInput} as the client sent it, given back by GetTable
 */
public record CatalogTable(String database, String name, List<Column> partitionKeys, StorageDescriptor storage,
                           Map<String, String> parameters, long createTime, long updateTime, int version,
                           ObjectNode input) {

    public boolean isPartitioned() {
        return !partitionKeys.isEmpty();
    }

    /** Whether partition projection is on ({@code projection.enabled=true}). */
    public boolean projectionEnabled() {
        return "true".equalsIgnoreCase(parameters.getOrDefault("projection.enabled", "false"));
    }
}
