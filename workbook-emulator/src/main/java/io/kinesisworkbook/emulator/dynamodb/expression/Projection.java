package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A ProjectionExpression or legacy AttributesToGet. */
public interface Projection {

    /** The parts of the item the projection names; paths the item lacks are left out. */
    ObjectNode apply(ObjectNode item);

    /** The projected paths, in the order written. */
    List<DocumentPath> paths();
}
