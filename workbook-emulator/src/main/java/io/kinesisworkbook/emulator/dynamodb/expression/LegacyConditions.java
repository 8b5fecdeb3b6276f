package io.kinesisworkbook.emulator.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.AttributeValues;
import io.kinesisworkbook.emulator.dynamodb.DynamoDbErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters DynamoDB had before expressions, which it still accepts: Expected, QueryFilter,
 * ScanFilter, KeyConditions, AttributeUpdates and AttributesToGet. They are checked as AWS checks
 * them when built.
 */
public final class LegacyConditions {

    /** How many values each ComparisonOperator takes; IN takes one or more. */
    private static final Map<String, Integer> VALUE_COUNTS = Map.ofEntries(
            Map.entry("NULL", 0), Map.entry("NOT_NULL", 0), Map.entry("EQ", 1), Map.entry("NE", 1),
            Map.entry("LE", 1), Map.entry("LT", 1), Map.entry("GE", 1), Map.entry("GT", 1),
            Map.entry("CONTAINS", 1), Map.entry("NOT_CONTAINS", 1), Map.entry("BEGINS_WITH", 1),
            Map.entry("IN", -1), Map.entry("BETWEEN", 2));
    /** The value types each ComparisonOperator takes. */
    private static final Map<String, Set<String>> VALUE_TYPES = Map.ofEntries(
            Map.entry("EQ", Set.of("S", "N", "B", "SS", "NS", "BS")),
            Map.entry("NE", Set.of("S", "N", "B", "SS", "NS", "BS")),
            Map.entry("LE", Set.of("S", "N", "B")), Map.entry("LT", Set.of("S", "N", "B")),
            Map.entry("GE", Set.of("S", "N", "B")), Map.entry("GT", Set.of("S", "N", "B")),
            Map.entry("CONTAINS", Set.of("S", "N", "B")), Map.entry("NOT_CONTAINS", Set.of("S", "N", "B")),
            Map.entry("BEGINS_WITH", Set.of("S", "B")), Map.entry("IN", Set.of("S", "N", "B")),
            Map.entry("BETWEEN", Set.of("S", "N", "B")));

    private LegacyConditions() {
    }

    /**
     * PutItem's, UpdateItem's and DeleteItem's Expected: per attribute either Value and/or Exists,
     * or ComparisonOperator with AttributeValueList (or Value).
     *
     * @param conditionalOperator "AND" (the default, also for null) or "OR"
     */
    public static Condition expected(JsonNode expected, String conditionalOperator) {
        List<Comparison> comparisons = new ArrayList<>();
        forEachField(expected, (attribute, spec) -> comparisons.add(expectation(attribute, spec)));
        return combine(comparisons, conditionalOperator);
    }

    /** Query's QueryFilter or Scan's ScanFilter: per attribute a ComparisonOperator and AttributeValueList. */
    public static Condition filter(JsonNode queryOrScanFilter, String conditionalOperator) {
        List<Comparison> comparisons = new ArrayList<>();
        forEachField(queryOrScanFilter, (attribute, spec) -> comparisons.add(condition(attribute, spec)));
        return combine(comparisons, conditionalOperator);
    }

    /** Query's KeyConditions: one or two conditions, on the key attributes. */
    public static KeyCondition keyConditions(JsonNode keyConditions) {
        Map<String, KeyRange> conditions = new LinkedHashMap<>();
        forEachField(keyConditions, (attribute, spec) -> {
            Comparison comparison = condition(attribute, spec);
            conditions.put(attribute, new KeyRange(comparison.operator(), comparison.values()));
        });
        if (conditions.size() != 1 && conditions.size() != 2) {
            throw DynamoDbErrors.validation("Conditions can be of length 1 or 2 only");
        }
        return new KeyConditions(conditions);
    }

    /** UpdateItem's AttributeUpdates: per attribute an Action (PUT, the default, ADD or DELETE) and a Value. */
    public static Update attributeUpdates(JsonNode attributeUpdates) {
        Map<String, AttributeUpdate> updates = new LinkedHashMap<>();
        forEachField(attributeUpdates, (attribute, spec) -> updates.put(attribute, AttributeUpdate.of(attribute, spec)));
        return new AttributeUpdates(updates);
    }

