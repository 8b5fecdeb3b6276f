package io.kinesisworkbook.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.KinesisTestBase;
import io.kinesisworkbook.emulator.SdkClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamResponse;
import software.amazon.awssdk.services.kinesis.model.EncryptionType;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.MetricsName;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.kinesis.model.Tag;

/** Creating, describing, listing, configuring and deleting streams, in both wire encodings. */
class StreamAdministrationTest {

    @Nested
    class Cbor extends Contract {
        Cbor() {
            super(SdkClients.Wire.CBOR);
        }
    }

    @Nested
    class Json extends Contract {
        Json() {
            super(SdkClients.Wire.JSON);
        }
    }

    abstract static class Contract extends KinesisTestBase {

        Contract(SdkClients.Wire wire) {
            super(wire);
        }

        @Test
        void aNewStreamIsCreatingThenActiveWithEvenHashKeyRanges() {
            String name = newStreamName();
            kinesis.createStream(b -> b.streamName(name).shardCount(3));
            StreamDescriptionSummary creating = summary(name);
            assertThat(creating.streamStatus()).isEqualTo(StreamStatus.CREATING);
            assertThatThrownBy(() -> kinesis.putRecord(b -> b.streamName(name).partitionKey("k")
                    .data(software.amazon.awssdk.core.SdkBytes.fromUtf8String("x"))))
                    .isInstanceOf(ResourceNotFoundException.class);

            settle();
            DescribeStreamResponse active = kinesis.describeStream(b -> b.streamName(name));
            assertThat(active.streamDescription().streamStatus()).isEqualTo(StreamStatus.ACTIVE);
            List<Shard> shards = active.streamDescription().shards();
            assertThat(shards).extracting(Shard::shardId)
                    .containsExactly("shardId-000000000000", "shardId-000000000001", "shardId-000000000002");
            assertThat(shards.get(0).hashKeyRange().startingHashKey()).isEqualTo("0");
            assertThat(shards.get(2).hashKeyRange().endingHashKey())
                    .isEqualTo("340282366920938463463374607431768211455");
            assertThat(new java.math.BigInteger(shards.get(1).hashKeyRange().startingHashKey()))
                    .isEqualTo(new java.math.BigInteger(shards.get(0).hashKeyRange().endingHashKey()).add(java.math.BigInteger.ONE));
            assertThat(active.streamDescription().streamARN())
                    .isEqualTo("arn:aws:kinesis:us-east-1:000000000000:stream/" + name);
            assertThat(active.streamDescription().retentionPeriodHours()).isEqualTo(24);
            assertThat(active.streamDescription().encryptionType()).isEqualTo(EncryptionType.NONE);
            assertThat(active.streamDescription().streamCreationTimestamp()).isNotNull();
        }

        @Test
        void summaryCountsOpenShardsAndConsumers() {
            String name = activeStream(2);
            StreamDescriptionSummary summary = summary(name);
            assertThat(summary.openShardCount()).isEqualTo(2);
            assertThat(summary.consumerCount()).isZero();
            assertThat(summary.streamModeDetails().streamMode()).isEqualTo(StreamMode.PROVISIONED);
            assertThat(summary.maxRecordSizeInKiB()).isEqualTo(1024);
        }

        @Test
        void theStreamArnWorksWhereverTheNameDoes() {
            String name = activeStream(1);
            String arn = summary(name).streamARN();
            assertThat(kinesis.describeStreamSummary(b -> b.streamARN(arn)).streamDescriptionSummary().streamName())
                    .isEqualTo(name);
            assertThat(kinesis.listShards(b -> b.streamARN(arn)).shards()).hasSize(1);
            kinesis.addTagsToStream(b -> b.streamARN(arn).tags(Map.of("team", "data")));
            assertThat(kinesis.listTagsForStream(b -> b.streamARN(arn)).tags())
                    .containsExactly(Tag.builder().key("team").value("data").build());
        }

        @Test
        void onDemandStreamsStartWithFourShardsAndRefuseAShardCount() {
            String name = newStreamName();
            kinesis.createStream(b -> b.streamName(name).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
            settle();
            StreamDescriptionSummary summary = summary(name);
            assertThat(summary.streamModeDetails().streamMode()).isEqualTo(StreamMode.ON_DEMAND);
            assertThat(summary.openShardCount()).isEqualTo(4);
            assertThatThrownBy(() -> kinesis.createStream(b -> b.streamName(newStreamName()).shardCount(2)
                    .streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND))))
                    .isInstanceOf(InvalidArgumentException.class);
            assertThat(kinesis.describeLimits().onDemandStreamCount()).isGreaterThanOrEqualTo(1);
        }

