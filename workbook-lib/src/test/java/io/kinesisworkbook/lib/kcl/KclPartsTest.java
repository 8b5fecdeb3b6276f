package io.kinesisworkbook.lib.kcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import io.kinesisworkbook.lib.backend.CostGuard;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/** The pieces of a KCL application that need neither DynamoDB nor Kinesis. */
class KclPartsTest {

    private final ProcessedRecords processed = new ProcessedRecords();
    private final List<KclEvent> events = new ArrayList<>();
    private final AtomicBoolean crashed = new AtomicBoolean();
    private final AtomicInteger checkpoints = new AtomicInteger();

    @Test
    void theProcessorHandsOverEachRecordAndCheckpointsAfterTheBatch() {
        List<String> handled = new ArrayList<>();
        HandlerProcessor processor = processor(record -> handled.add(record.text()));
        processor.initialize(InitializationInput.builder().shardId("shardId-000000000001")
                .extendedSequenceNumber(ExtendedSequenceNumber.TRIM_HORIZON).build());

        processor.processRecords(batch("a", "b"));

        assertThat(handled).containsExactly("a", "b");
        assertThat(checkpoints).hasValue(1);
        assertThat(processed.all()).extracting(ProcessedRecord::shardId, ProcessedRecord::data, ProcessedRecord::worker)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shardId-000000000001", "a", "worker-1"),
                        org.assertj.core.groups.Tuple.tuple("shardId-000000000001", "b", "worker-1"));
        assertThat(events).extracting(KclEvent::event).containsExactly("started");
    }

    @Test
    void aFailingRecordIsNotedAndTheBatchGoesOn() {
        HandlerProcessor processor = processor(record -> {
            if (record.text().equals("bad")) {
                throw new IllegalArgumentException("no");
            }
        });
        processor.processRecords(batch("good", "bad", "fine"));
        assertThat(processed.all()).extracting(ProcessedRecord::data).containsExactly("good", "fine");
        assertThat(events).extracting(KclEvent::event).containsExactly("handler failed");
        assertThat(checkpoints).hasValue(1);
    }

    @Test
    void aCrashedWorkerNeitherProcessesNorCheckpoints() {
        HandlerProcessor processor = processor(record -> crashed.set(true));
        processor.processRecords(batch("first", "second"));
        assertThat(processed.all()).extracting(ProcessedRecord::data).containsExactly("first");
        assertThat(checkpoints).hasValue(0);
    }

    @Test
    void theEndOfAShardIsCheckpointed() {
        processor(record -> { }).shardEnded(ShardEndedInput.builder().checkpointer(checkpointer()).build());
        assertThat(checkpoints).hasValue(1);
        assertThat(events).extracting(KclEvent::event).containsExactly("shard ended");
    }

    @Test
    void recordsProcessedTwiceAreCountedAsDuplicates() throws InterruptedException {
        processed.add(processedRecord("shardId-0", "1", "w1"));
        processed.add(processedRecord("shardId-0", "2", "w1"));
        processed.add(processedRecord("shardId-0", "2", "w2"));
        processed.add(processedRecord("shardId-1", "2", "w2"));

        assertThat(processed.count()).isEqualTo(4);
        assertThat(processed.uniqueCount()).isEqualTo(3);
        assertThat(processed.duplicateCount()).isEqualTo(1);
        assertThat(processed.duplicates()).extracting(ProcessedRecord::worker).containsExactly("w2");
        assertThat(processed.countByWorker()).containsExactly(Map.entry("w1", 2L), Map.entry("w2", 2L));
        assertThat(processed.awaitUnique(3, Duration.ofMillis(10))).isTrue();
        assertThat(processed.awaitUnique(4, Duration.ofMillis(10))).isFalse();
        assertThat(processed.table().rowCount()).isEqualTo(4);
    }

    @Test
    void leaseRowsAreReadFromTheLeaseTableWithoutKclsOtherEntities() {
        DynamoDbClient dynamoDb = new DynamoDbClient() {
            @Override
            public ScanResponse scan(ScanRequest request) {
                return ScanResponse.builder().items(
                        Map.of("leaseKey", s("shardId-000000000001"), "leaseOwner", s("worker-2"),
                                "checkpoint", s("4900"), "checkpointSubSequenceNumber", n("0"), "leaseCounter", n("7"),
                                "entityType", s("LEASE"), "parentShardId", AttributeValue.fromSs(List.of("shardId-0"))),
                        Map.of("leaseKey", s("shardId-000000000000"), "checkpoint", s("SHARD_END"),
                                "leaseCounter", n("3"), "childShardIds",
                                AttributeValue.fromSs(List.of("shardId-000000000002", "shardId-000000000001"))),
                        Map.of("leaseKey", s("Leader"), "ownerName", s("worker-1"), "entityType", s("LEADER")),
                        Map.of("leaseKey", s("worker-1"), "entityType", s("WORKER_METRIC_STATS"), "lut", n("1")))
                        .build();
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
        assertThat(LeaseRow.read(dynamoDb, "app")).containsExactly(
                new LeaseRow("shardId-000000000000", "", "SHARD_END", 3, "", "shardId-000000000001, shardId-000000000002",
                        "", 0),
                new LeaseRow("shardId-000000000001", "worker-2", "4900", 7, "shardId-0", "", "", 0));
    }

    @Test
    void onAwsALeaseTableIsTaggedSoCleanAwsFindsIt() {
        CreateTableRequest create = CreateTableRequest.builder().tableName("clicks-app").build();
        SdkRequest sent = new CostGuard(4).modifyRequest(InterceptorContext.builder().request(create).build(),
                new ExecutionAttributes());
        assertThat(((CreateTableRequest) sent).tags())
                .containsExactly(Tag.builder().key(CostGuard.TAG_KEY).value(CostGuard.TAG_VALUE).build());
    }

    @Test
    void tuningKeepsToWhatKclAccepts() {
        assertThat(KclTuning.quickLocal().failoverTimeMillis()).isLessThan(KclTuning.kclDefaults().failoverTimeMillis());
        assertThatThrownBy(() -> new KclTuning(5_000, 1_000, 2_000, 250, 1_000, 1_500, 500, 500, 250, 200, 5_000, 1_000,
                100, 1_000)).hasMessageContaining("leaderLeaseMillis");
        assertThatThrownBy(() -> new KclTuning(5_000, 1_000, 2_000, 250, 1_000, 10_000, 500, 500, 250, 100, 5_000, 1_000,
                100, 1_000)).hasMessageContaining("pollingIdleMillis");
    }

    private HandlerProcessor processor(RecordHandler handler) {
        return new HandlerProcessor("worker-1", handler, processed, events::add, crashed::get);
    }

    private ProcessRecordsInput batch(String... texts) {
        List<KinesisClientRecord> records = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            records.add(KinesisClientRecord.builder().sequenceNumber(String.valueOf(i)).partitionKey("key")
                    .data(ByteBuffer.wrap(texts[i].getBytes(StandardCharsets.UTF_8)))
                    .approximateArrivalTimestamp(Instant.now()).build());
        }
        return ProcessRecordsInput.builder().records(records).checkpointer(checkpointer()).build();
    }

    /** A checkpointer that counts checkpoint() calls; nothing else of it is used. */
    private RecordProcessorCheckpointer checkpointer() {
        return (RecordProcessorCheckpointer) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RecordProcessorCheckpointer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("checkpoint") && args == null) {
                        checkpoints.incrementAndGet();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ProcessedRecord processedRecord(String shard, String sequence, String worker) {
        return new ProcessedRecord(worker, shard, sequence, 0, "key", "{}", Instant.now(), Instant.now());
    }

    private static AttributeValue s(String text) {
        return AttributeValue.fromS(text);
    }

    private static AttributeValue n(String number) {
        return AttributeValue.fromN(number);
    }
}
