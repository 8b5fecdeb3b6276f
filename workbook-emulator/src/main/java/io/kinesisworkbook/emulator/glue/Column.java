package io.kinesisworkbook.emulator.glue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A column of a table or a partition key, as the catalog keeps it.
 *
 * @param name    the column's name
 * @param type    its Hive type, e.g. {@code string}, {@code bigint}, {@code array<struct<a:int>>}
 * @param comment its comment, or null
 */
public record Column(String name, String type, String comment) {

    /** Adds this column to a list as Glue's {@code Column} structure: {@code Name}, {@code Type}, {@code Comment}. */
    public void addTo(ArrayNode columns) {
        ObjectNode node = columns.addObject().put("Name", name).put("Type", type);
        if (comment != null) {
            node.put("Comment", comment);
        }
    }
}