        @Test
        void withoutShardCountOrModeAStreamIsOnDemand() {
            String name = newStreamName();
            kinesis.createStream(b -> b.streamName(name));
            settle();
            assertThat(summary(name).streamModeDetails().streamMode()).isEqualTo(StreamMode.ON_DEMAND);
            assertThatThrownBy(() -> kinesis.createStream(b -> b.streamName(newStreamName())
                    .streamModeDetails(m -> m.streamMode(StreamMode.PROVISIONED))))
                    .isInstanceOf(InvalidArgumentException.class);
        }

        @Test
        void resourcePoliciesAttachToStreamsAndConsumersAndAreChecked() {
            String name = activeStream(1);
            String arn = summary(name).streamARN();
            String consumerArn = kinesis.registerStreamConsumer(b -> b.streamARN(arn).consumerName("shared"))
                    .consumer().consumerARN();
            settle();
            String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
                    + "\"Action\":\"kinesis:SubscribeToShard\",\"Resource\":\"" + consumerArn + "\"}]}";
            kinesis.putResourcePolicy(b -> b.resourceARN(consumerArn).policy(policy));
            assertThat(kinesis.getResourcePolicy(b -> b.resourceARN(consumerArn)).policy()).isEqualTo(policy);
            assertThat(kinesis.getResourcePolicy(b -> b.resourceARN(arn)).policy()).isEqualTo("{}");
            assertThatThrownBy(() -> kinesis.putResourcePolicy(b -> b.resourceARN(arn)
                    .policy(policy.replace("kinesis:SubscribeToShard", "s3:GetObject"))))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("s3:GetObject");
            assertThatThrownBy(() -> kinesis.putResourcePolicy(b -> b.resourceARN(arn)
                    .policy(policy.replace("\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},", ""))))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("Principal");
            assertThatThrownBy(() -> kinesis.getResourcePolicy(b -> b.resourceARN("arn:aws:s3:::bucket")))
                    .isInstanceOf(KinesisException.class).hasMessageContaining("resourceARN");
            assertThatThrownBy(() -> kinesis.putResourcePolicy(b -> b.resourceARN(arn.replace(name, "gone")).policy(policy)))
                    .isInstanceOf(ResourceNotFoundException.class);
            kinesis.deleteResourcePolicy(b -> b.resourceARN(consumerArn));
            assertThatThrownBy(() -> kinesis.deleteResourcePolicy(b -> b.resourceARN(consumerArn)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        void updateStreamModeGoesThroughUpdating() {
            String name = activeStream(1);
            String arn = summary(name).streamARN();
            kinesis.updateStreamMode(b -> b.streamARN(arn).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
            assertThat(summary(name).streamStatus()).isEqualTo(StreamStatus.UPDATING);
            settle();
            assertThat(summary(name).streamModeDetails().streamMode()).isEqualTo(StreamMode.ON_DEMAND);
            assertThat(summary(name).streamStatus()).isEqualTo(StreamStatus.ACTIVE);
        }

        @Test
        void creatingAnExistingStreamIsResourceInUse() {
            String name = activeStream(1);
            assertThatThrownBy(() -> kinesis.createStream(b -> b.streamName(name).shardCount(1)))
                    .isInstanceOf(ResourceInUseException.class)
                    .hasMessageContaining("Stream " + name + " under account 000000000000 already exists.");
        }

        @Test
        void anUnknownStreamIsResourceNotFoundInAwsWords() {
            assertThatThrownBy(() -> kinesis.describeStream(b -> b.streamName("no-such-stream")))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageStartingWith("Stream no-such-stream under account 000000000000 not found.")
                    .satisfies(e -> assertThat(((KinesisException) e).statusCode()).isEqualTo(400));
        }

        @Test
        void invalidMembersAreValidationErrorsListingEveryViolation() {
            assertThatThrownBy(() -> kinesis.createStream(b -> b.streamName("bad name!").shardCount(0)))
                    .isInstanceOf(KinesisException.class)
                    .satisfies(e -> assertThat(((KinesisException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                    .hasMessageContaining("2 validation errors detected: ")
                    .hasMessageContaining("Value 'bad name!' at 'streamName' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")
                    .hasMessageContaining("Value '0' at 'shardCount' failed to satisfy constraint: "
                            + "Member must have value greater than or equal to 1");
        }

        @Test
        void theAccountShardLimitIsEnforced() {
            assertThatThrownBy(() -> kinesis.createStream(b -> b.streamName(newStreamName()).shardCount(501)))
                    .isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("This request would exceed the shard limit for the account 000000000000");
        }

        @Test
        void deleteGoesThroughDeletingThenTheStreamIsGone() {
            String name = activeStream(1);
            kinesis.deleteStream(b -> b.streamName(name));
            assertThat(summary(name).streamStatus()).isEqualTo(StreamStatus.DELETING);
            assertThatThrownBy(() -> kinesis.createStream(b -> b.streamName(name).shardCount(1)))
                    .isInstanceOf(ResourceInUseException.class);
            settle();
            assertThatThrownBy(() -> summary(name)).isInstanceOf(ResourceNotFoundException.class);
            assertThat(kinesis.listStreams().streamNames()).doesNotContain(name);
        }

        @Test
        void listStreamsPagesWithNextTokenAndExclusiveStart() {
            List<String> names = List.of(activeStream(1), activeStream(1), activeStream(1));
            List<String> all = new java.util.ArrayList<>();
            var page = kinesis.listStreams(b -> b.limit(1));
            all.addAll(page.streamNames());
            while (page.hasMoreStreams()) {
                String token = page.nextToken();
                page = kinesis.listStreams(b -> b.limit(1).nextToken(token));
                all.addAll(page.streamNames());
                assertThat(page.streamSummaries()).hasSize(page.streamNames().size());
            }
            assertThat(all).containsAll(names).isSorted().doesNotHaveDuplicates();
            String first = all.get(0);
            assertThat(kinesis.listStreams(b -> b.exclusiveStartStreamName(first)).streamNames()).doesNotContain(first);
        }

        @Test
        void describeStreamPagesShards() {
            String name = activeStream(5);
            var first = kinesis.describeStream(b -> b.streamName(name).limit(2)).streamDescription();
            assertThat(first.shards()).hasSize(2);
            assertThat(first.hasMoreShards()).isTrue();
            String last = first.shards().get(1).shardId();
            var rest = kinesis.describeStream(b -> b.streamName(name).exclusiveStartShardId(last)).streamDescription();
            assertThat(rest.shards()).extracting(Shard::shardId)
                    .containsExactly("shardId-000000000002", "shardId-000000000003", "shardId-000000000004");
            assertThat(rest.hasMoreShards()).isFalse();
        }

        @Test
        void retentionCanGrowAndShrinkWithinAwsBounds() {
            String name = activeStream(1);
            kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(48));
            assertThat(summary(name).retentionPeriodHours()).isEqualTo(48);
            assertThatThrownBy(() -> kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(8761)))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("8760");
            assertThatThrownBy(() -> kinesis.decreaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(12)))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("Minimum allowed retention period is 24 hours");
            assertThatThrownBy(() -> kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(30)))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("Use DecreaseRetentionPeriod API");
            kinesis.decreaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(24));
            assertThat(summary(name).retentionPeriodHours()).isEqualTo(24);
        }

        @Test
        void encryptionIsSwitchedThroughUpdating() {
            String name = activeStream(1);
            kinesis.startStreamEncryption(b -> b.streamName(name).encryptionType(EncryptionType.KMS).keyId("alias/aws/kinesis"));
            assertThat(summary(name).streamStatus()).isEqualTo(StreamStatus.UPDATING);
            assertThatThrownBy(() -> kinesis.stopStreamEncryption(b -> b.streamName(name).encryptionType(EncryptionType.KMS)
                    .keyId("alias/aws/kinesis"))).isInstanceOf(ResourceInUseException.class)
                    .hasMessageContaining("not ACTIVE, instead in state UPDATING");
            settle();
            assertThat(summary(name).encryptionType()).isEqualTo(EncryptionType.KMS);
            assertThat(summary(name).keyId()).isEqualTo("alias/aws/kinesis");
            var put = kinesis.putRecord(b -> b.streamName(name).partitionKey("k")
                    .data(software.amazon.awssdk.core.SdkBytes.fromUtf8String("secret")));
            assertThat(put.encryptionType()).isEqualTo(EncryptionType.KMS);
            kinesis.stopStreamEncryption(b -> b.streamName(name).encryptionType(EncryptionType.KMS).keyId("alias/aws/kinesis"));
            settle();
            assertThat(summary(name).encryptionType()).isEqualTo(EncryptionType.NONE);
        }

        @Test
        void enhancedMonitoringReportsCurrentAndDesiredMetrics() {
            String name = activeStream(1);
            var enabled = kinesis.enableEnhancedMonitoring(b -> b.streamName(name)
                    .shardLevelMetrics(MetricsName.INCOMING_BYTES, MetricsName.ITERATOR_AGE_MILLISECONDS));
            assertThat(enabled.currentShardLevelMetrics()).isEmpty();
            assertThat(enabled.desiredShardLevelMetrics())
                    .containsExactlyInAnyOrder(MetricsName.INCOMING_BYTES, MetricsName.ITERATOR_AGE_MILLISECONDS);
            var all = kinesis.enableEnhancedMonitoring(b -> b.streamName(name).shardLevelMetrics(MetricsName.ALL));
            assertThat(all.desiredShardLevelMetrics()).hasSize(7);
            var disabled = kinesis.disableEnhancedMonitoring(b -> b.streamName(name).shardLevelMetrics(MetricsName.INCOMING_BYTES));
            assertThat(disabled.desiredShardLevelMetrics()).hasSize(6).doesNotContain(MetricsName.INCOMING_BYTES);
            assertThat(summary(name).enhancedMonitoring().get(0).shardLevelMetrics()).hasSize(6);
        }

        @Test
        void describeLimitsCountsOpenShards() {
            int before = kinesis.describeLimits().openShardCount();
            activeStream(3);
            var limits = kinesis.describeLimits();
            assertThat(limits.openShardCount()).isEqualTo(before + 3);
            assertThat(limits.shardLimit()).isEqualTo(500);
            assertThat(limits.onDemandStreamCountLimit()).isEqualTo(50);
        }

        @Test
        void maxRecordSizeCanBeRaisedToTenMiB() {
            String name = activeStream(1);
            String arn = summary(name).streamARN();
            kinesis.updateMaxRecordSize(b -> b.streamARN(arn).maxRecordSizeInKiB(10240));
            settle();
            assertThat(summary(name).maxRecordSizeInKiB()).isEqualTo(10240);
            assertThatThrownBy(() -> kinesis.updateMaxRecordSize(b -> b.streamARN(arn).maxRecordSizeInKiB(20000)))
                    .isInstanceOf(KinesisException.class).hasMessageContaining("maxRecordSizeInKiB");
        }

        @Test
        void bothTaggingApisSeeTheSameTags() {
            String name = activeStream(1);
            String arn = summary(name).streamARN();
            kinesis.addTagsToStream(b -> b.streamName(name).tags(Map.of("a", "1", "b", "2", "c", "3")));
            kinesis.tagResource(b -> b.resourceARN(arn).tags(Map.of("d", "4")));
            assertThat(kinesis.listTagsForResource(b -> b.resourceARN(arn)).tags()).hasSize(4);
            var page = kinesis.listTagsForStream(b -> b.streamName(name).limit(2));
            assertThat(page.tags()).extracting(Tag::key).containsExactly("a", "b");
            assertThat(page.hasMoreTags()).isTrue();
            kinesis.removeTagsFromStream(b -> b.streamName(name).tagKeys("a"));
            kinesis.untagResource(b -> b.resourceARN(arn).tagKeys("b"));
            assertThat(kinesis.listTagsForStream(b -> b.streamName(name).exclusiveStartTagKey("a")).tags())
                    .extracting(Tag::key).containsExactly("c", "d");
            Map<String, String> tooMany = new java.util.HashMap<>();
            for (int i = 0; i < 50; i++) {
                tooMany.put("key" + i, "v");
            }
            assertThatThrownBy(() -> kinesis.addTagsToStream(b -> b.streamName(name).tags(tooMany)))
                    .isInstanceOf(InvalidArgumentException.class);
        }

        @Test
        void streamsInOtherRegionsAreSeparate() {
            String name = activeStream(1);
            try (var other = software.amazon.awssdk.services.kinesis.KinesisClient.builder()
                    .endpointOverride(emulator.endpoint())
                    .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b")))
                    .build()) {
                assertThat(other.listStreams().streamNames()).doesNotContain(name);
                assertThatThrownBy(() -> other.describeStreamSummary(b -> b.streamName(name)))
                        .isInstanceOf(ResourceNotFoundException.class);
            }
            clock.advance(Duration.ZERO);
        }

        StreamDescriptionSummary summary(String name) {
            return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary();
        }
    }
}
