package io.kinesisworkbook.emulator.glue;

/**
 * A column of a table or a partition key, as the catalog keeps it.
 *
 * @param name    the column's name
 * @param type    its Hive type, e.g. {@code string}, {@code bigint}, {@code array<struct<a:int>>}
 * @param comment its comment, or null
 */
public record Column(String name, String type, String comment) {
}
