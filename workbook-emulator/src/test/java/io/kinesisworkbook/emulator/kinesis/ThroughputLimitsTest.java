package io.kinesisworkbook.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.KinesisTestBase;
import io.kinesisworkbook.emulator.SdkClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Per-shard limits, measured on a clock that stands still unless the test moves it. */
class ThroughputLimitsTest extends KinesisTestBase {

    ThroughputLimitsTest() {
        super(SdkClients.Wire.CBOR);
    }

    @Test
    void aShardTakesAThousandRecordsASecondAndThrottlesTheRestPerRecord() {
        String name = activeStream(1);
        clock.advance(Duration.ofSeconds(1));
        int accepted = 0;
        int throttled = 0;
        for (int batch = 0; batch < 3; batch++) {
            var response = kinesis.putRecords(b -> b.streamName(name).records(entries(500, 10)));
            for (PutRecordsResultEntry entry : response.records()) {
                if (entry.errorCode() == null) {
                    accepted++;
                } else {
                    throttled++;
                    assertThat(entry.errorCode()).isEqualTo("ProvisionedThroughputExceededException");
                    assertThat(entry.errorMessage()).isEqualTo("Rate exceeded for shard shardId-000000000000 in stream "
                            + name + " under account 000000000000.");
                }
            }
        }
        assertThat(accepted).isEqualTo(1000);
        assertThat(throttled).isEqualTo(500);
        assertThatThrownBy(() -> kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromUtf8String("x"))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);

        clock.advance(Duration.ofMillis(500));
        var halfASecondLater = kinesis.putRecords(b -> b.streamName(name).records(entries(500, 10)));
        assertThat(halfASecondLater.failedRecordCount()).isZero();
        assertThat(emulator.metrics().total("AWS/Kinesis", "WriteProvisionedThroughputExceeded", Map.of("StreamName", name)))
                .isEqualTo(501);
    }

    @Test
    void aShardTakesOneMebibyteASecond() {
        String name = activeStream(1);
        clock.advance(Duration.ofSeconds(1));
        byte[] record = new byte[100 * 1024 - 1];
        int accepted = 0;
        for (int i = 0; i < 15; i++) {
            try {
                kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromByteArray(record)));
                accepted++;
            } catch (ProvisionedThroughputExceededException e) {
                assertThat(e.getMessage()).startsWith("Rate exceeded for shard shardId-000000000000 in stream " + name);
            }
        }
        assertThat(accepted).isEqualTo(10);
    }

    @Test
    void aShardServesFiveGetRecordsCallsASecond() {
        String name = activeStream(1);
        clock.advance(Duration.ofSeconds(1));
        String iterator = kinesis.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        for (int i = 0; i < 5; i++) {
            kinesis.getRecords(b -> b.shardIterator(iterator));
        }
        assertThatThrownBy(() -> kinesis.getRecords(b -> b.shardIterator(iterator)))
                .isInstanceOf(ProvisionedThroughputExceededException.class)
                .hasMessageContaining("Rate exceeded for Shard - 000000000000/" + name + "/shardId-000000000000");
        clock.advance(Duration.ofMillis(200));
        kinesis.getRecords(b -> b.shardIterator(iterator));
    }

    @Test
    void aBigReadBlocksTheShardUntilTwoMebibytesASecondHavePaidForIt() {
        String name = activeStream(1);
        byte[] record = new byte[500 * 1024];
        for (int i = 0; i < 12; i++) {
            clock.advance(Duration.ofSeconds(1));
            kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(SdkBytes.fromByteArray(record)));
        }
        String iterator = kinesis.getShardIterator(b -> b.streamName(name).shardId("shardId-000000000000")
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        var big = kinesis.getRecords(b -> b.shardIterator(iterator));
        assertThat(big.records()).hasSize(12);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> kinesis.getRecords(b -> b.shardIterator(big.nextShardIterator())))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        clock.advance(Duration.ofSeconds(2));
        kinesis.getRecords(b -> b.shardIterator(big.nextShardIterator()));
    }

    static List<PutRecordsRequestEntry> entries(int count, int size) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(PutRecordsRequestEntry.builder().partitionKey("key-" + i)
                    .data(SdkBytes.fromByteArray(new byte[size])).build());
        }
        return entries;
    }
}
