package io.kinesisworkbook.emulator.dynamodb;

import io.kinesisworkbook.emulator.http.Validation;
import java.util.regex.Pattern;

/** What DynamoDB's operations share: the tables, how long AWS's state changes take, where changes go. */
final class DynamoDbContext {

    static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    final TableRegistry tables;
    final long transitionMillis;
    final DynamoDbMetrics metrics;
    /** Where item changes go: the tables' Kinesis streaming destinations. */
    final TableChanges changes;

    DynamoDbContext(TableRegistry tables, long transitionMillis, DynamoDbMetrics metrics, TableChanges changes) {
        this.tables = tables;
        this.transitionMillis = transitionMillis;
        this.metrics = metrics;
        this.changes = changes;
    }

    long now() {
        return tables.now();
    }

    /**
     * Checks a TableName member as AWS does: present, and either a table's ARN (up to 1,024 characters,
     * which AWS takes wherever a table name goes) or a name of 3 to 255 characters of {@code [a-zA-Z0-9_.-]}.
     */
    static Validation tableName(Validation validation, String name, String member) {
        if (TableRegistry.isArn(name)) {
            return validation.length(name, member, 1, 1024);
        }
        return validation.notNull(name, member).length(name, member, 3, 255).pattern(name, member, TABLE_NAME);
    }

    /** Checks a TableName member and throws at once if it is wrong. */
    static void checkTableName(String name) {
        tableName(new Validation(), name, "tableName").throwIfAny();
    }
}
