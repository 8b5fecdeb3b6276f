package io.kinesisworkbook.emulator.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** PutItem, GetItem, UpdateItem and DeleteItem through the real SDK, with conditions and AWS's errors. */
class ItemsTest extends DynamoDbTestBase {

    @Test
    void anItemComesBackAsItWasPut() {
        String table = activeTable(null);
        Map<String, AttributeValue> item = item("pk", s("user-1"), "age", n(42),
                "tags", AttributeValue.fromSs(java.util.List.of("a", "b")),
                "profile", AttributeValue.fromM(item("city", s("Lisbon"), "visits", AttributeValue.fromL(
                        java.util.List.of(n(1), n(2))))),
                "photo", AttributeValue.fromB(SdkBytes.fromUtf8String("png")), "active", AttributeValue.fromBool(true),
                "nothing", AttributeValue.fromNul(true));
        dynamo.putItem(b -> b.tableName(table).item(item));

        assertThat(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("user-1")))).item()).isEqualTo(item);
        assertThat(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("nobody")))).hasItem()).isFalse();
    }

    @Test
    void putReturnsTheItemItReplaced() {
        String table = activeTable(null);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n(1))));

        Map<String, AttributeValue> old = dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k"), "v", n(2)))
                .returnValues(ReturnValue.ALL_OLD)).attributes();

        assertThat(old).containsEntry("v", n(1));
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k")))
                .returnValues(ReturnValue.ALL_NEW)))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void aConditionThatFailsLeavesTheItemAlone() {
        String table = activeTable(null);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("lease-1"), "owner", s("worker-1"))));

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("lease-1"), "owner", s("worker-2")))
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageStartingWith("The conditional request failed");
        assertThat(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("lease-1")))).item())
                .containsEntry("owner", s("worker-1"));
    }

    @Test
    void aFailedConditionCanReturnTheItemThatFailedIt() {
        String table = activeTable(null);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k"), "counter", n(7))));

        assertThatThrownBy(() -> dynamo.deleteItem(b -> b.tableName(table).key(item("pk", s("k")))
                .conditionExpression("#c = :expected").expressionAttributeNames(names("#c", "counter"))
                .expressionAttributeValues(values(":expected", n(6)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class,
                        failure -> assertThat(failure.item()).containsEntry("counter", n(7)));
    }

    @Test
    void updateCreatesAnItemAndReturnsWhatItChanged() {
        String table = activeTable(null);

        UpdateItemResponse created = dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("page-1")))
                .updateExpression("SET title = :t ADD hits :one").expressionAttributeValues(values(":t", s("Home"), ":one", n(1)))
                .returnValues(ReturnValue.ALL_NEW));
        UpdateItemResponse counted = dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("page-1")))
                .updateExpression("ADD hits :one").expressionAttributeValues(values(":one", n(1)))
                .returnValues(ReturnValue.UPDATED_OLD));

        assertThat(created.attributes()).isEqualTo(item("pk", s("page-1"), "title", s("Home"), "hits", n(1)));
        assertThat(counted.attributes()).isEqualTo(item("hits", n(1)));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("page-1")))).item()).containsEntry("hits", n(2));
    }

    @Test
    void anOptimisticLockAsKclTakesALease() {
        String table = activeTable(null);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("shard-0"), "leaseCounter", n(1))));

        dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("shard-0")))
                .updateExpression("SET leaseOwner = :owner, leaseCounter = leaseCounter + :one")
                .conditionExpression("leaseCounter = :seen")
                .expressionAttributeValues(values(":owner", s("worker-1"), ":one", n(1), ":seen", n(1))));

        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("shard-0")))
                .updateExpression("SET leaseOwner = :owner").conditionExpression("leaseCounter = :seen")
                .expressionAttributeValues(values(":owner", s("worker-2"), ":seen", n(1)))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("shard-0"))).consistentRead(true)).item())
                .containsEntry("leaseOwner", s("worker-1")).containsEntry("leaseCounter", n(2));
    }

    @Test
    void legacyExpectedAndAttributeUpdatesStillWork() {
        String table = activeTable(null);
        dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k"), "state", s("new")))
                .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build())));

        dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("k")))
                .attributeUpdates(Map.of("state", AttributeValueUpdate.builder().action(AttributeAction.PUT)
                        .value(s("done")).build()))
                .expected(Map.of("state", ExpectedAttributeValue.builder().value(s("new")).build())));

        assertThat(dynamo.getItem(b -> b.tableName(table).key(item("pk", s("k")))).item()).containsEntry("state", s("done"));
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k")))
                .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void expressionsAndLegacyParametersDoNotMix() {
        String table = activeTable(null);

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k")))
                .conditionExpression("attribute_not_exists(pk)")
                .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))))
                .hasMessageStartingWith("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
    }

    @Test
    void keysMustMatchTheSchema() {
        String table = activeTable(ScalarAttributeType.N);

        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName(table).key(item("pk", s("k")))))
                .hasMessageStartingWith("The provided key element does not match the schema");
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k"), "sk", s("not a number")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for key sk expected: N "
                        + "actual: S");
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Missing the key sk in the item");
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s(""), "sk", n(1)))))
                .hasMessageContaining("The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
    }

    @Test
    void keyAttributesCannotBeUpdated() {
        String table = activeTable(null);

        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table).key(item("pk", s("k")))
                .updateExpression("SET pk = :v").expressionAttributeValues(values(":v", s("other")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Cannot update attribute pk. "
                        + "This attribute is part of the key");
    }

    @Test
    void anItemOver400KbIsRefused() {
        String table = activeTable(null);
        String big = "x".repeat(400 * 1024);

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k"), "data", s(big)))))
                .hasMessageStartingWith("Item size has exceeded the maximum allowed size");
    }

    @Test
    void invalidValuesAreRefusedWithAwsWords() {
        String table = activeTable(null);

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k"), "n", n("twelve")))))
                .hasMessageStartingWith("The parameter cannot be converted to a numeric value: twelve");
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k"),
                "set", AttributeValue.fromSs(java.util.List.of("a", "a"))))))
                .hasMessageStartingWith("One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k"), "n", n("1E+126")))))
                .hasMessageStartingWith("Number overflow.");
    }

    @Test
    void itemOperationsOnAMissingTableAreNotFound() {
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("no-such-table").item(item("pk", s("k")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }

    @Test
    void consumedCapacityIsReportedWhenAskedFor() {
        String table = activeTable(null);

        var response = dynamo.putItem(b -> b.tableName(table).item(item("pk", s("k"), "data", s("y".repeat(1500))))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(2.0);
        assertThat(response.consumedCapacity().tableName()).isEqualTo(table);
    }
}
