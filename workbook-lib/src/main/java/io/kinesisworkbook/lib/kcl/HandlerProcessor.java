package io.kinesisworkbook.lib.kcl;

import io.kinesisworkbook.lib.consumer.ConsumedRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
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
 * The KCL record processor behind a {@link RecordHandler}: KCL makes one per shard a worker holds.
 * It hands each record to the handler, notes it in {@link ProcessedRecords}, and checkpoints after
 * each batch, so a shard's next owner starts after the last whole batch.
 *
 * <p>At a shard's end it must checkpoint (KCL refuses to go on to the child shards otherwise), and
 * when the worker shuts down gracefully it checkpoints too, so nothing is processed twice. After a
 * {@link KclWorker#crash()} it does nothing at all any more, as a dead process would not.
 */
final class HandlerProcessor implements ShardRecordProcessor {

    private final String worker;
    private final RecordHandler handler;
    private final ProcessedRecords processed;
    private final Consumer<KclEvent> events;
    private final BooleanSupplier crashed;
    private String shardId = "?";

    HandlerProcessor(String worker, RecordHandler handler, ProcessedRecords processed, Consumer<KclEvent> events,
                     BooleanSupplier crashed) {
        this.worker = worker;
        this.handler = handler;
        this.processed = processed;
        this.events = events;
        this.crashed = crashed;
    }

    @Override
    public void initialize(InitializationInput input) {
        shardId = input.shardId();
        event("started", "from checkpoint " + input.extendedSequenceNumber());
    }

    @Override
    public void processRecords(ProcessRecordsInput input) {
        for (KinesisClientRecord record : input.records()) {
            if (crashed.getAsBoolean()) {
                return;
            }
            process(record);
        }
        if (!input.records().isEmpty() && !crashed.getAsBoolean()) {
            checkpoint(input.checkpointer(), "after a batch of " + input.records().size());
        }
    }

    private void process(KinesisClientRecord record) {
        byte[] data = bytes(record.data());
        ConsumedRecord consumed = new ConsumedRecord(shardId, record.sequenceNumber(), record.partitionKey(), data,
                record.approximateArrivalTimestamp());
        try {
            handler.handle(consumed);
        } catch (Exception e) {
            event("handler failed", record.sequenceNumber() + ": " + e);
            return;
        }
        processed.add(new ProcessedRecord(worker, shardId, record.sequenceNumber(), record.subSequenceNumber(),
                record.partitionKey(), new String(data, StandardCharsets.UTF_8), record.approximateArrivalTimestamp(),
                Instant.now()));
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
        // Another worker owns the shard now (or this one stopped renewing): checkpointing is no longer allowed.
        event("lease lost", "");
    }

    @Override
    public void shardEnded(ShardEndedInput input) {
        if (crashed.getAsBoolean()) {
            return;
        }
        event("shard ended", "checkpointing SHARD_END so the child shards can start");
        checkpoint(input.checkpointer(), "at the shard's end");
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
        if (crashed.getAsBoolean()) {
            return;
        }
        event("shutdown requested", "checkpointing before handing the shard on");
        checkpoint(input.checkpointer(), "before shutting down");
    }

    private void checkpoint(RecordProcessorCheckpointer checkpointer, String when) {
        try {
            checkpointer.checkpoint();
        } catch (ShutdownException e) {
            // The lease moved on while this batch was processed; its next owner starts from the last checkpoint.
            event("checkpoint refused", "lease no longer held " + when);
        } catch (ThrottlingException | KinesisClientLibDependencyException e) {
            // The next batch's checkpoint covers this one too.
            event("checkpoint failed", when + ": " + e.getMessage());
        } catch (RuntimeException | software.amazon.kinesis.exceptions.InvalidStateException e) {
            event("checkpoint failed", when + ": " + e);
        }
    }

    private void event(String what, String detail) {
        events.accept(new KclEvent(Instant.now(), worker, shardId, what, detail));
    }

    private static byte[] bytes(ByteBuffer data) {
        ByteBuffer copy = data.asReadOnlyBuffer();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
