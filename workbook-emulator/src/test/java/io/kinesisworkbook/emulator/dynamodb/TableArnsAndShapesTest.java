package io.kinesisworkbook.emulator.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Where AWS's DynamoDB has moved on: a table's ARN taken wherever its name goes, and the shapes of
 * CreateTable's, DescribeTable's and DeleteTable's descriptions as AWS gives them today.
 */
class TableArnsAndShapesTest extends DynamoDbTestBase {

    @Test
    void aTableArnGoesWhereverATableNameGoes() {
        String name = activeTable(null);
        String arn = dynamo.describeTable(b -> b.tableName(name)).table().tableArn();
        assertThat(dynamo.describeTable(b -> b.tableName(arn)).table().tableName()).isEqualTo(name);

        dynamo.putItem(b -> b.tableName(arn).item(item("pk", s("a"), "n", n(1))));
        dynamo.updateItem(b -> b.tableName(arn).key(item("pk", s("a"))).updateExpression("SET n = n + :one")
                .expressionAttributeValues(values(":one", n(1))));
        assertThat(dynamo.getItem(b -> b.tableName(arn).key(item("pk", s("a")))).item().get("n")).isEqualTo(n(2));
        assertThat(dynamo.query(b -> b.tableName(arn).keyConditionExpression("pk = :a")
                .expressionAttributeValues(values(":a", s("a")))).count()).isEqualTo(1);
        assertThat(dynamo.scan(b -> b.tableName(arn)).count()).isEqualTo(1);

        dynamo.batchWriteItem(b -> b.requestItems(Map.of(arn, List.of(
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                        .putRequest(p -> p.item(item("pk", s("b")))).build()))));
        Map<String, List<Map<String, AttributeValue>>> got = dynamo.batchGetItem(b -> b.requestItems(Map.of(arn,
                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                        .keys(item("pk", s("a")), item("pk", s("b"))).build()))).responses();
        assertThat(got).containsOnlyKeys(arn);
        assertThat(got.get(arn)).hasSize(2);

        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(arn).item(item("pk", s("c")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(arn).key(item("pk", s("b")))).build()));
        assertThat(dynamo.transactGetItems(b -> b.transactItems(t -> t.get(g -> g.tableName(arn).key(item("pk", s("c"))))))
                .responses().get(0).item()).containsEntry("pk", s("c"));

        dynamo.updateTable(b -> b.tableName(arn).deletionProtectionEnabled(false));
        settle();
        assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName(arn.replace("us-east-1", "eu-west-1"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(dynamo.deleteTable(b -> b.tableName(arn)).tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
    }

    @Test
    void aStandardTableShowsNoTableClassAndAnInfrequentAccessOneDoes() {
        String standard = activeTable(null);
        assertThat(dynamo.describeTable(b -> b.tableName(standard)).table().tableClassSummary()).isNull();
        String infrequent = newTableName();
        dynamo.createTable(b -> b.tableName(infrequent).billingMode(BillingMode.PAY_PER_REQUEST)
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
        settle();
        assertThat(dynamo.describeTable(b -> b.tableName(infrequent)).table().tableClassSummary().tableClass())
                .isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
    }

    @Test
    void tablesAndGlobalIndexesReportTheirWarmThroughput() {
        String onDemand = newTableName();
        TableDescription created = dynamo.createTable(b -> b.tableName(onDemand).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(i -> i.indexName("by-g").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))).tableDescription();
        assertThat(created.warmThroughput()).as("CreateTable shows none unless asked").isNull();
        settle();
        TableDescription described = dynamo.describeTable(b -> b.tableName(onDemand)).table();
        assertThat(described.warmThroughput().readUnitsPerSecond()).isEqualTo(12_000L);
        assertThat(described.warmThroughput().writeUnitsPerSecond()).isEqualTo(4_000L);
        assertThat(described.warmThroughput().statusAsString()).isEqualTo("ACTIVE");
        assertThat(described.globalSecondaryIndexes().get(0).warmThroughput().readUnitsPerSecond()).isEqualTo(12_000L);

        String provisioned = newTableName();
        TableDescription warmed = dynamo.createTable(b -> b.tableName(provisioned).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
                .warmThroughput(w -> w.readUnitsPerSecond(1000L).writeUnitsPerSecond(1200L))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))).tableDescription();
        assertThat(warmed.warmThroughput().statusAsString()).isEqualTo("UPDATING");
        settle();
        assertThat(dynamo.describeTable(b -> b.tableName(provisioned)).table().warmThroughput().writeUnitsPerSecond())
                .isEqualTo(1200L);
    }

    @Test
    void deleteTableAnswersWithTheShortDescriptionAwsGives() {
        String name = activeTable(null);
        TableDescription deleted = dynamo.deleteTable(b -> b.tableName(name)).tableDescription();
        assertThat(deleted.tableName()).isEqualTo(name);
        assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThat(deleted.tableArn()).endsWith(":table/" + name);
        assertThat(deleted.itemCount()).isZero();
        assertThat(deleted.hasKeySchema()).isFalse();
        assertThat(deleted.hasAttributeDefinitions()).isFalse();
        assertThat(deleted.creationDateTime()).isNull();
        assertThat(deleted.warmThroughput()).isNull();
    }

    @Test
    void aBatchPutOfAnItemWithoutItsKeyIsASchemaMismatch() {
        String name = activeTable(ScalarAttributeType.S);
        assertThatThrownBy(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(name, List.of(
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                        .putRequest(p -> p.item(item("pk", s("a"), "other", s("x")))).build())))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The provided key element does not match the schema");
    }
}
