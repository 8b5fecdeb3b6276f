package io.kinesisworkbook.lib.kcl;

import static io.kinesisworkbook.lib.kcl.LeaseTimelineTest.lease;
import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.lib.kcl.Checkpoints.CheckpointMove;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointsTest {

    @Test
    void listsTheCheckpointsThatMovedOnAndTheRecordsTheyPassed() {
        ProcessedRecords processed = new ProcessedRecords();
        for (String sequence : List.of("105", "110", "120", "130", "110")) {   // 110 twice: one record
            processed.add(record("shardId-0", sequence));
        }
        processed.add(record("shardId-1", "150"));
        Checkpoints before = Checkpoints.of(List.of(lease("shardId-0", "worker-1", "100"),
                lease("shardId-1", "worker-1", "TRIM_HORIZON"), lease("shardId-2", "worker-1", "300")));

        List<CheckpointMove> moves = before.movesTo(List.of(lease("shardId-0", "worker-2", "120"),
                lease("shardId-1", "worker-1", "150"), lease("shardId-2", "worker-1", "300"),
                lease("shardId-3", "worker-1", "5")), processed);

        // shardId-1 started from TRIM_HORIZON (no number to compare), shardId-2 did not move, shardId-3 is new.
        assertThat(moves).containsExactly(new CheckpointMove("shardId-0", "worker-2", 3));
    }

    @Test
    void readsASubSequenceCheckpointByItsSequenceNumber() {
        Checkpoints before = Checkpoints.of(List.of(lease("shardId-0", "w", "100/2")));
        assertThat(before.movesTo(List.of(lease("shardId-0", "w", "101/1")), new ProcessedRecords()))
                .containsExactly(new CheckpointMove("shardId-0", "w", 0));
        assertThat(before.movesTo(List.of(lease("shardId-0", "w", "SHARD_END")), new ProcessedRecords())).isEmpty();
    }

    private static ProcessedRecord record(String shard, String sequence) {
        return new ProcessedRecord("worker-1", shard, sequence, 0, "key", "{}", Instant.EPOCH, Instant.EPOCH);
    }
}
