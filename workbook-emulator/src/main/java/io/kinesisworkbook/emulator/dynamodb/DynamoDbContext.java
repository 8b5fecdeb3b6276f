package io.kinesisworkbook.emulator.dynamodb;

import io.kinesisworkbook.emulator.http.Validation;
import java.util.regex.Pattern;

/** What DynamoDB's operations share: the tables and how long AWS's state changes take. */
final class DynamoDbContext {

    static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    final TableRegistry tables;
    final long transitionMillis;
    final DynamoDbMetrics metrics;

    DynamoDbContext(TableRegistry tables, long transitionMillis, DynamoDbMetrics metrics) {
        this.tables = tables;
        this.transitionMillis = transitionMillis;
        this.metrics = metrics;
    }

    long now() {
        return tables.now();
    }

    /** Checks a TableName member as AWS does: present, 3 to 255 characters of {@code [a-zA-Z0-9_.-]}. */
    static Validation tableName(Validation validation, String name, String member) {
        return validation.notNull(name, member).length(name, member, 3, 255).pattern(name, member, TABLE_NAME);
    }

    /** Checks a TableName member and throws at once if it is wrong. */
    static void checkTableName(String name) {
        tableName(new Validation(), name, "tableName").throwIfAny();
    }
}
