package io.kinesisworkbook.exercises;

import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Your exercise. Read the Javadoc of each method, replace the TODO, and run {@code ./workbook grade}.
 *
 * <p>Exercise 07, second part (notebook 07-kcl-applications): a record processor that checkpoints
 * correctly. The grader runs it through KCL on the embedded emulator, crashes its worker in the
 * middle of a batch, starts it again, splits a shard, and shuts down: no record may be lost, and
 * only the batch the crash interrupted may be saved twice. */
public final class E07CheckpointingProcessor implements ShardRecordProcessor {

    /** Where a processed record goes: a table, a file, another service. The grader's keeps what arrives. */
    @FunctionalInterface
    public interface Sink {
        void save(String shardId, KinesisClientRecord record) throws Exception;
    }

    private final Sink sink;
    private String shardId;

    public E07CheckpointingProcessor(Sink sink) {
        this.sink = sink;
    }

    /** KCL makes one processor per shard and calls this first: remember which shard it is. */
    @Override
    public void initialize(InitializationInput input) {
        // TODO: keep input.shardId() for the sink.
        throw new UnsupportedOperationException("TODO: exercise E07, initialize");
    }

    /**
     * Saves every record of the batch to the sink, in order, and only then checkpoints, once, at the
     * end of the batch: a checkpoint says "done up to here", so it must never come before the save
     * (a crash would lose the records in between), and once a batch keeps the repeats after a crash
     * to at most that batch. A record the sink refuses is not checkpointed past: stop there (throw),
     * and the shard's next owner starts again after the last checkpoint.
     */
    @Override
    public void processRecords(ProcessRecordsInput input) {
        // TODO: sink.save(shardId, record) for each of input.records(), then checkpoint(input.checkpointer()).
        throw new UnsupportedOperationException("TODO: exercise E07, processRecords");
    }

    /** Another worker holds the shard now: checkpointing is no longer allowed, so do nothing. */
    @Override
    public void leaseLost(LeaseLostInput input) {
    }

    /** The shard was read to its end: checkpoint, or KCL never starts its child shards. */
    @Override
    public void shardEnded(ShardEndedInput input) {
        // TODO: checkpoint(input.checkpointer()).
        throw new UnsupportedOperationException("TODO: exercise E07, shardEnded");
    }

    /** The worker is shutting down gracefully: checkpoint, so the next owner does not process again what was saved. */
    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
        // TODO: checkpoint(input.checkpointer()).
        throw new UnsupportedOperationException("TODO: exercise E07, shutdownRequested");
    }

    /**
     * Checkpoints at the last record KCL handed over. A ShutdownException means the lease is gone (its
     * next owner starts from the last checkpoint); throttling or a DynamoDB hiccup is covered by the
     * next batch's checkpoint.
     */
    private static void checkpoint(RecordProcessorCheckpointer checkpointer) {
        // TODO: checkpointer.checkpoint(); catch ShutdownException, ThrottlingException,
        // KinesisClientLibDependencyException and InvalidStateException, and carry on.
        throw new UnsupportedOperationException("TODO: exercise E07, checkpoint");
    }
}
