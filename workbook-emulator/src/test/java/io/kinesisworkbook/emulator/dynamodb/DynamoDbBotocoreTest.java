package io.kinesisworkbook.emulator.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.PythonScript;
import io.kinesisworkbook.emulator.PythonScriptTest;
import org.junit.jupiter.api.Test;

/** DynamoDB through botocore (AWS JSON 1.0), as boto3 and the AWS CLI use it. */
class DynamoDbBotocoreTest extends PythonScriptTest {

    @Override
    protected PythonScript script() {
        return PythonScript.named("dynamodb_botocore.py").requires("boto3");
    }

    @Test
    void descriptionsHaveAwsShapesAndDatetimes() {
        assertThat(seen.at("/created/CreationDateTime/datetime").asText()).startsWith("20");
        assertThat(seen.at("/created/BillingModeSummary/BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(seen.at("/described/BillingModeSummary/LastUpdateToPayPerRequestDateTime/datetime").asText())
                .startsWith("20");
        assertThat(seen.get("described").has("TableClassSummary")).isFalse();
        assertThat(seen.at("/deleted/TableStatus").asText()).isEqualTo("DELETING");
        assertThat(seen.get("deleted").has("KeySchema")).isFalse();
    }

    @Test
    void warmThroughputReachesABotocoreThatKnowsIt() {
        PythonScript.assumeObserved(seen, "/described/WarmThroughput", "DynamoDB WarmThroughput");
        assertThat(seen.at("/described/WarmThroughput/ReadUnitsPerSecond").asLong()).isEqualTo(12_000);
        assertThat(seen.at("/described/GlobalSecondaryIndexes/0/WarmThroughput/WriteUnitsPerSecond").asLong()).isEqualTo(4_000);
    }

    @Test
    void itemsOfEveryTypeRoundTripThroughATableArn() {
        JsonNode item = seen.get("item");
        assertThat(item.at("/blob/B/bytes").asText()).isEqualTo("AAE=");
        assertThat(item.at("/nested/M/list/L/0/N").asText()).isEqualTo("1.5");
        assertThat(item.at("/nested/M/list/L/1/BOOL").asBoolean()).isTrue();
        assertThat(item.at("/tags/SS")).hasSize(2);
        assertThat(seen.at("/updated/status/S").asText()).isEqualTo("paid");
        assertThat(seen.at("/updated/tags/SS")).hasSize(3);
        assertThat(seen.get("query").asInt()).isEqualTo(1);
    }

    @Test
    void partiQlAnswersBotocore() {
        JsonNode partiQl = seen.get("partiql");
        assertThat(partiQl.at("/insert/Items")).isEmpty();
        assertThat(partiQl.at("/select/0/sk/N").asText()).isEqualTo("2");
        assertThat(partiQl.at("/select/0").has("status")).isFalse();
        assertThat(partiQl.at("/batch/0").has("Error")).isFalse();
        assertThat(partiQl.at("/batch/1/Error/Code").asText()).isEqualTo("DuplicateItem");
        assertThat(partiQl.at("/transaction/0/Item/status/S").asText()).isEqualTo("shipped");
        assertThat(partiQl.at("/duplicate/code").asText()).isEqualTo("DuplicateItemException");
        assertThat(partiQl.at("/duplicate/message").asText()).isEqualTo("Duplicate primary key exists in table");
        assertThat(partiQl.at("/malformed/message").asText())
                .isEqualTo("Statement wasn't well formed, can't be processed: Expected data manipulation");
    }

    @Test
    void errorMessagesReachBotocoreFromTheMemberAwsUses() {
        JsonNode errors = seen.get("errors");
        assertThat(errors.at("/missingTable/code").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(errors.at("/missingTable/message").asText()).isEqualTo("Requested resource not found: Table: no-such-table not found");
        assertThat(errors.at("/conditionFailed/message").asText()).isEqualTo("The conditional request failed");
        assertThat(errors.at("/transactionCanceled/code").asText()).isEqualTo("TransactionCanceledException");
        assertThat(errors.at("/transactionCanceled/message").asText())
                .isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]");
        assertThat(errors.at("/badKey/message").asText()).isEqualTo("The provided key element does not match the schema");
    }

    @Test
    void theKinesisStreamingDestinationWritesChangeRecords() {
        assertThat(seen.at("/enabled/DestinationStatus").asText()).isEqualTo("ENABLING");
        assertThat(seen.at("/destinations/KinesisDataStreamDestinations/0/DestinationStatus").asText()).isEqualTo("ACTIVE");
        JsonNode record = seen.at("/changeRecords/0");
        assertThat(record.get("eventName").asText()).isEqualTo("INSERT");
        assertThat(record.get("tableName").asText()).isEqualTo("py-orders");
        assertThat(record.at("/dynamodb/Keys/pk/S").asText()).isEqualTo("o-3");
        assertThat(seen.at("/disabled/DestinationStatus").asText()).isEqualTo("DISABLING");
    }
}
