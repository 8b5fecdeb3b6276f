package io.kinesisworkbook.emulator.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.PythonScript;
import io.kinesisworkbook.emulator.PythonScriptTest;
import org.junit.jupiter.api.Test;

/** Firehose through botocore: a Direct PUT delivery stream into the emulator's S3, as boto3 drives it. */
class FirehoseBotocoreTest extends PythonScriptTest {

    @Override
    protected PythonScript script() {
        return PythonScript.named("firehose_botocore.py").requires("boto3");
    }

    @Test
    void aDeliveryStreamIsDescribedWithDatetimesAndDelivers() {
        assertThat(seen.at("/created/DeliveryStreamARN").asText()).endsWith(":deliverystream/py-logs");
        assertThat(seen.at("/described/CreateTimestamp/datetime").asText()).startsWith("20");
        assertThat(seen.at("/put/RecordId").asText()).isNotEmpty();
        assertThat(seen.at("/batch/FailedPutCount").asInt()).isZero();
        assertThat(seen.get("objects")).isNotEmpty().allSatisfy(key -> assertThat(key.asText()).startsWith("logs/"));
        // One object or two (the record and the batch may be buffered apart): every line once.
        assertThat(seen.get("lines")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("{\"line\": 1}", "{\"line\": 2}", "{\"line\": 3}");
    }

    @Test
    void theFileExtensionEndsTheObjectsKey() {
        PythonScript.assumeObserved(seen, "/fileExtension", "Firehose's FileExtension");
        assertThat(seen.at("/objects/0").asText()).endsWith(".jsonl");
    }

    @Test
    void errorsCarryFirehosesCodesAndLowercaseMessage() {
        assertThat(seen.at("/errors/missingStream/code").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(seen.at("/errors/missingStream/message").asText())
                .isEqualTo("Firehose no-such-stream under account 000000000000 not found.");
        assertThat(seen.at("/errors/streamExists/code").asText()).isEqualTo("ResourceInUseException");
        assertThat(memberNames(seen.at("/rawMissing/body"))).containsExactlyInAnyOrder("__type", "message");
    }

}
