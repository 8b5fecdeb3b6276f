package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where a table's item changes go once stored: the Kinesis streaming destinations ({@link KinesisChangeRecords}). */
interface TableChanges {

    /**
     * @param before  the item before the change, null when it is new
     * @param after   the item after the change, null when it was removed
     * @param expired true when time to live removed it, not a client
     */
    void changed(Table table, ObjectNode before, ObjectNode after, boolean expired);
}
