package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E07CheckpointingProcessor;
import io.kinesisworkbook.lib.Workbook;
import io.kinesisworkbook.lib.kcl.KclApplication;
import io.kinesisworkbook.lib.kcl.KclWorker;
import io.kinesisworkbook.lib.kcl.LeaseRow;
import io.kinesisworkbook.lib.producer.Producer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.kinesis.processor.ShardRecordProcessor;

/**
 * E07's record processor through KCL on the embedded emulator, the way a real application meets
 * trouble: records arrive while a worker runs; the worker's process dies in the middle of a batch
 * (its saves and checkpoints stop at that instant); a new process starts; a shard is split; the new
 * process shuts down gracefully. Then: no record may be lost, only the batch the crash interrupted
 * may be saved twice, and every shard must be checkpointed at its end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class E07CheckpointingProcessorGrader {

    /** Records sent while no process runs, and again after the split. */
    static final int PER_PHASE = 300;
    /** The first process dies in the middle of a batch once it saved this many records. */
    static final int SAVED_BEFORE_THE_CRASH = 100;
    /** How long the grader waits for a record to be saved before it gives up on the processor. */
    static final Duration NO_PROGRESS = Duration.ofSeconds(45);

    /** How the grader makes the learner's processor; {@link TrivialAnswers} can stand in for it. */
    interface Processors {
        ShardRecordProcessor create(E07CheckpointingProcessor.Sink sink);
    }

    static Processors answer() {
        return TrivialAnswers.answer(Processors.class, E07CheckpointingProcessor::new);
    }

    /** What happened: what each process saved, the batches the crash interrupted, and the leases at the end. */
    record Run(List<Integer> sent, DyingProcess first, DyingProcess second, List<LeaseRow> leases,
               Map<String, String> lastSequenceByShard) {
    }

    private final Workbook aws = Workbook.connect("embedded");
    private final List<KclApplication> apps = new ArrayList<>();
    private String stream;
    private Run run;
    private Throwable runFailed;

    /** Runs the scenario once for every check; if it failed, every check fails with the same reason. */
    private Run run() throws Exception {
        if (run == null && runFailed == null) {
            try {
                run = crashRestartSplitAndShutDown();
            } catch (Exception | AssertionError e) {
                runFailed = e;
            }
        }
        if (runFailed instanceof AssertionError failed) {
            throw failed;
        }
        if (runFailed != null) {
            throw (Exception) runFailed;
        }
        return run;
    }

    @Test
    void noRecordIsLost() throws Exception {
        Run run = run();
        Set<Integer> saved = new HashSet<>(run.first().savedNumbers());
        saved.addAll(run.second().savedNumbers());
        List<Integer> lost = run.sent().stream().filter(n -> !saved.contains(n)).toList();
        check(lost.isEmpty(), lost.size() + " of " + run.sent().size() + " records were never saved (for example record "
                        + (lost.isEmpty() ? "" : lost.get(0)) + ")",
                "checkpoint only once the sink has saved every record of the batch: a checkpoint before the save is "
                        + "a promise the crash breaks");
    }

    @Test
    void onlyTheBatchTheCrashInterruptedIsSavedTwice() throws Exception {
        Run run = run();
        Set<String> first = new HashSet<>(run.first().savedKeys());
        List<String> twice = run.second().savedKeys().stream().filter(first::contains).toList();
        Set<String> interrupted = run.first().lastBatches();
        List<String> beyond = twice.stream().filter(key -> !interrupted.contains(key)).toList();
        check(beyond.isEmpty(), twice.size() + " records were saved again after the restart, " + beyond.size()
                        + " of them from batches before the one the crash interrupted",
                "checkpoint after every batch: the restarted process starts after the last checkpoint");
    }

    @Test
    void theSplitShardsChildrenAreProcessed() throws Exception {
        Run run = run();
        Set<String> shards = run.second().savedShards();
        check(shards.contains("shardId-000000000002") && shards.contains("shardId-000000000003"),
                "records saved from the split's child shards: " + shards,
                "checkpoint in shardEnded: KCL starts a closed shard's children only once its end is checkpointed");
    }

    @Test
    void aGracefulShutdownLeavesEveryShardCheckpointedAtItsEnd() throws Exception {
        Run run = run();
        Map<String, String> checkpoints = new TreeMap<>();
        run.leases().forEach(lease -> checkpoints.put(lease.leaseKey(), lease.checkpoint()));
        Map<String, String> expected = new TreeMap<>(run.lastSequenceByShard());
        expected.put("shardId-000000000000", "SHARD_END");
        check(expected, checkpoints, "each shard's checkpoint after the graceful shutdown",
                "checkpoint in shutdownRequested (and at the end of every batch): the next owner starts after it");
    }

    @AfterAll
    void cleanUp() {
        // Stopped as a process dies, not gracefully: the scenario already shut its last worker down
        // gracefully, and a processor that throws (an unfinished exercise) would hold a graceful
        // shutdown for its whole timeout.
        apps.forEach(app -> app.workers().forEach(KclWorker::crash));
        if (stream != null && aws.streams().exists(stream)) {
            aws.streams().delete(stream);
        }
    }

    private Run crashRestartSplitAndShutDown() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        stream = "e07-checkpoints-" + suffix;
        String application = "e07-checkpoints-app-" + suffix;
        aws.streams().create(stream, 2);
        List<Integer> sent = new ArrayList<>();

        DyingProcess first = new DyingProcess(answer()::create, SAVED_BEFORE_THE_CRASH);
        KclApplication firstApp = application(application, first);
        firstApp.startWorker("worker-1");
        // Records keep coming until the process dies (in the middle of a batch, once it saved enough).
        for (int round = 0; round < 150 && !first.isDead(); round++) {
            sendInRounds(sent, 20);
            first.failIfBroken();
        }
        await(first, "the first process to save " + SAVED_BEFORE_THE_CRASH + " records and die in the middle of a batch",
                first::isDead);
        firstApp.workers().get(0).crash();

        List<Integer> whileDown = sendInRounds(sent, PER_PHASE);
        DyingProcess second = new DyingProcess(answer()::create, Integer.MAX_VALUE);
        KclApplication secondApp = application(application, second);
        secondApp.startWorker("worker-2");
        // Waits for what KCL hands the new process (what the processor saves of it is checked later).
        await(second, "the restarted process to be handed the records sent while no process ran",
                () -> second.handedNumbers().containsAll(whileDown));

        aws.streams().split(stream, "shardId-000000000000", BigInteger.TWO.pow(126));
        List<Integer> afterTheSplit = sendInRounds(sent, PER_PHASE);
        await(second, "the records sent after the split, the children's included, to be handed to the processor",
                () -> second.handedNumbers().containsAll(afterTheSplit));
        Assertions.assertTrue(secondApp.workers().get(0).shutdown(Duration.ofSeconds(60)), "the graceful shutdown finished");
        return new Run(sent, first, second, secondApp.leases(), second.lastSequenceByShard());
    }

    private KclApplication application(String name, DyingProcess process) {
        KclApplication app = aws.kcl(name, stream).recordProcessor(process::processor).build();
        apps.add(app);
        return app;
    }

    /** Sends {@code count} records in rounds of 20, a tenth of a second apart, so that batches stay small. */
    private List<Integer> sendInRounds(List<Integer> sent, int count) throws InterruptedException {
        List<Integer> now = new ArrayList<>();
        try (Producer producer = aws.producer(stream).build()) {
            for (int round = 0; round < count / 20; round++) {
                for (int i = 0; i < 20; i++) {
                    int n = sent.size();
                    producer.send("key-" + n, "{\"n\":" + n + "}");
                    sent.add(n);
                    now.add(n);
                }
                producer.flush();
                Thread.sleep(100);
            }
        }
        return now;
    }

    /**
     * Waits while KCL keeps handing the processor records; gives up after {@link #NO_PROGRESS} without
     * a new one, or at once when the learner's processor threw a TODO or saves nothing of what it is handed.
     */
    private static void await(DyingProcess process, String what, BooleanSupplier done) throws InterruptedException {
        long lastProgress = System.nanoTime();
        int lastHanded = -1;
        while (!done.getAsBoolean()) {
            process.failIfBroken();
            int handed = process.delivered();
            if (handed != lastHanded) {
                lastHanded = handed;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > NO_PROGRESS.toNanos()) {
                Assertions.fail("Waited " + NO_PROGRESS.toSeconds() + " s for " + what + ", and KCL handed the processor "
                        + "no record meanwhile (" + handed + " so far, " + process.savedKeys().size() + " saved). Hint: at a "
                        + "shard's end, checkpoint: KCL starts its children only then");
            }
            Thread.sleep(100);
        }
    }
}
