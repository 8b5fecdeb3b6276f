package io.kinesisworkbook.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

class SmokeTest {

    @ParameterizedTest
    @EnumSource(SdkClients.Wire.class)
    void putAndGet(SdkClients.Wire wire) {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
             KinesisClient kinesis = SdkClients.kinesis(emulator.endpoint(), wire)) {
            kinesis.createStream(b -> b.streamName("smoke").shardCount(2));
            assertThat(kinesis.describeStreamSummary(b -> b.streamName("smoke")).streamDescriptionSummary().streamStatus())
                    .isEqualTo(StreamStatus.ACTIVE);
            var put = kinesis.putRecord(b -> b.streamName("smoke").partitionKey("k").data(SdkBytes.fromUtf8String("hello")));
            String iterator = kinesis.getShardIterator(b -> b.streamName("smoke").shardId(put.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            var records = kinesis.getRecords(b -> b.shardIterator(iterator));
            assertThat(records.records()).hasSize(1);
            assertThat(records.records().get(0).data().asUtf8String()).isEqualTo("hello");
            assertThat(records.records().get(0).sequenceNumber()).isEqualTo(put.sequenceNumber());
            assertThat(records.records().get(0).approximateArrivalTimestamp()).isNotNull();
        }
    }
}
