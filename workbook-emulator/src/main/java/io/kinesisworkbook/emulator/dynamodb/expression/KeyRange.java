package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A comparison of one key attribute with values, as legacy KeyConditions write it. */
record KeyRange(String operator, List<JsonNode> values) implements RangePredicate {

    @Override
    public boolean test(JsonNode sortKeyValue) {
        return Comparisons.legacy(operator, sortKeyValue, values);
    }
}
