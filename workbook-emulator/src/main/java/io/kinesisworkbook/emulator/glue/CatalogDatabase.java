package io.kinesisworkbook.emulator.glue;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A database of the Data Catalog.
 *
 * @param name       its name, in lower case as Glue keeps it
 * @param createTime when it was created, in epoch milliseconds
 * @param input      the {@code DatabaseInput} it was created with, given back by GetDatabase
 */
public record CatalogDatabase(String name, long createTime, ObjectNode input) {
}
