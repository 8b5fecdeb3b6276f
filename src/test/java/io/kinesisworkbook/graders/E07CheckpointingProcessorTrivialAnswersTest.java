package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.exercises.E07CheckpointingProcessor.Sink;
import io.kinesisworkbook.graders.E07CheckpointingProcessorGrader.Processors;
import org.junit.jupiter.api.Test;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/** E07's KCL grader fails on a processor that does nothing, and on one that checkpoints before it saves. */
class E07CheckpointingProcessorTrivialAnswersTest {

    @Test
    void aProcessorThatDoesNothing() {
        mustFail(E07CheckpointingProcessorGrader.class, Processors.class, "every method empty", sink -> new Quiet());
    }

    @Test
    void aCheckpointBeforeTheSave() {
        mustFail(E07CheckpointingProcessorGrader.class, Processors.class, "checkpoints the batch, then saves it",
                CheckpointFirst::new);
    }

    /** Does nothing at all, as an exercise whose TODOs were replaced by nothing. */
    private static class Quiet implements ShardRecordProcessor {
        @Override
        public void initialize(InitializationInput input) {
        }

        @Override
        public void processRecords(ProcessRecordsInput input) {
        }

        @Override
        public void leaseLost(LeaseLostInput input) {
        }

        @Override
        public void shardEnded(ShardEndedInput input) {
        }

        @Override
        public void shutdownRequested(ShutdownRequestedInput input) {
        }
    }

    /** Right in everything but the order: the batch's checkpoint comes first, so a crash mid-batch loses its rest. */
    private static final class CheckpointFirst extends Quiet {
        private final Sink sink;
        private String shardId;

        CheckpointFirst(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void initialize(InitializationInput input) {
            shardId = input.shardId();
        }

        @Override
        public void processRecords(ProcessRecordsInput input) {
            try {
                input.checkpointer().checkpoint();
                for (KinesisClientRecord record : input.records()) {
                    sink.save(shardId, record);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void shardEnded(ShardEndedInput input) {
            checkpoint(input.checkpointer());
        }

        @Override
        public void shutdownRequested(ShutdownRequestedInput input) {
            checkpoint(input.checkpointer());
        }

        private static void checkpoint(software.amazon.kinesis.processor.RecordProcessorCheckpointer checkpointer) {
            try {
                checkpointer.checkpoint();
            } catch (Exception e) {
                // The lease is gone, or the next checkpoint covers this one.
            }
        }
    }
}
