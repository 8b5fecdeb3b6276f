package io.kinesisworkbook.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.PythonScript;
import io.kinesisworkbook.emulator.PythonScriptTest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Kinesis through botocore (AWS JSON 1.1, as the AWS CLI and boto3 send it): one script does a
 * stream's life, and each test checks a part of what botocore made of the answers.
 */
class KinesisBotocoreTest extends PythonScriptTest {

    @Override
    protected PythonScript script() {
        return PythonScript.named("kinesis_botocore.py").requires("boto3");
    }

    @Test
    void timestampsReachBotocoreAsDatetimes() {
        assertThat(seen.at("/summary/StreamCreationTimestamp/datetime").asText()).startsWith("20");
        assertThat(seen.at("/getRecords/Records/0/ApproximateArrivalTimestamp/datetime").asText()).startsWith("20");
        assertThat(seen.at("/consumer/ConsumerCreationTimestamp/datetime").asText()).startsWith("20");
    }

    @Test
    void blobsRoundTripAsBytes() {
        JsonNode records = seen.at("/getRecords/Records");
        assertThat(records).hasSize(3);
        assertThat(Base64.getDecoder().decode(records.get(0).at("/Data/bytes").asText()))
                .containsExactly(0, 1, 'b', 'i', 'n', 'a', 'r', 'y', 0xff);
        assertThat(new String(Base64.getDecoder().decode(records.get(2).at("/Data/bytes").asText()))).isEqualTo("second");
        assertThat(seen.at("/getRecords/MillisBehindLatest").asLong()).isZero();
    }

    @Test
    void aQuotedShardIteratorReadsTheSameRecords() {
        assertThat(seen.at("/getRecordsQuoted/Records")).isEqualTo(seen.at("/getRecords/Records"));
    }

    @Test
    void atTimestampTakesBotocoresEpochSeconds() {
        assertThat(seen.at("/atTimestamp")).hasSize(3);
    }

    @Test
    void createStreamWithoutShardCountOrModeIsOnDemand() {
        assertThat(seen.at("/onDemand/StreamModeDetails/StreamMode").asText()).isEqualTo("ON_DEMAND");
        assertThat(seen.at("/onDemand/OpenShardCount").asInt()).isEqualTo(4);
        assertThat(seen.at("/summary/StreamModeDetails/StreamMode").asText()).isEqualTo("PROVISIONED");
    }

    @Test
    void resourcePoliciesArePutReadAndDeleted() {
        PythonScript.assumeObserved(seen, "/policy", "Kinesis PutResourcePolicy");
        assertThat(seen.at("/policyBefore/Policy").asText()).isEqualTo("{}");
        assertThat(seen.at("/policy/Policy").asText()).contains("\"Sid\": \"read\"", "kinesis:GetRecords");
        assertThat(seen.at("/policyAfter/Policy").asText()).isEqualTo("{}");
    }

    @Test
    void errorsCarryAwsCodesAndMessagesAsBotocoreReadsThem() {
        JsonNode errors = seen.get("errors");
        assertThat(errors.at("/missingStream/code").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(errors.at("/missingStream/message").asText()).isEqualTo("Stream nope under account 000000000000 not found.");
        assertThat(errors.at("/missingStream/status").asInt()).isEqualTo(400);
        assertThat(errors.at("/badIterator/code").asText()).isEqualTo("InvalidArgumentException");
        assertThat(errors.at("/streamExists/code").asText()).isEqualTo("ResourceInUseException");
        assertThat(errors.at("/onDemandWithShards/code").asText()).isEqualTo("InvalidArgumentException");
    }

    @Test
    void resourcePolicyErrorsAreAwsTypes() {
        PythonScript.assumeObserved(seen, "/policy", "Kinesis PutResourcePolicy");
        JsonNode errors = seen.get("errors");
        assertThat(errors.at("/deleteMissingPolicy/code").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(errors.at("/policyNotJson/code").asText()).isEqualTo("InvalidArgumentException");
        assertThat(errors.at("/policyNotJson/message").asText()).startsWith("Invalid resource policy:");
    }
}
