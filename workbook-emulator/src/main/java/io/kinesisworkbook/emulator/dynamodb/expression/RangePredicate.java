package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The condition a Query puts on the sort key. */
public interface RangePredicate {

    /** Whether a sort key value satisfies the predicate. */
    boolean test(JsonNode sortKeyValue);

    /** AWS's name for the comparison: EQ, LT, LE, GT, GE, BETWEEN or BEGINS_WITH. */
    String operator();

    /** The values compared with: one, or two for BETWEEN. */
    List<JsonNode> values();
}
