package io.kinesisworkbook.lib.kcl;

import io.kinesisworkbook.lib.consumer.ConsumedRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
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
 * The KCL record processor behind a {@link RecordHandler}: KCL makes one per shard a worker holds.
 * It hands each record to the handler, notes it in {@link ProcessedRecords}, and checkpoints after
 * each batch, so a shard's next owner starts after the last whole batch.
 *
 * <p><b>It never checkpoints past a record its handler failed on.</b> KCL does not know that a
 * handler failed: a checkpoint is the application's own word that every record up to it is done,
 * and the next owner of the shard never sees those records again. So when the handler throws:
 * <ol>
 *   <li>the record is tried again, after a pause ({@link RecordFailures#retries()}, with backoff):
 *       most failures (a database busy for a moment) pass;</li>
 *   <li>if it still fails and the application has a dead-letter destination
 *       ({@link KclApplication.Builder#deadLetters}), the record goes there, and only once that
 *       succeeded does the shard move on;</li>
 *   <li>otherwise the processor <em>stops the shard</em>: it checkpoints the last record before the
 *       failed one, says so in {@link KclApplication#events()} ("shard stopped"), and processes and
 *       checkpoints nothing more of that shard. The failed record is the first one the shard's next
 *       owner (a restarted worker with a fixed handler) processes. The shard's other records wait:
 *       no record is lost, none is processed out of order, and the stop is visible.</li>
 * </ol>
 *
 * <p>At a shard's end it must checkpoint (KCL refuses to go on to the child shards otherwise), and
 * when the worker shuts down gracefully it checkpoints too, so nothing is processed twice; a stopped
 * shard does neither, so its children wait for it. After a {@link KclWorker#crash()} it does nothing
 * at all any more, as a dead process would not.
 */
final class HandlerProcessor implements ShardRecordProcessor {

    private final String worker;
    private final RecordHandler handler;
    private final RecordFailures failures;
    private final ProcessedRecords processed;
    private final Consumer<KclEvent> events;
    private final BooleanSupplier crashed;
    private String shardId = "?";
    private boolean stopped;

    HandlerProcessor(String worker, RecordHandler handler, RecordFailures failures, ProcessedRecords processed,
                     Consumer<KclEvent> events, BooleanSupplier crashed) {
        this.worker = worker;
        this.handler = handler;
        this.failures = failures;
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
        if (stopped) {
            return;
        }
        KinesisClientRecord lastDone = null;
        for (KinesisClientRecord record : input.records()) {
            if (crashed.getAsBoolean()) {
                return;
            }
            if (!process(record)) {
                stop(input.checkpointer(), record, lastDone);
                return;
            }
            lastDone = record;
        }
        if (lastDone != null && !crashed.getAsBoolean()) {
            checkpoint(input.checkpointer(), null, "after a batch of " + input.records().size());
        }
    }

    /** Processes a record, with retries and the dead-letter destination; false if it could not. */
    private boolean process(KinesisClientRecord record) {
        ConsumedRecord consumed = consumed(record);
        Exception failure = null;
        for (int attempt = 0; attempt <= failures.retries(); attempt++) {
            if (attempt > 0 && !pause(attempt - 1)) {
                return false;
            }
            try {
                handler.handle(consumed);
                processed.add(new ProcessedRecord(worker, shardId, record.sequenceNumber(), record.subSequenceNumber(),
                        record.partitionKey(), consumed.text(), record.approximateArrivalTimestamp(), Instant.now()));
                return true;
            } catch (Exception e) {
                failure = e;
                event("handler failed", record.sequenceNumber() + " (attempt " + (attempt + 1) + "): " + e);
            }
        }
        return deadLettered(consumed, failure);
    }

    private boolean deadLettered(ConsumedRecord record, Exception failure) {
        if (failures.deadLetters() == null) {
            return false;
        }
        try {
            failures.deadLetters().handle(record);
            event("dead-lettered", record.sequenceNumber() + " after " + failure);
            return true;
        } catch (Exception e) {
            event("dead letter failed", record.sequenceNumber() + ": " + e);
            return false;
        }
    }

    /** Checkpoints just before the failed record (nothing if this batch had no record done) and stops. */
    private void stop(RecordProcessorCheckpointer checkpointer, KinesisClientRecord failed, KinesisClientRecord lastDone) {
        stopped = true;
        if (lastDone != null) {
            checkpoint(checkpointer, lastDone, "up to the record before the failed one");
        }
        event("shard stopped", "at " + failed.sequenceNumber() + ", which failed " + (failures.retries() + 1)
                + " times: nothing of this shard is processed or checkpointed past it until a worker is started again");
    }

    private boolean pause(int retry) {
        try {
            Thread.sleep(failures.backoff().delayMillis(retry));
            return !crashed.getAsBoolean();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
        if (stopped) {
            event("shard ended", "not checkpointed: the shard stopped at a failed record, so its children wait");
            return;
        }
        event("shard ended", "checkpointing SHARD_END so the child shards can start");
        checkpoint(input.checkpointer(), null, "at the shard's end");
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
        if (crashed.getAsBoolean() || stopped) {
            return;
        }
        event("shutdown requested", "checkpointing before handing the shard on");
        checkpoint(input.checkpointer(), null, "before shutting down");
    }

    /** Checkpoints at {@code record}, or at the last record handed over when it is null. */
    private void checkpoint(RecordProcessorCheckpointer checkpointer, KinesisClientRecord record, String when) {
        try {
            if (record == null) {
                checkpointer.checkpoint();
            } else {
                checkpointer.checkpoint(record.sequenceNumber(), record.subSequenceNumber());
            }
        } catch (ShutdownException e) {
            // The lease moved on while this batch was processed; its next owner starts from the last checkpoint.
            event("checkpoint refused", "lease no longer held " + when);
        } catch (ThrottlingException | KinesisClientLibDependencyException e) {
            // The next batch's checkpoint covers this one too.
            event("checkpoint failed", when + ": " + e.getMessage());
        } catch (RuntimeException | InvalidStateException e) {
            event("checkpoint failed", when + ": " + e);
        }
    }

    private void event(String what, String detail) {
        events.accept(new KclEvent(Instant.now(), worker, shardId, what, detail));
    }

    private ConsumedRecord consumed(KinesisClientRecord record) {
        return new ConsumedRecord(shardId, record.sequenceNumber(), record.partitionKey(), bytes(record.data()),
                record.approximateArrivalTimestamp());
    }

    private static byte[] bytes(ByteBuffer data) {
        ByteBuffer copy = data.asReadOnlyBuffer();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
