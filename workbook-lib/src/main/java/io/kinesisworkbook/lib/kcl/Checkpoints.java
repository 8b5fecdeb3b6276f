package io.kinesisworkbook.lib.kcl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each shard's checkpoint at one moment, to compare with a later moment: which checkpoints moved
 * on, and past how many processed records. A checkpoint only moves when a record processor asks
 * KCL to write one; this shows how often that is.
 *
 * <pre>{@code
 * Checkpoints before = Checkpoints.of(app.leases());
 * // ... records are processed ...
 * Show.table(Tables.fromRecords("checkpoints that moved", before.movesTo(app.leases(), app.processed())));
 * }</pre>
 */
public final class Checkpoints {

    private final Map<String, String> checkpointByShard = new LinkedHashMap<>();

    private Checkpoints(List<LeaseRow> leases) {
        leases.forEach(lease -> checkpointByShard.put(lease.leaseKey(), lease.checkpoint()));
    }

    /** The checkpoints in {@code leases} (an application's {@link KclApplication#leases()}). */
    public static Checkpoints of(List<LeaseRow> leases) {
        return new Checkpoints(leases);
    }

    /**
     * The shards whose checkpoint is a later sequence number in {@code later} than here, with how many
     * different processed records lie between the two checkpoints (after the first, up to the second).
     */
    public List<CheckpointMove> movesTo(List<LeaseRow> later, ProcessedRecords processed) {
        List<ProcessedRecord> all = processed.all();
        List<CheckpointMove> moves = new ArrayList<>();
        for (LeaseRow lease : later) {
            BigInteger from = sequence(checkpointByShard.get(lease.leaseKey()));
            BigInteger to = sequence(lease.checkpoint());
            if (from != null && to != null && to.compareTo(from) > 0) {
                long between = all.stream().filter(record -> record.shardId().equals(lease.leaseKey()))
                        .map(record -> new BigInteger(record.sequenceNumber()))
                        .filter(sequence -> sequence.compareTo(from) > 0 && sequence.compareTo(to) <= 0)
                        .distinct().count();
                moves.add(new CheckpointMove(lease.leaseKey(), lease.owner(), between));
            }
        }
        return moves;
    }

    /** The sequence number of a checkpoint, or null for TRIM_HORIZON, LATEST, SHARD_END and the like. */
    private static BigInteger sequence(String checkpoint) {
        if (checkpoint == null) {
            return null;
        }
        String sequence = checkpoint.contains("/") ? checkpoint.substring(0, checkpoint.indexOf('/')) : checkpoint;
        return sequence.matches("\\d+") ? new BigInteger(sequence) : null;
    }

    /**
     * A checkpoint that moved on.
     *
     * @param shard          the shard
     * @param owner          the worker holding its lease at the later moment
     * @param recordsPassed  processed records between the earlier checkpoint and the later one
     */
    public record CheckpointMove(String shard, String owner, long recordsPassed) {
    }
}
