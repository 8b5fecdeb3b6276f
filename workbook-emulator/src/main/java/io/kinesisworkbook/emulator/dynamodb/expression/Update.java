package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** An UpdateExpression or legacy AttributeUpdates, ready to apply to items. */
public interface Update {

    /**
     * The item after the update, as a new object: the given item is left as it is. Throws AWS's
     * ValidationExceptions for what depends on the item, such as adding a number to a string.
     */
    ObjectNode apply(ObjectNode item);

    /** The paths the update sets, removes, adds to or deletes from, in the order written. */
    List<DocumentPath> paths();
}
