package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.partiql.ExpressionWriter;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlErrors;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlExpression;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlExpression.Comparison;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlExpression.Path;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlExpression.Value;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a PartiQL statement into the request of the DynamoDB operation that does its work, as
 * DynamoDB itself runs PartiQL: INSERT is a PutItem that must not find the key taken, UPDATE an
 * UpdateItem whose condition is the WHERE clause (so an item that is not there is a failed condition),
 * DELETE a DeleteItem, a SELECT that pins the partition key a Query, any other SELECT a Scan, and a
 * single-item SELECT (in batches and transactions) a GetItem.
 */
final class PartiQlTranslation {

    /** The sort-key comparisons a Query's key condition can take. */
    private static final Set<String> RANGE_COMPARATORS = Set.of("=", "<", "<=", ">", ">=");

    private final Table table;

    PartiQlTranslation(Table table) {
        this.table = table;
    }

    /** {@code INSERT INTO t VALUE {...}}: a PutItem that fails when the key is taken. */
    ObjectNode putItem(PartiQlStatement.Insert insert) {
        for (String name : table.key().names()) {
            JsonNode value = insert.item().get(name);
            if (value == null) {
                throw PartiQlErrors.invalid("Key attribute should be present in the item: Key " + name);
            }
            if (!AttributeValues.type(value).equals(keyType(name))) {
                throw PartiQlErrors.invalid("Key attribute's data type should match its data type in table's schema: Key "
                        + name);
            }
        }
        ExpressionWriter out = new ExpressionWriter();
        ObjectNode request = request(insert.table());
        request.set("Item", insert.item());
        request.put("ConditionExpression", "attribute_not_exists(" + out.name(table.key().hashName()) + ")");
        out.addTo(request);
        return request;
    }

    /** {@code UPDATE t SET ... WHERE key AND ...}: an UpdateItem conditioned on the whole WHERE clause. */
    ObjectNode updateItem(PartiQlStatement.Update update) {
        ObjectNode request = request(update.table());
        request.set("Key", key(update.where()));
        ExpressionWriter out = new ExpressionWriter();
        request.put("UpdateExpression", updateExpression(update, out));
        request.put("ConditionExpression", update.where().render(out));
        out.addTo(request);
        if (update.returning() != null) {
            request.put("ReturnValues", update.returning());
        }
        return request;
    }

    /** {@code DELETE FROM t WHERE key AND ...}: a DeleteItem conditioned on what the WHERE adds to the key. */
    ObjectNode deleteItem(PartiQlStatement.Delete delete) {
        ObjectNode request = request(delete.table());
        request.set("Key", key(delete.where()));
        List<PartiQlExpression> conditions = new ArrayList<>(PartiQlStatement.conjuncts(delete.where()));
        conditions.removeIf(this::isKeyEquality);
        if (!conditions.isEmpty()) {
            ExpressionWriter out = new ExpressionWriter();
            PartiQlExpression condition = conditions.get(0);
            for (PartiQlExpression more : conditions.subList(1, conditions.size())) {
                condition = new PartiQlExpression.And(condition, more);
            }
            request.put("ConditionExpression", condition.render(out));
            out.addTo(request);
        }
        if (delete.returning() != null) {
            request.put("ReturnValues", delete.returning());
        }
        return request;
    }

    /**
     * A single-item SELECT (batches and transactions): a GetItem of the key the WHERE names. The
     * caller filters and projects what it returns ({@link PartiQlSelection}).
     */
    ObjectNode getItem(PartiQlStatement.Select select) {
        if (select.index() != null) {
            throw PartiQlErrors.invalid("Reads on indices are not supported within transactions.");
        }
        ObjectNode request = request(select.table());
        request.set("Key", key(select.where()));
        return request;
    }

    /** A Query or a Scan request. */
    record Read(boolean query, ObjectNode request) {
    }

    /**
     * A SELECT as a Query when its WHERE pins the partition key (of the table or the index) with
     * {@code =}, taking one sort-key condition too; otherwise as a Scan. Either way the whole WHERE
     * is applied to what the read returns, as a filter.
     */
    Read queryOrScan(PartiQlStatement.Select select, SecondaryIndex index) {
        KeySchema key = index == null ? table.key() : index.key();
        ObjectNode request = request(select.table());
        if (index != null) {
            request.put("IndexName", index.name());
        }
        List<PartiQlExpression> conjuncts = PartiQlStatement.conjuncts(select.where());
        PartiQlExpression partition = null;
        PartiQlExpression range = null;
        for (PartiQlExpression conjunct : conjuncts) {
            if (partition == null && equality(conjunct, key.hashName()) != null) {
                partition = conjunct;
            } else if (range == null && key.hasRange() && isRangeCondition(conjunct, key.rangeName())) {
                range = conjunct;
            }
        }
        if (select.orderBy() != null) {
            if (partition == null) {
                throw PartiQlErrors.invalid("Must have at least one non-optional hash key condition in WHERE clause "
                        + "when using ORDER BY clause.");
            }
            if (!key.names().contains(select.orderBy())) {
                throw PartiQlErrors.invalid("Variable reference " + select.orderBy()
                        + " in ORDER BY clause must be part of the primary key");
            }
        }
        if (partition == null) {
            return new Read(false, request);
        }
        ExpressionWriter out = new ExpressionWriter();
        String keyCondition = partition.render(out) + (range == null ? "" : " AND " + range.render(out));
        request.put("KeyConditionExpression", keyCondition);
        out.addTo(request);
        request.put("ScanIndexForward", !select.descending());
        return new Read(true, request);
    }

