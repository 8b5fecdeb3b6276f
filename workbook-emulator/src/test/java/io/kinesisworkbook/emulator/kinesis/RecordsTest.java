package io.kinesisworkbook.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.KinesisTestBase;
import io.kinesisworkbook.emulator.SdkClients;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Writing and reading records, in both wire encodings. */
class RecordsTest {

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
        void aPartitionKeyGoesToTheShardWhoseRangeHoldsItsMd5() throws Exception {
            String name = activeStream(4);
            List<Shard> shards = kinesis.listShards(b -> b.streamName(name)).shards();
            for (String key : List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace")) {
                BigInteger hash = new BigInteger(1, MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)));
                String expected = shards.stream()
                        .filter(s -> new BigInteger(s.hashKeyRange().startingHashKey()).compareTo(hash) <= 0
                                && new BigInteger(s.hashKeyRange().endingHashKey()).compareTo(hash) >= 0)
                        .findFirst().orElseThrow().shardId();
                assertThat(put(name, key, "x").shardId()).as(key).isEqualTo(expected);
            }
        }

        @Test
        void anExplicitHashKeyOverridesThePartitionKey() {
            String name = activeStream(2);
            String max = "340282366920938463463374607431768211455";
            var last = kinesis.putRecord(b -> b.streamName(name).partitionKey("any").explicitHashKey(max)
                    .data(SdkBytes.fromUtf8String("x")));
            var first = kinesis.putRecord(b -> b.streamName(name).partitionKey("any").explicitHashKey("0")
                    .data(SdkBytes.fromUtf8String("x")));
            assertThat(last.shardId()).isEqualTo("shardId-000000000001");
            assertThat(first.shardId()).isEqualTo("shardId-000000000000");
            assertThatThrownBy(() -> kinesis.putRecord(b -> b.streamName(name).partitionKey("any")
                    .explicitHashKey("340282366920938463463374607431768211456").data(SdkBytes.fromUtf8String("x"))))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("ExplicitHashKey must be in the range: [0, 2^128-1]");
        }

        @Test
        void sequenceNumbersIncreaseWithinAShardAndRecordsComeBackInOrder() {
            String name = activeStream(1);
            List<String> sequences = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sequences.add(put(name, "key-" + (i % 3), "record-" + i).sequenceNumber());
            }
            assertThat(sequences).isSortedAccordingTo((a, b) -> new BigInteger(a).compareTo(new BigInteger(b)));
            assertThat(sequences).doesNotHaveDuplicates();
            List<Record> records = read(name, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON, null).records();
            assertThat(records).extracting(Record::sequenceNumber).containsExactlyElementsOf(sequences);
            assertThat(records).extracting(r -> r.data().asUtf8String()).startsWith("record-0", "record-1");
            assertThat(records.get(3).partitionKey()).isEqualTo("key-0");
        }

        @Test
        void putRecordsAnswersPerRecordInOrder() {
            String name = activeStream(3);
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey("user-" + i)
                        .data(SdkBytes.fromUtf8String("event-" + i)).build());
            }
            var response = kinesis.putRecords(b -> b.streamName(name).records(entries));
            assertThat(response.failedRecordCount()).isZero();
            assertThat(response.records()).hasSize(500).allSatisfy(r -> assertThat(r.sequenceNumber()).isNotNull());
            for (int i = 0; i < 500; i += 97) {
                assertThat(response.records().get(i).shardId()).isEqualTo(put(name, "user-" + i, "again").shardId());
            }
        }

        @Test
        void putRecordsRefusesMoreThan500RecordsOrNone() {
            String name = activeStream(1);
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 501; i++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey("k").data(SdkBytes.fromUtf8String("x")).build());
            }
            assertThatThrownBy(() -> kinesis.putRecords(b -> b.streamName(name).records(entries)))
                    .isInstanceOf(KinesisException.class)
                    .hasMessageContaining("Value '")
                    .hasMessageContaining("at 'records' failed to satisfy constraint: Member must have length less than or equal to 500");
            assertThatThrownBy(() -> kinesis.putRecords(b -> b.streamName(name).records(List.of())))
                    .isInstanceOf(KinesisException.class)
                    .hasMessageContaining("Member must have length greater than or equal to 1");
        }

        @Test
        void recordAndKeySizeLimitsAreAwss() {
            String name = activeStream(1);
            byte[] tooBig = new byte[1024 * 1024 + 1];
            assertThatThrownBy(() -> kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromByteArray(tooBig))))
                    .isInstanceOf(KinesisException.class)
                    .satisfies(e -> assertThat(((KinesisException) e).awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                    .hasMessageContaining("at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576");
            String longKey = "k".repeat(257);
            assertThatThrownBy(() -> put(name, longKey, "x"))
                    .isInstanceOf(KinesisException.class)
                    .hasMessageContaining("at 'partitionKey' failed to satisfy constraint: Member must have length less than or equal to 256");
            assertThatThrownBy(() -> put(name, "", "x"))
                    .isInstanceOf(KinesisException.class)
                    .hasMessageContaining("Member must have length greater than or equal to 1");
            byte[] exactlyOneMiBWithKey = new byte[1024 * 1024 - 1];
            kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromByteArray(exactlyOneMiBWithKey)));
        }

        @Test
        void raisingTheMaxRecordSizeAdmitsLargeRecords() {
            String name = activeStream(1);
            String arn = kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
            kinesis.updateMaxRecordSize(b -> b.streamARN(arn).maxRecordSizeInKiB(4096));
            settle();
            byte[] big = new byte[3 * 1024 * 1024];
            big[big.length - 1] = 42;
            kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromByteArray(big)));
            Record record = read(name, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON, null).records().get(0);
            assertThat(record.data().asByteArray()).hasSize(big.length).endsWith((byte) 42);
        }

        @Test
        void everyIteratorTypeStartsWhereAwsSays() {
            String name = activeStream(1);
            String shard = "shardId-000000000000";
            PutRecordResponse first = put(name, "k", "first");
            clock.advance(Duration.ofSeconds(10));
            Instant between = clock.now();
            PutRecordResponse second = put(name, "k", "second");
            PutRecordResponse third = put(name, "k", "third");

            assertThat(data(read(name, shard, ShardIteratorType.TRIM_HORIZON, null))).containsExactly("first", "second", "third");
            assertThat(data(read(name, shard, ShardIteratorType.LATEST, null))).isEmpty();
            assertThat(data(read(name, shard, ShardIteratorType.AT_SEQUENCE_NUMBER, second.sequenceNumber())))
                    .containsExactly("second", "third");
            assertThat(data(read(name, shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second.sequenceNumber())))
                    .containsExactly("third");
            assertThat(data(read(name, shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, third.sequenceNumber()))).isEmpty();
            String atTime = kinesis.getShardIterator(b -> b.streamName(name).shardId(shard)
                    .shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(between)).shardIterator();
            clock.advance(Duration.ofMillis(200));
            assertThat(data(kinesis.getRecords(b -> b.shardIterator(atTime)))).containsExactly("second", "third");
            assertThat(first.sequenceNumber()).isNotEqualTo(second.sequenceNumber());
        }

        @Test
        void latestSeesOnlyRecordsWrittenAfterIt() {
            String name = activeStream(1);
            put(name, "k", "before");
            String latest = kinesis.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
            put(name, "k", "after");
            assertThat(data(kinesis.getRecords(b -> b.shardIterator(latest)))).containsExactly("after");
        }

        @Test
        void iteratorArgumentsAreCheckedAsAwsChecksThem() {
            String name = activeStream(2);
            String fromShard1 = kinesis.putRecord(b -> b.streamName(name).partitionKey("k")
                    .explicitHashKey("340282366920938463463374607431768211455").data(SdkBytes.fromUtf8String("x"))).sequenceNumber();
            assertThatThrownBy(() -> kinesis.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("Request specified AT_SEQUENCE_NUMBER and no StartingSequenceNumber");
            assertThatThrownBy(() -> kinesis.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).startingSequenceNumber(fromShard1)))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("Invalid StartingSequenceNumber. It encodes shardId-000000000001, "
                            + "while it was used in a call to a shard with shardId-000000000000");
            assertThatThrownBy(() -> kinesis.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.AT_TIMESTAMP)))
                    .isInstanceOf(InvalidArgumentException.class)
                    .hasMessageContaining("Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP");
            assertThatThrownBy(() -> kinesis.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000009")
                    .shardIteratorType(ShardIteratorType.LATEST)))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("Shard shardId-000000000009 in stream " + name);
            assertThatThrownBy(() -> kinesis.getRecords(b -> b.shardIterator("bm90IGFuIGl0ZXJhdG9y")))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("Invalid ShardIterator.");
        }

        @Test
        void getRecordsHonoursLimitAndChainsIterators() {
            String name = activeStream(1);
            for (int i = 0; i < 25; i++) {
                put(name, "k", "r" + i);
            }
            String iterator = kinesis.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            List<String> seen = new ArrayList<>();
            for (int call = 0; call < 3; call++) {
                String current = iterator;
                GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current).limit(10));
                seen.addAll(data(page));
                iterator = page.nextShardIterator();
                clock.advance(Duration.ofMillis(250));
            }
            assertThat(seen).hasSize(25).startsWith("r0").endsWith("r24");
        }

        @Test
        void anIteratorInDoubleQuotesReadsAsTheIteratorItself() {
            String name = activeStream(1);
            put(name, "k", "quoted");
            String iterator = kinesis.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            assertThat(data(kinesis.getRecords(b -> b.shardIterator("\"" + iterator + "\"")))).containsExactly("quoted");
        }

        @Test
        void millisBehindLatestTellsHowFarBehindTheTipAReaderIs() {
            String name = activeStream(1);
            put(name, "k", "old");
            clock.advance(Duration.ofSeconds(30));
            put(name, "k", "new");
            String iterator = kinesis.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            GetRecordsResponse first = kinesis.getRecords(b -> b.shardIterator(iterator).limit(1));
            assertThat(first.millisBehindLatest()).isEqualTo(30_000L);
            GetRecordsResponse second = kinesis.getRecords(b -> b.shardIterator(first.nextShardIterator()));
            assertThat(second.millisBehindLatest()).isZero();
        }

        @Test
        void iteratorsExpireAfterFiveMinutes() {
            String name = activeStream(1);
            String iterator = kinesis.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            clock.advance(Duration.ofMinutes(5));
            String next = kinesis.getRecords(b -> b.shardIterator(iterator)).nextShardIterator();
            clock.advance(Duration.ofMinutes(5).plusMillis(1));
            assertThatThrownBy(() -> kinesis.getRecords(b -> b.shardIterator(next)))
                    .isInstanceOf(ExpiredIteratorException.class)
                    .hasMessageContaining("Iterator expired. The iterator was created at time ")
                    .hasMessageContaining("which is further in the future than the tolerated delay of 300000 milliseconds.");
        }

        @Test
        void recordsOlderThanTheRetentionPeriodAreTrimmed() {
            String name = activeStream(1);
            put(name, "k", "yesterday");
            clock.advance(Duration.ofHours(23));
            put(name, "k", "today");
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            assertThat(data(read(name, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON, null))).containsExactly("today");
        }

        @Test
        void aDryRunChecksTheRequestButWritesNothing() {
            String name = activeStream(1);
            assertThatThrownBy(() -> kinesis.putRecord(b -> b.streamName(name).partitionKey("k").dryRun(true)
                    .data(SdkBytes.fromUtf8String("x"))))
                    .isInstanceOf(software.amazon.awssdk.services.kinesis.model.DryRunOperationException.class);
            assertThatThrownBy(() -> kinesis.putRecord(b -> b.streamName(name).partitionKey("").dryRun(true)
                    .data(SdkBytes.fromUtf8String("x"))))
                    .isInstanceOf(KinesisException.class).hasMessageContaining("partitionKey");
            assertThat(read(name, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON, null).records()).isEmpty();
        }

        @Test
        void arrivalTimestampsComeFromTheEmulatorClock() {
            String name = activeStream(1);
            Instant now = clock.now();
            put(name, "k", "x");
            Record record = read(name, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON, null).records().get(0);
            assertThat(record.approximateArrivalTimestamp()).isEqualTo(now);
        }

        PutRecordResponse put(String stream, String key, String data) {
            return kinesis.putRecord(b -> b.streamName(stream).partitionKey(key).data(SdkBytes.fromUtf8String(data)));
        }

        GetRecordsResponse read(String stream, String shard, ShardIteratorType type, String sequence) {
            String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard).shardIteratorType(type)
                    .startingSequenceNumber(sequence)).shardIterator();
            clock.advance(Duration.ofMillis(200)); // a shard serves 5 GetRecords calls a second
            return kinesis.getRecords(b -> b.shardIterator(iterator));
        }

        static List<String> data(GetRecordsResponse response) {
            return response.records().stream().map(r -> r.data().asUtf8String()).toList();
        }
    }
}
