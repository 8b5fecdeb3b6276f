package io.kinesisworkbook.emulator.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem, BatchWriteItem, TransactWriteItems and TransactGetItems through the real SDK. */
class BatchAndTransactionTest extends DynamoDbTestBase {

    @Test
    void aBatchWritesAndReadsAcrossTables() {
        String orders = activeTable(null);
        String customers = activeTable(null);

        dynamo.batchWriteItem(b -> b.requestItems(Map.of(
                orders, List.of(put(item("pk", s("o-1"), "total", n(30))), put(item("pk", s("o-2"), "total", n(12)))),
                customers, List.of(put(item("pk", s("c-1"), "name", s("Ada")))))));
        BatchGetItemResponse read = dynamo.batchGetItem(b -> b.requestItems(Map.of(
                orders, KeysAndAttributes.builder().keys(item("pk", s("o-1")), item("pk", s("o-9"))).build(),
                customers, KeysAndAttributes.builder().keys(item("pk", s("c-1"))).projectionExpression("#n")
                        .expressionAttributeNames(names("#n", "name")).build())));

        assertThat(read.responses().get(orders)).containsExactly(item("pk", s("o-1"), "total", n(30)));
        assertThat(read.responses().get(customers)).containsExactly(item("name", s("Ada")));
        assertThat(read.unprocessedKeys()).isEmpty();
    }

    @Test
    void aBatchHoldsAtMost25WritesAndNoKeyTwice() {
        String table = activeTable(null);
        List<WriteRequest> tooMany = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            tooMany.add(put(item("pk", s("k-" + i))));
        }

        assertThatThrownBy(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, tooMany))))
                .hasMessageContaining("Member must have length less than or equal to 25");
        assertThatThrownBy(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table,
                List.of(put(item("pk", s("same"))), put(item("pk", s("same"))))))))
                .hasMessageStartingWith("Provided list of item keys contains duplicates");
    }

    @Test
    void aTransactionWritesAllOrNothing() {
        String accounts = activeTable(null);
        dynamo.putItem(b -> b.tableName(accounts).item(item("pk", s("alice"), "balance", n(100))));
        dynamo.putItem(b -> b.tableName(accounts).item(item("pk", s("bob"), "balance", n(0))));

        transfer(accounts, 70);
        assertThatThrownBy(() -> transfer(accounts, 70))
                .isInstanceOfSatisfying(TransactionCanceledException.class, cancelled -> {
                    assertThat(cancelled.getMessage()).startsWith("Transaction cancelled, please refer cancellation "
                            + "reasons for specific reasons [ConditionalCheckFailed, None]");
                    assertThat(cancelled.cancellationReasons()).extracting(r -> r.code())
                            .containsExactly("ConditionalCheckFailed", "None");
                });

        assertThat(balance(accounts, "alice")).isEqualTo("30");
        assertThat(balance(accounts, "bob")).isEqualTo("70");
    }

    @Test
    void aTransactionMayTouchAnItemOnlyOnce() {
        String table = activeTable(null);

        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s("x")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(item("pk", s("x")))).build())))
                .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void theSameClientTokenDoesNotWriteTwice() {
        String table = activeTable(null);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("counter"), "n", n(0))));

        for (int i = 0; i < 2; i++) {
            dynamo.transactWriteItems(b -> b.clientRequestToken("add-once").transactItems(TransactWriteItem.builder()
                    .update(u -> u.tableName(table).key(item("pk", s("counter"))).updateExpression("ADD n :one")
                            .expressionAttributeValues(values(":one", n(1)))).build()));
        }

        assertThat(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("counter")))).item()).containsEntry("n", n(1));
    }

    @Test
    void aTransactionReadsSeveralItems() {
        String table = activeTable(null);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("a"), "v", n(1))));

        var responses = dynamo.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName(table).key(item("pk", s("a")))),
                t -> t.get(g -> g.tableName(table).key(item("pk", s("missing")))))).responses();

        assertThat(responses).hasSize(2);
        assertThat(responses.get(0).item()).containsEntry("v", n(1));
        assertThat(responses.get(1).hasItem()).isFalse();
    }

    private void transfer(String table, int amount) {
        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().update(u -> u.tableName(table).key(item("pk", s("alice")))
                        .updateExpression("SET balance = balance - :amount").conditionExpression("balance >= :amount")
                        .expressionAttributeValues(values(":amount", n(amount)))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(item("pk", s("bob")))
                        .updateExpression("SET balance = balance + :amount")
                        .expressionAttributeValues(values(":amount", n(amount)))).build()));
    }

    private String balance(String table, String account) {
        return dynamo.getItem(b -> b.tableName(table).key(item("pk", s(account)))).item().get("balance").n();
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }
}
