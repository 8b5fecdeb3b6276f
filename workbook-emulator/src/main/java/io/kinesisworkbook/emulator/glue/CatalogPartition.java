package io.kinesisworkbook.emulator.glue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A partition of a table: its values, one per partition key, and where its data lives.
 *
 * @param values     the values, in the order of the table's partition keys
 * @param storage    its storage descriptor (its location above all)
 * @param createTime when it was created, in epoch milliseconds
 * @param input      the {@code PartitionInput} as the client sent it
 */
public record CatalogPartition(List<String> values, StorageDescriptor storage, long createTime, ObjectNode input) {
}
