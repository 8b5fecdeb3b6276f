package io.kinesisworkbook.emulator.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** PartiQL through the real SDK: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. */
class PartiQlTest extends DynamoDbTestBase {

    String table;

    @BeforeAll
    void ordersTable() {
        table = newTableName();
        dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("page").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("by-page").keySchema(k -> k.attributeName("page").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        settle();
        for (int i = 1; i <= 5; i++) {
            execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'user-1', 'sk': ?, 'page': ?, 'tags': <<'a', 'b'>>}",
                    n(i), s(i % 2 == 0 ? "/home" : "/cart"));
        }
    }

    @Test
    void insertTakesEveryLiteralAndRefusesATakenKey() {
        execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'literals', 'sk': -1.5, 'ok': TRUE, 'none': NULL, "
                + "'list': [1, 'two'], 'map': {'inner': 'x'}, 'numbers': <<1, 2>>, 'quote': 'it''s'}");
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(item("pk", s("literals"), "sk", n("-1.5")))).item();
        assertThat(item).containsEntry("ok", AttributeValue.fromBool(true))
                .containsEntry("none", AttributeValue.fromNul(true))
                .containsEntry("list", AttributeValue.fromL(List.of(n(1), s("two"))))
                .containsEntry("map", AttributeValue.fromM(Map.of("inner", s("x"))))
                .containsEntry("numbers", AttributeValue.fromNs(List.of("1", "2")))
                .containsEntry("quote", s("it's"));
        assertThatThrownBy(() -> execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'literals', 'sk': -1.5}"))
                .isInstanceOf(DuplicateItemException.class).hasMessageStartingWith("Duplicate primary key exists in table");
        assertThatThrownBy(() -> execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'no-sort-key'}"))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("Key attribute should be present in the item: Key sk");
    }

    @Test
    void selectQueriesAPartitionInOrderFiltersAndProjects() {
        ExecuteStatementResponse all = execute("SELECT * FROM \"" + table + "\" WHERE pk = ?", s("user-1"));
        assertThat(sortKeys(all.items())).containsExactly("1", "2", "3", "4", "5");
        ExecuteStatementResponse descending = execute("SELECT sk FROM \"" + table + "\" WHERE pk = 'user-1' AND sk > 2 "
                + "ORDER BY sk DESC");
        assertThat(sortKeys(descending.items())).containsExactly("5", "4", "3");
        assertThat(descending.items().get(0)).containsOnlyKeys("sk");
        ExecuteStatementResponse filtered = execute("SELECT * FROM \"" + table + "\" WHERE pk = 'user-1' AND page = '/home' "
                + "AND contains(tags, 'a') AND size(tags) = 2 AND missing_attribute IS MISSING");
        assertThat(sortKeys(filtered.items())).containsExactly("2", "4");
        assertThat(sortKeys(execute("SELECT * FROM \"" + table + "\" WHERE pk = 'user-1' AND sk BETWEEN 2 AND 3").items()))
                .containsExactly("2", "3");
        assertThat(sortKeys(execute("SELECT * FROM \"" + table + "\" WHERE sk IN (1, 5) AND begins_with(pk, 'user')").items()))
                .containsExactlyInAnyOrder("1", "5");
        assertThat(sortKeys(execute("SELECT * FROM \"" + table + "\".\"by-page\" WHERE page = '/cart'").items()))
                .containsExactlyInAnyOrder("1", "3", "5");
    }

    @Test
    void aLimitPagesWithNextToken() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String from = token;
            ExecuteStatementResponse page = dynamo.executeStatement(b -> b.statement("SELECT * FROM \"" + table
                    + "\" WHERE pk = 'user-1'").limit(2).nextToken(from));
            seen.addAll(sortKeys(page.items()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen).containsExactly("1", "2", "3", "4", "5");
        assertThat(pages).isEqualTo(3);
        String first = dynamo.executeStatement(b -> b.statement("SELECT * FROM \"" + table + "\" WHERE pk = 'user-1'")
                .limit(2)).nextToken();
        assertThatThrownBy(() -> dynamo.executeStatement(b -> b.statement("SELECT * FROM \"" + table + "\"").nextToken(first)))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("NextToken does not match request");
    }

    @Test
    void updateSetsRemovesAddsAndReturnsAsAsked() {
        execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'counter', 'sk': 1, 'n': 1, 'gone': 'x', 'tags': <<'a'>>}");
        ExecuteStatementResponse updated = execute("UPDATE \"" + table + "\" SET n = n + ? SET tags = set_add(tags, <<'b'>>) "
                + "REMOVE gone WHERE pk = 'counter' AND sk = 1 RETURNING ALL NEW *", n(41));
        assertThat(updated.items()).singleElement().satisfies(item -> {
            assertThat(item.get("n")).isEqualTo(n(42));
            assertThat(item.get("tags").ss()).containsExactlyInAnyOrder("a", "b");
            assertThat(item).doesNotContainKey("gone");
        });
        assertThatThrownBy(() -> execute("UPDATE \"" + table + "\" SET n = 0 WHERE pk = 'nobody' AND sk = 1"))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> execute("UPDATE \"" + table + "\" SET n = 0 WHERE pk = 'counter'"))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Where clause does not contain a mandatory equality on all key attributes");
        assertThatThrownBy(() -> execute("UPDATE \"" + table + "\" SET n = 0 WHERE pk = 'counter' AND sk = 1 AND n = 5"))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void deleteReturnsTheOldItemWhenAsked() {
        execute("INSERT INTO \"" + table + "\" VALUE {'pk': 'doomed', 'sk': 1, 'what': 'x'}");
        ExecuteStatementResponse deleted = execute("DELETE FROM \"" + table + "\" WHERE pk = 'doomed' AND sk = 1 "
                + "RETURNING ALL OLD *");
        assertThat(deleted.items()).singleElement().satisfies(item -> assertThat(item.get("what")).isEqualTo(s("x")));
        assertThat(execute("SELECT * FROM \"" + table + "\" WHERE pk = 'doomed'").items()).isEmpty();
        assertThatThrownBy(() -> execute("DELETE FROM \"" + table + "\" WHERE pk = 'doomed' AND sk = 1 RETURNING ALL NEW *"))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Only RETURNING ALL OLD * is allowed in DELETE statements.");
    }

    @Test
    void badStatementsGetDynamoDbsErrors() {
        assertThatThrownBy(() -> execute("SLECT * FROM \"" + table + "\""))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Statement wasn't well formed, can't be processed: Expected data manipulation");
        assertThatThrownBy(() -> execute("SELECT * FROM \"" + table + "\" WHERE pk = ?"))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Number of parameters in request and statement don't match.");
        assertThatThrownBy(() -> execute("SELECT * FROM \"no-such-table\""))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> execute("SELECT * FROM \"" + table + "\" ORDER BY sk"))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("ORDER BY");
        assertThatThrownBy(() -> dynamo.executeStatement(b -> b.statement("SELECT * FROM \"" + table + "\"").parameters(List.of())))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("1 validation error detected: Value '[]' at 'parameters' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void aBatchAnswersEachStatementOnItsOwn() {
        List<BatchStatementResponse> writes = dynamo.batchExecuteStatement(b -> b.statements(
                statement("INSERT INTO \"" + table + "\" VALUE {'pk': 'batch', 'sk': 1}"),
                statement("INSERT INTO \"" + table + "\" VALUE {'pk': 'batch', 'sk': 1}"),
                statement("UPDATE \"" + table + "\" SET x = 1 WHERE pk = 'batch'"))).responses();
        assertThat(writes.get(0).error()).isNull();
        assertThat(writes.get(0).tableName()).isEqualTo(table);
        assertThat(writes.get(1).error().codeAsString()).isEqualTo("DuplicateItem");
        assertThat(writes.get(2).error().codeAsString()).isEqualTo("ValidationError");
        List<BatchStatementResponse> reads = dynamo.batchExecuteStatement(b -> b.statements(
                statement("SELECT * FROM \"" + table + "\" WHERE pk = 'batch' AND sk = 1"),
                statement("SELECT * FROM \"" + table + "\" WHERE pk = 'nobody' AND sk = 1"))).responses();
        assertThat(reads.get(0).item()).containsEntry("pk", s("batch"));
        assertThat(reads.get(1).item()).isEmpty();
    }

    @Test
    void aTransactionWritesAllOrNothing() {
        assertThatThrownBy(() -> dynamo.executeTransaction(b -> b.transactStatements(
                parameterized("INSERT INTO \"" + table + "\" VALUE {'pk': 'tx', 'sk': 1}"),
                parameterized("INSERT INTO \"" + table + "\" VALUE {'pk': 'user-1', 'sk': 1}"))))
                .isInstanceOf(TransactionCanceledException.class)
                .satisfies(e -> assertThat(((TransactionCanceledException) e).cancellationReasons())
                        .extracting(r -> r.code()).containsExactly("None", "ValidationError"));
        assertThat(execute("SELECT * FROM \"" + table + "\" WHERE pk = 'tx'").items()).isEmpty();
        dynamo.executeTransaction(b -> b.transactStatements(
                parameterized("INSERT INTO \"" + table + "\" VALUE {'pk': 'tx', 'sk': 1}"),
                parameterized("UPDATE \"" + table + "\" SET seen = TRUE WHERE pk = 'user-1' AND sk = 1")));
        var read = dynamo.executeTransaction(b -> b.transactStatements(
                parameterized("SELECT * FROM \"" + table + "\" WHERE pk = 'tx' AND sk = 1"),
                parameterized("SELECT seen FROM \"" + table + "\" WHERE pk = 'user-1' AND sk = 1"))).responses();
        assertThat(read.get(0).item()).containsEntry("pk", s("tx"));
        assertThat(read.get(1).item()).containsExactly(Map.entry("seen", AttributeValue.fromBool(true)));
        assertThatThrownBy(() -> dynamo.executeTransaction(b -> b.transactStatements(
                parameterized("SELECT * FROM \"" + table + "\" WHERE pk = 'tx' AND sk = 1"),
                parameterized("DELETE FROM \"" + table + "\" WHERE pk = 'tx' AND sk = 1"))))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("either read statements or write statements");
    }

    private ExecuteStatementResponse execute(String statement, AttributeValue... parameters) {
        return dynamo.executeStatement(b -> {
            b.statement(statement);
            if (parameters.length > 0) {
                b.parameters(parameters);
            }
        });
    }

    private static BatchStatementRequest statement(String statement) {
        return BatchStatementRequest.builder().statement(statement).build();
    }

    private static ParameterizedStatement parameterized(String statement) {
        return ParameterizedStatement.builder().statement(statement).build();
    }

    private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> item.get("sk").n()).toList();
    }
}
