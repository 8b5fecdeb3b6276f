package io.kinesisworkbook.emulator.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Tables through the real SDK: their life cycle, indexes, settings and AWS's errors. */
class TableAdministrationTest extends DynamoDbTestBase {

    @Test
    void aNewTableIsCreatingThenActive() {
        String name = newTableName();
        TableDescription created = dynamo.createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST)).tableDescription();

        assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(created.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + name);
        assertThat(created.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        settle();
        TableDescription described = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.keySchema()).singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("id"));
        assertThat(described.itemCount()).isZero();
    }

    @Test
    void itemsCannotBeWrittenWhileTheTableIsCreating() {
        String name = newTableName();
        dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(name).item(item("id", s("a")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }

    @Test
    void aSecondTableOfTheSameNameIsInUse() {
        String name = activeTable(null);

        assertThatThrownBy(() -> dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("Table already exists: " + name);
    }

    @Test
    void aKeyMustBeDefinedAndEveryDefinitionUsed() {
        assertThatThrownBy(() -> dynamo.createTable(b -> b.tableName(newTableName()).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("other").attributeType(ScalarAttributeType.S))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Some index key attributes are not "
                        + "defined in AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]");
        assertThatThrownBy(() -> dynamo.createTable(b -> b.tableName(newTableName()).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("extra").attributeType(ScalarAttributeType.N))))
                .hasMessageStartingWith("One or more parameter values were invalid: Number of attributes in KeySchema "
                        + "does not exactly match number of attributes defined in AttributeDefinitions");
    }

    @Test
    void provisionedTablesNeedThroughputAndOnDemandTablesRefuseIt() {
        assertThatThrownBy(() -> dynamo.createTable(b -> b.tableName(newTableName())
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))))
                .hasMessageStartingWith("One or more parameter values were invalid: ReadCapacityUnits and "
                        + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        String name = newTableName();
        TableDescription table = dynamo.createTable(b -> b.tableName(name)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(3L))).tableDescription();
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(3L);
    }

    @Test
    void badNamesGetCoralValidationMessages() {
        assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName("ab")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 3");
        assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName("missing-table")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: missing-table not found");
    }

    @Test
    void aGlobalIndexAddedLaterBackfillsThenTurnsActive() {
        String name = activeTable(null);
        dynamo.putItem(b -> b.tableName(name).item(item("pk", s("a"), "owner", s("worker-1"))));

        TableDescription updating = dynamo.updateTable(b -> b.tableName(name)
                .attributeDefinitions(a -> a.attributeName("owner").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-owner")
                        .keySchema(k -> k.attributeName("owner").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))).tableDescription();

        assertThat(updating.tableStatus()).isEqualTo(TableStatus.UPDATING);
        GlobalSecondaryIndexDescription creating = updating.globalSecondaryIndexes().get(0);
        assertThat(creating.indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(creating.backfilling()).isTrue();
        settle();
        TableDescription active = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(active.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(active.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(1L);
        assertThat(active.attributeDefinitions()).hasSize(2);
    }

    @Test
    void listTablesPagesInNameOrder() {
        List<String> mine = List.of(activeTable(null), activeTable(null), activeTable(null));

        ListTablesResponse first = dynamo.listTables(b -> b.limit(1));
        assertThat(first.tableNames()).hasSize(1);
        assertThat(first.lastEvaluatedTableName()).isEqualTo(first.tableNames().get(0));
        List<String> all = dynamo.listTablesPaginator(b -> b.limit(2)).tableNames().stream().toList();
        assertThat(all).containsAll(mine).isSorted();
    }

    @Test
    void aDeletedTableIsDeletingThenGone() {
        String name = activeTable(null);

        assertThat(dynamo.deleteTable(b -> b.tableName(name)).tableDescription().tableStatus())
                .isEqualTo(TableStatus.DELETING);
        settle();
        assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName(name)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deletionProtectionRefusesTheDelete() {
        String name = activeTable(null);
        dynamo.updateTable(b -> b.tableName(name).deletionProtectionEnabled(true));
        settle();

        assertThatThrownBy(() -> dynamo.deleteTable(b -> b.tableName(name)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("protected against deletion");
    }

    @Test
    void timeToLiveDeletesExpiredItems() {
        String name = activeTable(null);
        long nowSeconds = clock.millis() / 1000;
        dynamo.putItem(b -> b.tableName(name).item(item("pk", s("old"), "expires", n(nowSeconds + 10))));
        dynamo.putItem(b -> b.tableName(name).item(item("pk", s("new"), "expires", n(nowSeconds + 3600))));

        dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        assertThat(dynamo.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.ENABLED);
        assertThatThrownBy(() -> dynamo.updateTimeToLive(b -> b.tableName(name)
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires"))))
                .hasMessageStartingWith("TimeToLive is already enabled");
        clock.advance(java.time.Duration.ofSeconds(60));
        assertThat(dynamo.scan(b -> b.tableName(name)).items())
                .extracting(i -> i.get("pk").s()).containsExactly("new");
    }

    @Test
    void pointInTimeRecoveryCanBeTurnedOn() {
        String name = activeTable(null);
        assertThat(dynamo.describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);

        dynamo.updateContinuousBackups(b -> b.tableName(name)
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));

        assertThat(dynamo.describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThatThrownBy(() -> dynamo.describeContinuousBackups(b -> b.tableName("no-such-table")))
                .isInstanceOf(TableNotFoundException.class);
    }

    @Test
    void tagsAreAddedListedAndRemovedByArn() {
        String name = activeTable(null);
        String arn = dynamo.describeTable(b -> b.tableName(name)).table().tableArn();

        dynamo.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("team").value("streams").build(),
                Tag.builder().key("course").value("kinesis").build()));
        dynamo.untagResource(b -> b.resourceArn(arn).tagKeys("course"));

        assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("team").value("streams").build());
        assertThatThrownBy(() -> dynamo.listTagsOfResource(b -> b.resourceArn(arn + "-missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void localIndexesNeedATableWithASortKey() {
        assertThatThrownBy(() -> dynamo.createTable(b -> b.tableName(newTableName()).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("at").attributeType(ScalarAttributeType.N))
                .localSecondaryIndexes(l -> l.indexName("by-time")
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                                k -> k.attributeName("at").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))))
                .hasMessageContaining("Table KeySchema does not have a range key, which is required when specifying a "
                        + "LocalSecondaryIndex");
    }

    @Test
    void anUnknownOperationIsRefused() {
        assertThatThrownBy(() -> dynamo.describeGlobalTable(b -> b.globalTableName("x")))
                .isInstanceOf(DynamoDbException.class)
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorCode())
                .isEqualTo("UnknownOperationException");
    }
}
