package io.kinesisworkbook.emulator.dynamodb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.dynamodb.expression.Condition;
import io.kinesisworkbook.emulator.dynamodb.expression.ExpressionContext;
import io.kinesisworkbook.emulator.dynamodb.expression.Expressions;
import io.kinesisworkbook.emulator.dynamodb.expression.Projection;
import io.kinesisworkbook.emulator.dynamodb.partiql.ExpressionWriter;
import io.kinesisworkbook.emulator.dynamodb.partiql.PartiQlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a SELECT keeps of the items its read returns: those its WHERE clause holds for, with the
 * attributes it names (all of them for {@code *}). Both are DynamoDB expressions underneath, so they
 * compare, test and project exactly as FilterExpression and ProjectionExpression do.
 */
final class PartiQlSelection {

    private final Condition where;
    private final Projection projection;

    PartiQlSelection(PartiQlStatement.Select select) {
        this.where = select.where() == null ? null : condition(select);
        this.projection = select.projection().isEmpty() ? null : projection(select);
    }

    private static Condition condition(PartiQlStatement.Select select) {
        ExpressionWriter out = new ExpressionWriter();
        String text = select.where().render(out);
        return Expressions.condition(text, context(out), "ConditionExpression");
    }

    private static Projection projection(PartiQlStatement.Select select) {
        ExpressionWriter out = new ExpressionWriter();
        List<String> paths = new ArrayList<>();
        select.projection().forEach(path -> paths.add(path.render(out)));
        return Expressions.projection(String.join(", ", paths), context(out));
    }

    private static ExpressionContext context(ExpressionWriter out) {
        ObjectNode placeholders = JsonNodeFactory.instance.objectNode();
        out.addTo(placeholders);
        return new ExpressionContext(placeholders.get("ExpressionAttributeNames"),
                placeholders.get("ExpressionAttributeValues"));
    }

    /** The item as the SELECT returns it, or null when its WHERE does not hold for it. */
    ObjectNode select(ObjectNode item) {
        if (item == null || (where != null && !where.test(item))) {
            return null;
        }
        return projection == null ? item : projection.apply(item);
    }
}
