package io.kinesisworkbook.lib.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class S3ActivityTest {

    /** The "Object Created" example from the Amazon S3 user guide, plus a field we do not model. */
    private static final String AWS_EXAMPLE = """
            {
              "version": "0",
              "id": "17793124-05d4-b198-2fde-7ededc63b103",
              "detail-type": "Object Created",
              "source": "aws.s3",
              "account": "111122223333",
              "time": "2021-11-12T00:00:00Z",
              "region": "ca-central-1",
              "resources": ["arn:aws:s3:::amzn-s3-demo-bucket1"],
              "detail": {
                "version": "0",
                "bucket": {"name": "amzn-s3-demo-bucket1"},
                "object": {
                  "key": "example-key",
                  "size": 5,
                  "etag": "b1946ac92492d2347c6235b4d2611184",
                  "version-id": "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e",
                  "sequencer": "00617F08299329D189"
                },
                "request-id": "N4N7GDK58NMKJ12R",
                "requester": "123456789012",
                "source-ip-address": "1.2.3.4",
                "reason": "PutObject",
                "a-field-added-later": true
              }
            }
            """;

    private final List<S3ObjectEvent> events = S3Activity.seeded(42).region("eu-west-1").take(20_000);

    @Test
    void aRealEventBridgeEventDecodes() {
        S3ObjectEvent event = Events.fromJson(AWS_EXAMPLE, S3ObjectEvent.class);

        assertThat(event.detailType()).isEqualTo(S3ObjectEvent.OBJECT_CREATED);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2021-11-12T00:00:00Z"));
        assertThat(event.detail().object().versionId()).isEqualTo("IYV3p45BT0ac8hjHg1houSdS1a.Mro8e");
        assertThat(event.detail().sourceIpAddress()).isEqualTo("1.2.3.4");
        assertThat(event.partitionKey()).isEqualTo("amzn-s3-demo-bucket1/example-key");
    }

    @Test
    void generatedEventsHaveEventBridgesShape() throws Exception {
        for (S3ObjectEvent event : events.subList(0, 500)) {
            JsonNode json = new ObjectMapper().readTree(event.toJson());
            String bucket = json.at("/detail/bucket/name").asText();

            assertThat(json.get("source").asText()).isEqualTo("aws.s3");
            assertThat(json.get("region").asText()).isEqualTo("eu-west-1");
            assertThat(json.get("resources").get(0).asText()).isEqualTo("arn:aws:s3:::" + bucket);
            assertThat(json.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            boolean created = event.detailType().equals(S3ObjectEvent.OBJECT_CREATED);
            assertThat(json.at("/detail/object/size").isMissingNode()).isEqualTo(!created);
            assertThat(json.at("/detail/deletion-type").isMissingNode()).isEqualTo(created);
        }
    }

    @Test
    void onlyStoredObjectsAreDeletedAndEachOnlyOnce() {
        Set<String> stored = new HashSet<>();
        int deletions = 0;
        for (S3ObjectEvent event : events) {
            if (event.detailType().equals(S3ObjectEvent.OBJECT_CREATED)) {
                stored.add(event.partitionKey());
            } else {
                assertThat(stored.remove(event.partitionKey())).as("deleted " + event.partitionKey()).isTrue();
                deletions++;
            }
        }
        assertThat(deletions / (double) events.size()).isBetween(0.1, 0.2);
    }

    @Test
    void largeUploadsAreMultipart() {
        assertThat(events).filteredOn(event -> event.detail().object().size() != null
                        && event.detail().object().size() > 100L << 20)
                .isNotEmpty()
                .allSatisfy(event -> {
                    assertThat(event.detail().reason()).isEqualTo("CompleteMultipartUpload");
                    assertThat(event.detail().object().etag()).matches("[0-9a-f]{32}-\\d+");
                });
    }

    @Test
    void sequencersGrowForEachKey() {
        Map<String, String> last = new HashMap<>();
        for (S3ObjectEvent event : S3Activity.seeded(1).withHotKey("customer-uploads/logo.png", 0.5).take(2_000)) {
            String sequencer = event.detail().object().sequencer();
            String previous = last.put(event.partitionKey(), sequencer);
            if (previous != null) {
                assertThat(sequencer).isGreaterThan(previous);
            }
        }
    }

    @Test
    void aHotKeyNamesBucketAndKey() {
        assertThatThrownBy(() -> S3Activity.seeded(1).withHotKey("just-a-bucket", 0.3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
