package io.kinesisworkbook.emulator.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query and Scan over a table of events: three devices, twenty readings each, with a global index
 * by status. Reading it back page by page must give each item exactly once, in key order.
 */
class QueryAndScanTest extends DynamoDbTestBase {

    private static final int READINGS = 20;
    private String table;

    @BeforeAll
    void createEvents() {
        table = newTableName();
        dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("device").keyType(KeyType.HASH),
                        k -> k.attributeName("at").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("device").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("at").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(g -> g.indexName("by-status")
                        .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH),
                                k -> k.attributeName("at").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
        settle();
        for (String device : List.of("sensor-a", "sensor-b", "sensor-c")) {
            for (int at = 1; at <= READINGS; at++) {
                String status = at % 5 == 0 ? "alarm" : "ok";
                var reading = item("device", s(device), "at", n(at), "status", s(status), "celsius", n(15 + at));
                dynamo.putItem(b -> b.tableName(table).item(reading));
            }
        }
    }

    @Test
    void aQueryReadsOnePartitionInSortKeyOrder() {
        QueryResponse response = dynamo.query(b -> b.tableName(table).keyConditionExpression("device = :d")
                .expressionAttributeValues(values(":d", s("sensor-b"))));

        assertThat(response.count()).isEqualTo(READINGS);
        assertThat(response.items()).extracting(i -> Integer.parseInt(i.get("at").n())).isSorted();
        assertThat(response.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void aSortKeyConditionNarrowsAndScanIndexForwardReverses() {
        QueryResponse response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("device = :d AND #at BETWEEN :from AND :to")
                .expressionAttributeNames(names("#at", "at"))
                .expressionAttributeValues(values(":d", s("sensor-a"), ":from", n(5), ":to", n(8)))
                .scanIndexForward(false));

        assertThat(response.items()).extracting(i -> i.get("at").n()).containsExactly("8", "7", "6", "5");
    }

    @Test
    void aFilterCountsWhatWasReadAndReturnsWhatPassed() {
        QueryResponse response = dynamo.query(b -> b.tableName(table).keyConditionExpression("device = :d")
                .filterExpression("celsius > :hot").expressionAttributeValues(values(":d", s("sensor-c"), ":hot", n(30))));

        assertThat(response.scannedCount()).isEqualTo(READINGS);
        assertThat(response.count()).isEqualTo(5);
    }

    @Test
    void pagesOfAQueryJoinUpWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).keyConditionExpression("device = :d")
                    .expressionAttributeValues(values(":d", s("sensor-a"))).limit(6).exclusiveStartKey(from));
            page.items().forEach(i -> seen.add(i.get("at").n()));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);

        assertThat(seen).hasSize(READINGS).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void aGlobalIndexIsQueriedByItsOwnKey() {
        QueryResponse alarms = dynamo.query(b -> b.tableName(table).indexName("by-status")
                .keyConditionExpression("#s = :alarm").expressionAttributeNames(names("#s", "status"))
                .expressionAttributeValues(values(":alarm", s("alarm"))));

        assertThat(alarms.count()).isEqualTo(3 * READINGS / 5);
        assertThat(alarms.items()).extracting(i -> Integer.parseInt(i.get("at").n())).isSorted();
        assertThat(alarms.items().get(0).keySet()).containsExactlyInAnyOrder("device", "at", "status");
        assertThatThrownBy(() -> dynamo.query(b -> b.tableName(table).indexName("by-status").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("#s = :alarm").expressionAttributeNames(names("#s", "status"))
                .expressionAttributeValues(values(":alarm", s("alarm")))))
                .hasMessageContaining("Select type ALL_ATTRIBUTES is not supported for global secondary index by-status");
        assertThatThrownBy(() -> dynamo.query(b -> b.tableName(table).indexName("by-status").consistentRead(true)
                .keyConditionExpression("#s = :alarm").expressionAttributeNames(names("#s", "status"))
                .expressionAttributeValues(values(":alarm", s("alarm")))))
                .hasMessageStartingWith("Consistent reads are not supported on global secondary indexes");
    }

    @Test
    void aScanInParallelSegmentsSeesEveryItemOnce() {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 4; segment++) {
            int part = segment;
            for (ScanResponse page : dynamo.scanPaginator(b -> b.tableName(table).segment(part).totalSegments(4).limit(7))) {
                for (var item : page.items()) {
                    seen.add(item.get("device").s() + "/" + item.get("at").n());
                    total++;
                }
            }
        }

        assertThat(total).isEqualTo(3 * READINGS);
        assertThat(seen).hasSize(3 * READINGS);
    }

    @Test
    void aScanCanOnlyCount() {
        ScanResponse counted = dynamo.scan(b -> b.tableName(table).select(Select.COUNT)
                .filterExpression("#s = :ok").expressionAttributeNames(names("#s", "status"))
                .expressionAttributeValues(values(":ok", s("ok"))));

        assertThat(counted.count()).isEqualTo(3 * READINGS * 4 / 5);
        assertThat(counted.hasItems()).isFalse();
    }

    @Test
    void aProjectionReturnsOnlyTheNamedAttributes() {
        QueryResponse response = dynamo.query(b -> b.tableName(table).keyConditionExpression("device = :d")
                .projectionExpression("celsius").expressionAttributeValues(values(":d", s("sensor-a"))).limit(1));

        assertThat(response.items()).containsExactly(item("celsius", n(16)));
    }

    @Test
    void badQueriesGetAwsErrors() {
        assertThatThrownBy(() -> dynamo.query(b -> b.tableName(table).indexName("no-index")
                .keyConditionExpression("device = :d").expressionAttributeValues(values(":d", s("x")))))
                .hasMessageStartingWith("The table does not have the specified index: no-index");
        assertThatThrownBy(() -> dynamo.query(b -> b.tableName(table)))
                .hasMessageStartingWith("Either the KeyConditions or KeyConditionExpression parameter must be specified");
        assertThatThrownBy(() -> dynamo.scan(b -> b.tableName(table).segment(4).totalSegments(4)))
                .hasMessageStartingWith("The Segment parameter is zero-based and must be less than parameter TotalSegments");
    }
}
