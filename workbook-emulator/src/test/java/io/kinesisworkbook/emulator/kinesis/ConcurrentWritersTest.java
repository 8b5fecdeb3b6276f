package io.kinesisworkbook.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Many writers at once: every record stored exactly once, sequence numbers strictly increasing per shard. */
class ConcurrentWritersTest {

    static final int WRITERS = 16;
    static final int BATCHES_PER_WRITER = 10;
    static final int RECORDS_PER_BATCH = 100;

    @Test
    void noRecordIsLostOrDuplicatedUnderConcurrentWrites() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions().withoutThroughputLimits());
             KinesisClient kinesis = SdkClients.kinesis(emulator.endpoint(), SdkClients.Wire.CBOR)) {
            kinesis.createStream(b -> b.streamName("busy").shardCount(3));
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(CompletableFuture.runAsync(() -> write(kinesis, writer), pool));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
            pool.shutdown();

            Set<String> seen = new HashSet<>();
            int total = 0;
            for (Shard shard : kinesis.listShards(b -> b.streamName("busy")).shards()) {
                List<String> records = readShard(kinesis, shard.shardId());
                total += records.size();
                seen.addAll(records);
            }
            assertThat(total).isEqualTo(WRITERS * BATCHES_PER_WRITER * RECORDS_PER_BATCH);
            assertThat(seen).hasSize(total);
        }
    }

    private static void write(KinesisClient kinesis, int writer) {
        for (int batch = 0; batch < BATCHES_PER_WRITER; batch++) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < RECORDS_PER_BATCH; i++) {
                String id = writer + "-" + batch + "-" + i;
                entries.add(PutRecordsRequestEntry.builder().partitionKey(id).data(SdkBytes.fromUtf8String(id)).build());
            }
            var response = kinesis.putRecords(b -> b.streamName("busy").records(entries));
            assertThat(response.failedRecordCount()).isZero();
        }
    }

    /** Reads a shard to its tip, checking that sequence numbers only go up. */
    private static List<String> readShard(KinesisClient kinesis, String shardId) {
        List<String> records = new ArrayList<>();
        String iterator = kinesis.getShardIterator(b -> b.streamName("busy").shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        BigInteger last = BigInteger.valueOf(-1);
        while (true) {
            String current = iterator;
            GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current));
            for (var record : page.records()) {
                BigInteger sequence = new BigInteger(record.sequenceNumber());
                assertThat(sequence).isGreaterThan(last);
                last = sequence;
                records.add(record.data().asUtf8String());
            }
            if (page.millisBehindLatest() == 0 && page.records().isEmpty()) {
                return records;
            }
            iterator = page.nextShardIterator();
        }
    }
}