    /** GetItem's, Query's, Scan's and BatchGetItem's AttributesToGet: top-level attribute names. */
    public static Projection attributesToGet(JsonNode attributesToGet) {
        List<DocumentPath> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode name : attributesToGet) {
            if (!seen.add(name.asText())) {
                throw DynamoDbErrors.invalidParameter("Duplicate value in attribute name: " + name.asText());
            }
            paths.add(DocumentPath.of(name.asText()));
        }
        return new ProjectionParser.PathProjection(paths);
    }

    /** One attribute compared, as the legacy parameters compare it. */
    record Comparison(String attribute, String operator, List<JsonNode> values) implements Condition {
        @Override
        public boolean test(ObjectNode item) {
            return Comparisons.legacy(operator, item.get(attribute), values);
        }
    }

    private static Condition combine(List<Comparison> comparisons, String conditionalOperator) {
        boolean any = "OR".equals(conditionalOperator);
        return item -> comparisons.isEmpty() || (any
                ? comparisons.stream().anyMatch(c -> c.test(item))
                : comparisons.stream().allMatch(c -> c.test(item)));
    }

    private static Comparison expectation(String attribute, JsonNode spec) {
        JsonNode value = spec.get("Value");
        JsonNode valueList = spec.get("AttributeValueList");
        JsonNode exists = spec.get("Exists");
        if (value != null && valueList != null) {
            throw DynamoDbErrors.invalidParameter(
                    "Value and AttributeValueList cannot be used together for Attribute: " + attribute);
        }
        if (spec.hasNonNull("ComparisonOperator")) {
            String operator = spec.get("ComparisonOperator").asText();
            if (exists != null) {
                throw DynamoDbErrors.invalidParameter(
                        "Exists and ComparisonOperator cannot be used together for Attribute: " + attribute);
            }
            if (!operator.equals("NULL") && !operator.equals("NOT_NULL") && value == null && valueList == null) {
                throw DynamoDbErrors.invalidParameter("Value or AttributeValueList must be used with ComparisonOperator: "
                        + operator + " for Attribute: " + attribute);
            }
            List<JsonNode> values = new ArrayList<>();
            if (valueList != null) {
                valueList.forEach(values::add);
            } else if (value != null) {
                values.add(value);
            }
            return checked(attribute, operator, values);
        }
        if (valueList != null) {
            throw DynamoDbErrors.invalidParameter(
                    "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + attribute);
        }
        boolean mustExist = exists == null || exists.asBoolean();
        if (mustExist && value == null) {
            throw DynamoDbErrors.invalidParameter("Value must be provided when Exists is "
                    + (exists == null ? "null" : "true") + " for Attribute: " + attribute);
        }
        if (!mustExist && value != null) {
            throw DynamoDbErrors.invalidParameter("Value cannot be used when Exists is false for Attribute: " + attribute);
        }
        if (!mustExist) {
            return new Comparison(attribute, "NULL", List.of());
        }
        AttributeValues.validate(value);
        // Exists true (or absent) with a Value: the attribute must exist and equal the value.
        return new Comparison(attribute, "EQ", List.of(value));
    }

    private static Comparison condition(String attribute, JsonNode spec) {
        List<JsonNode> values = new ArrayList<>();
        JsonNode valueList = spec.get("AttributeValueList");
        if (valueList != null) {
            valueList.forEach(values::add);
        }
        JsonNode operator = spec.get("ComparisonOperator");
        if (operator == null || operator.isNull()) {
            throw DynamoDbErrors.validation("1 validation error detected: Value null at 'comparisonOperator' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        return checked(attribute, operator.asText(), values);
    }

    /** The checks common to every legacy comparison: values, their number, their types, BETWEEN's order. */
    private static Comparison checked(String attribute, String operator, List<JsonNode> values) {
        Integer count = VALUE_COUNTS.get(operator);
        if (count == null) {
            throw DynamoDbErrors.validation("1 validation error detected: Value '" + operator
                    + "' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
        }
        values.forEach(AttributeValues::validate);
        if (count >= 0 ? values.size() != count : values.isEmpty()) {
            throw DynamoDbErrors.invalidParameter("Invalid number of argument(s) for the " + operator + " ComparisonOperator");
        }
        if (!values.isEmpty()) {
            String type = AttributeValues.type(values.get(0));
            if (values.stream().anyMatch(v -> !AttributeValues.type(v).equals(type))) {
                throw DynamoDbErrors.invalidParameter("AttributeValues inside AttributeValueList must be of same type");
            }
            Set<String> types = VALUE_TYPES.get(operator);
            if (types != null && !types.contains(type)) {
                throw DynamoDbErrors.invalidParameter("ComparisonOperator " + operator + " is not valid for " + type
                        + " AttributeValue type");
            }
            if (operator.equals("BETWEEN") && AttributeValues.compare(values.get(0), values.get(1)) > 0) {
                throw DynamoDbErrors.validation(
                        "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
            }
        }
        return new Comparison(attribute, operator, List.copyOf(values));
    }

    private static void forEachField(JsonNode object, java.util.function.BiConsumer<String, JsonNode> action) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            action.accept(field.getKey(), field.getValue());
        }
    }
}