    /** The item key a write's (or single read's) WHERE names: an equality on every key attribute, each once. */
    ObjectNode key(PartiQlExpression where) {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        for (PartiQlExpression conjunct : PartiQlStatement.conjuncts(where)) {
            for (String name : table.key().names()) {
                JsonNode value = equality(conjunct, name);
                if (value == null) {
                    continue;
                }
                if (key.has(name)) {
                    throw PartiQlErrors.invalid("Multiple conditions on same key " + name
                            + ". Only single item Update/Insert/Delete are supported");
                }
                if (!AttributeValues.type(value).equals(keyType(name))) {
                    throw PartiQlErrors.invalid("Key attribute's data type should match its data type in table's "
                            + "schema: Key " + name);
                }
                key.set(name, value);
            }
        }
        if (key.size() != table.key().names().size()) {
            throw PartiQlErrors.invalid(PartiQlErrors.INCOMPLETE_KEY);
        }
        return key;
    }

    private boolean isKeyEquality(PartiQlExpression conjunct) {
        return table.key().names().stream().anyMatch(name -> equality(conjunct, name) != null);
    }

    /** The value {@code attribute = value} (or {@code value = attribute}) compares with, or null. */
    private static JsonNode equality(PartiQlExpression condition, String attribute) {
        if (condition instanceof Comparison comparison && comparison.operator().equals("=")) {
            if (names(comparison.left(), attribute) && comparison.right() instanceof Value value) {
                return value.attributeValue();
            }
            if (names(comparison.right(), attribute) && comparison.left() instanceof Value value) {
                return value.attributeValue();
            }
        }
        return null;
    }

    private static boolean isRangeCondition(PartiQlExpression condition, String attribute) {
        if (condition instanceof Comparison comparison) {
            return RANGE_COMPARATORS.contains(comparison.operator()) && names(comparison.left(), attribute)
                    && comparison.right() instanceof Value;
        }
        if (condition instanceof PartiQlExpression.Between between) {
            return names(between.value(), attribute) && between.low() instanceof Value && between.high() instanceof Value;
        }
        if (condition instanceof PartiQlExpression.Call call) {
            return call.name().equals("begins_with") && names(call.arguments().get(0), attribute)
                    && call.arguments().get(1) instanceof Value;
        }
        return false;
    }

    private static boolean names(PartiQlExpression expression, String attribute) {
        return expression instanceof Path path && attribute.equals(path.topLevelName());
    }

    /**
     * SET and REMOVE as an UpdateExpression: {@code set_add(a, <<...>>)} becomes ADD, {@code
     * set_delete(a, <<...>>)} DELETE, anything else SET.
     */
    private static String updateExpression(PartiQlStatement.Update update, ExpressionWriter out) {
        List<String> sets = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (PartiQlStatement.Assignment assignment : update.assignments()) {
            if (assignment.value() instanceof PartiQlExpression.Call call
                    && (call.name().equals("set_add") || call.name().equals("set_delete"))) {
                String function = call.name().toUpperCase();
                if (call.arguments().size() != 2) {
                    throw PartiQlErrors.invalid(function + " must have exactly two arguments");
                }
                if (!call.arguments().get(0).equals(assignment.path())) {
                    throw PartiQlErrors.invalid("The first argument to " + function + " must equal the assignment value");
                }
                if (!(call.arguments().get(1) instanceof Value value) || !AttributeValues.type(value.attributeValue())
                        .endsWith("S") || AttributeValues.type(value.attributeValue()).equals("S")) {
                    throw PartiQlErrors.invalid("The second argument to " + function + " must be a value with type SET");
                }
                (call.name().equals("set_add") ? adds : deletes).add(assignment.path().render(out) + " "
                        + call.arguments().get(1).render(out));
            } else {
                sets.add(assignment.path().render(out) + " = " + assignment.value().render(out));
            }
        }
        List<String> removes = new ArrayList<>();
        update.removals().forEach(path -> removes.add(path.render(out)));
        StringBuilder expression = new StringBuilder();
        clause(expression, "SET", sets);
        clause(expression, "REMOVE", removes);
        clause(expression, "ADD", adds);
        clause(expression, "DELETE", deletes);
        return expression.toString();
    }

    private static void clause(StringBuilder expression, String keyword, List<String> actions) {
        if (!actions.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append(keyword).append(' ').append(String.join(", ", actions));
        }
    }

    private String keyType(String name) {
        return name.equals(table.key().hashName()) ? table.key().hashType() : table.key().rangeType();
    }

    private static ObjectNode request(String tableName) {
        return JsonNodeFactory.instance.objectNode().put("TableName", tableName);
    }
}
