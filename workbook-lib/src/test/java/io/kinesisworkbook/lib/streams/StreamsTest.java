package io.kinesisworkbook.lib.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.LocalAws;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import tech.tablesaw.api.Table;

/** Stream administration, against an emulator with AWS's state transitions (shortened to 200 ms). */
class StreamsTest {

    @Test
    void createWaitsUntilActiveAndIsIdempotent() {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withTransitionDelay(Duration.ofMillis(200)))) {
            Streams streams = new Streams(aws.kinesis);
            assertThat(streams.create("orders", 3).streamStatus()).isEqualTo(StreamStatus.ACTIVE);
            assertThat(streams.create("orders", 3).openShardCount()).isEqualTo(3);
            assertThat(streams.createOnDemand("clicks").openShardCount()).isEqualTo(4);
        }
    }

    @Test
    void theShardTableShowsRangesSharesAndLineage() {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withTransitionDelay(Duration.ofMillis(200)))) {
            Streams streams = new Streams(aws.kinesis);
            streams.create("table", 2);
            streams.split("table", "shardId-000000000000");
            Table table = streams.describe("table");
            assertThat(table.rowCount()).isEqualTo(4);
            assertThat(table.stringColumn("state").asList()).containsExactly("closed", "open", "open", "open");
            assertThat(table.stringColumn("parents").asList())
                    .containsExactly("", "", "shardId-000000000000", "shardId-000000000000");
            assertThat(table.doubleColumn("% of keys").asList()).containsExactly(50.0, 50.0, 25.0, 25.0);
        }
    }

    @Test
    void reshardingWaitsAndDeletingWaitsUntilGone() {
        try (LocalAws aws = new LocalAws(EmulatorOptions.defaults().withTransitionDelay(Duration.ofMillis(200)))) {
            Streams streams = new Streams(aws.kinesis);
            streams.create("scaling", 2);
            assertThat(streams.updateShardCount("scaling", 4).openShardCount()).isEqualTo(4);
            assertThat(streams.merge("scaling", "shardId-000000000002", "shardId-000000000003").openShardCount()).isEqualTo(3);
            assertThat(streams.openShards("scaling")).hasSize(3);
            streams.delete("scaling");
            assertThat(streams.exists("scaling")).isFalse();
            streams.delete("scaling");
        }
    }
}
