package io.kinesisworkbook.emulator.dynamodb.partiql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A parsed PartiQL statement, as DynamoDB supports them: SELECT, INSERT, UPDATE and DELETE of one table. */
public sealed interface PartiQlStatement {

    /** The table the statement reads or writes (a name or an ARN). */
    String table();

    /** Whether the statement only reads. */
    default boolean isRead() {
        return this instanceof Select;
    }

    /**
     * {@code SELECT projection FROM table[.index] [WHERE where] [ORDER BY orderBy [DESC]]}.
     *
     * @param projection the paths selected; empty for {@code *}
     * @param where      null without a WHERE clause
     * @param orderBy    the key attribute to order by, or null
     */
    record Select(String table, String index, List<PartiQlExpression.Path> projection, PartiQlExpression where,
                  String orderBy, boolean descending) implements PartiQlStatement {
    }

    /** {@code INSERT INTO table VALUE {...}}. */
    record Insert(String table, ObjectNode item) implements PartiQlStatement {
    }

    /**
     * {@code UPDATE table SET ... REMOVE ... WHERE where [RETURNING returning]}.
     *
     * @param returning DynamoDB's ReturnValues (ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW), or null
     */
    record Update(String table, List<Assignment> assignments, List<PartiQlExpression.Path> removals,
                  PartiQlExpression where, String returning) implements PartiQlStatement {
    }

    /** {@code DELETE FROM table WHERE where [RETURNING ALL OLD *]}. */
    record Delete(String table, PartiQlExpression where, String returning) implements PartiQlStatement {
    }

    /** {@code path = value} in an UPDATE's SET. */
    record Assignment(PartiQlExpression.Path path, PartiQlExpression value) {
    }

    /** The conditions a WHERE clause ANDs together at its top level. */
    public static List<PartiQlExpression> conjuncts(PartiQlExpression where) {
        List<PartiQlExpression> conjuncts = new ArrayList<>();
        if (where instanceof PartiQlExpression.And and) {
            conjuncts.addAll(conjuncts(and.left()));
            conjuncts.addAll(conjuncts(and.right()));
        } else if (where != null) {
            conjuncts.add(where);
        }
        return conjuncts;
    }
}
