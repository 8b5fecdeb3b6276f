package io.kinesisworkbook.graders;

import io.kinesisworkbook.exercises.E07CheckpointingProcessor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ProcessRecordsInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;
import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * One process of a KCL application whose record processors are the learner's: it keeps what their
 * sink saved, and it can die in the middle of a batch. From that instant, as in a process that
 * died, nothing more is saved, no checkpoint reaches DynamoDB and KCL's calls go nowhere; the grader
 * then stops KCL itself ({@code KclWorker.crash()}).
 */
final class DyingProcess {

    /** A record the learner's sink saved: the shard it came from, its sequence number and its data. */
    record Saved(String shardId, String sequenceNumber, String data) {
        String key() {
            return shardId + "/" + sequenceNumber;
        }
    }

    private final Function<E07CheckpointingProcessor.Sink, ShardRecordProcessor> learners;
    private final int saveBeforeDying;
    private final AtomicBoolean dead = new AtomicBoolean();
    private final List<Saved> saved = new ArrayList<>();
    private final Map<String, List<String>> lastBatchByShard = new ConcurrentHashMap<>();
    private final ThreadLocal<List<KinesisClientRecord>> batchInHand = new ThreadLocal<>();
    private final AtomicInteger delivered = new AtomicInteger();
    /** Records of the batches the learner's processor has returned from: only those must have been saved. */
    private final AtomicInteger processed = new AtomicInteger();
    private final Set<Integer> handed = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Throwable> learnersFailure = new AtomicReference<>();

    /** Dies in the middle of a batch once {@code saveBeforeDying} records are saved ({@link Integer#MAX_VALUE}: never). */
    DyingProcess(Function<E07CheckpointingProcessor.Sink, ShardRecordProcessor> learners, int saveBeforeDying) {
        this.learners = learners;
        this.saveBeforeDying = saveBeforeDying;
    }

    /** A new learner's processor, as KCL asks for one per shard, behind this process's mortality. */
    ShardRecordProcessor processor() {
        return new Mortal(learners.apply(this::save));
    }

    boolean isDead() {
        return dead.get();
    }

    int delivered() {
        return delivered.get();
    }

    synchronized List<String> savedKeys() {
        return saved.stream().map(Saved::key).toList();
    }

    synchronized List<Integer> savedNumbers() {
        return saved.stream().map(s -> number(s.data())).toList();
    }

    /** The numbers of the records KCL handed this process's processors, saved or not. */
    Set<Integer> handedNumbers() {
        return Set.copyOf(handed);
    }

    /** The number a record carries: {"n":42} is 42. */
    private static int number(String data) {
        return Integer.parseInt(data.replaceAll("\\D", ""));
    }

    private static int number(KinesisClientRecord record) {
        return number(StandardCharsets.UTF_8.decode(record.data().duplicate()).toString());
    }

    synchronized Set<String> savedShards() {
        Set<String> shards = new HashSet<>();
        saved.forEach(s -> shards.add(s.shardId()));
        return shards;
    }

    /** The records of the last batch KCL handed this process on each shard: the ones a crash may repeat. */
    Set<String> lastBatches() {
        Set<String> keys = new HashSet<>();
        lastBatchByShard.values().forEach(keys::addAll);
        return keys;
    }

    /** The last sequence number saved on each shard. */
    synchronized Map<String, String> lastSequenceByShard() {
        Map<String, String> last = new TreeMap<>();
        saved.forEach(s -> last.merge(s.shardId(), s.sequenceNumber(),
                (a, b) -> new BigInteger(a).compareTo(new BigInteger(b)) >= 0 ? a : b));
        return last;
    }

    /** Fails at once when the learner's processor threw an unfinished TODO, or saved nothing of many records. */
    void failIfBroken() {
        Throwable failure = learnersFailure.get();
        if (failure instanceof UnsupportedOperationException && String.valueOf(failure.getMessage()).startsWith("TODO")) {
            Assertions.fail("Not done yet (" + failure.getMessage() + "). Hint: read the Javadoc of each method");
        }
        // Counts only batches the processor has finished: a batch still in its hands (a busy machine,
        // a first batch of hundreds) may not be saved yet, and that is no fault of the learner's.
        if (processed.get() >= 100 && savedKeys().isEmpty()) {
            Assertions.fail("KCL handed the processor " + processed.get() + " records and the sink saved none"
                    + (failure == null ? "" : "; the processor threw " + failure) + ". Hint: sink.save(shardId, record) for each record");
        }
    }

    private void save(String shardId, KinesisClientRecord record) {
        if (dead.get()) {
            return;
        }
        List<KinesisClientRecord> batch = batchInHand.get();
        int index = batch == null ? -1 : batch.indexOf(record);
        synchronized (this) {
            if (saved.size() >= saveBeforeDying && index >= 1 && index < batch.size() - 1) {
                // The process dies here, before this record is saved and before the batch's checkpoint.
                dead.set(true);
                return;
            }
            saved.add(new Saved(shardId, record.sequenceNumber(), StandardCharsets.UTF_8.decode(record.data().duplicate()).toString()));
        }
    }

    /** The learner's processor, called only while the process lives, with checkpointers that die with it. */
    private final class Mortal implements ShardRecordProcessor {
        private final ShardRecordProcessor learner;
        private String shardId = "?";

        Mortal(ShardRecordProcessor learner) {
            this.learner = learner;
        }

        @Override
        public void initialize(InitializationInput input) {
            shardId = input.shardId();
            call(() -> learner.initialize(input));
        }

        @Override
        public void processRecords(ProcessRecordsInput input) {
            if (dead.get()) {
                return;
            }
            delivered.addAndGet(input.records().size());
            input.records().forEach(record -> handed.add(number(record)));
            lastBatchByShard.put(shardId, input.records().stream().map(r -> shardId + "/" + r.sequenceNumber()).toList());
            batchInHand.set(input.records());
            try {
                call(() -> learner.processRecords(input.toBuilder().checkpointer(mortal(input.checkpointer())).build()));
                processed.addAndGet(input.records().size());
            } finally {
                batchInHand.remove();
            }
        }

        @Override
        public void leaseLost(LeaseLostInput input) {
            call(() -> learner.leaseLost(input));
        }

        @Override
        public void shardEnded(ShardEndedInput input) {
            call(() -> learner.shardEnded(ShardEndedInput.builder().checkpointer(mortal(input.checkpointer())).build()));
        }

        @Override
        public void shutdownRequested(ShutdownRequestedInput input) {
            call(() -> learner.shutdownRequested(ShutdownRequestedInput.builder().checkpointer(mortal(input.checkpointer())).build()));
        }

        /** Calls the learner while the process lives; notes (and passes on to KCL) what it throws. */
        private void call(Runnable learnerCall) {
            if (dead.get()) {
                return;
            }
            try {
                learnerCall.run();
            } catch (RuntimeException | Error e) {
                learnersFailure.compareAndSet(null, e);
                throw e;
            }
        }
    }

    /** A checkpointer that refuses, as a dead process cannot checkpoint, once the process died. */
    private RecordProcessorCheckpointer mortal(RecordProcessorCheckpointer real) {
        return (RecordProcessorCheckpointer) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RecordProcessorCheckpointer.class}, (proxy, method, args) -> {
                    if (dead.get() && (method.getName().startsWith("checkpoint") || method.getName().startsWith("prepare"))
                            && method.getReturnType() != software.amazon.kinesis.processor.Checkpointer.class) {
                        throw new ShutdownException("the worker's process died");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
