package io.kinesisworkbook.lib.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.LocalAws;
import io.kinesisworkbook.lib.consumer.ReadFrom;
import io.kinesisworkbook.lib.consumer.StreamReader;
import io.kinesisworkbook.lib.data.AppLogs;
import io.kinesisworkbook.lib.data.LogLine;
import io.kinesisworkbook.lib.data.S3Activity;
import io.kinesisworkbook.lib.lambda.ModuleJars;
import io.kinesisworkbook.lib.producer.Producer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tech.tablesaw.api.Table;

/**
 * The disaster-recovery pipeline through the library against the embedded emulator, every call the
 * real SDK's: object changes and compressed logs captured into the DR bucket, queried with Athena, a
 * lost bucket restored object by object; then the drills (a failing transform, S3 refusing writes)
 * with nothing lost.
 */
class DrPipelineTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static LocalAws aws;

    @BeforeAll
    static void start() {
        aws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions());
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void capturesEveryChangeAndEveryKeptLogLineAndRestoresALostBucket() {
        try (DrPipeline pipeline = DrPipeline.on(aws.connection, "drtest")) {
            DrResources names = pipeline.names();
            pipeline.build(ModuleJars.of("workbook-lambdas"), 1, 1);
            try {
                PrimaryWriter writer = new PrimaryWriter(pipeline.s3(), names.primaryBucket());
                S3Activity activity = S3Activity.seeded(10);
                activity.take(40).forEach(writer::apply);
                List<LogLine> lines = AppLogs.seeded(11).take(300);
                LogShipper.Shipped shipped;
                try (Producer producer = Producer.to(pipeline.kinesis(), names.stream()).build()) {
                    shipped = new LogShipper(producer, "/app/orders").ship(lines, 50);
                }
                int keptLines = shipped.atLeast(LogLine.Level.WARN);
                assertThat(shipped.gzipBytes()).isLessThan(shipped.rawBytes());
                assertThat(keptLines).isBetween(1, lines.size() - 1);   // the filter keeps some, not all

                CapturedLines.await(pipeline.s3(), names.drBucket(), 40, keptLines, PATIENCE);
                StreamCensus census = StreamCensus.of(pipeline.kinesis(), names.stream());
                assertThat(census.objectEvents()).isEqualTo(40);
                assertThat(census.logBatches()).isEqualTo(shipped.batches());

                // The copier (in the notebook a KCL application) copies each created object's bytes.
                ObjectCopier copier = new ObjectCopier(pipeline.s3(), names.drBucket());
                StreamReader.of(pipeline.kinesis(), names.stream()).from(ReadFrom.trimHorizon()).build()
                        .readAvailable().forEach(copier::handle);
                assertThat(copier.otherRecords()).isGreaterThanOrEqualTo(shipped.batches());
                Restore restore = new Restore(pipeline.s3(), names.drBucket());

                Table counts = pipeline.athena().query(DrQueries.COUNTS);
                assertThat(counts.stringColumn("kind").asList()).containsExactly("log", "object");
                assertThat(counts.longColumn("events").asList()).containsExactly((long) keptLines, 40L);

                Table restoreList = pipeline.athena().query(DrQueries.RESTORE_LIST);
                Map<String, String> expected = writer.expectedObjects();
                assertThat(restore.missingCopies(expected)).isEmpty();
                assertThat(restoreList.stringColumn("object_key").asList()).containsExactlyElementsOf(expected.keySet());

                // The disaster, and the way back.
                pipeline.buckets().emptyAndDelete(names.primaryBucket());
                pipeline.buckets().create(names.primaryBucket());
                Restore.Restored restored = restore.into(names.primaryBucket(), restoreList);
                assertThat(restored.missingCopies()).isEmpty();
                List<Restore.Verdict> verdicts = Restore.compare(expected, Restore.inventory(pipeline.s3(), names.primaryBucket()));
                assertThat(verdicts).hasSize(expected.size()).allSatisfy(v -> assertThat(v.verdict()).isEqualTo("same"));
            } finally {
                pipeline.tearDown();
            }
            assertThat(pipeline.buckets().exists(names.drBucket())).isFalse();
            assertThat(pipeline.rules().targets(names.rule())).isEmpty();
        }
    }

    @Test
    void aFailingTransformAndRefusedWritesLoseNothing() {
        try (DrPipeline pipeline = DrPipeline.on(aws.connection, "drills")) {
            DrResources names = pipeline.names();
            pipeline.build(ModuleJars.of("workbook-lambdas"), 1, 1);
            Drills drills = pipeline.drills();
            PrimaryWriter writer = new PrimaryWriter(pipeline.s3(), names.primaryBucket());
            S3Activity activity = S3Activity.seeded(20);
            try (Producer producer = Producer.to(pipeline.kinesis(), names.stream()).build()) {
                // The transform fails: Firehose retries, then writes the records under the error prefix.
                drills.breakTransform();
                activity.take(10).forEach(writer::apply);
                await(() -> CapturedLines.read(pipeline.s3(), names.drBucket()).errors().size() == 10,
                        "the ten events under the error prefix");
                assertThat(CapturedLines.read(pipeline.s3(), names.drBucket()).lines()).isEmpty();
                drills.mendTransform();
                assertThat(drills.redrive(producer)).isEqualTo(10);
                assertThat(CapturedLines.await(pipeline.s3(), names.drBucket(), 10, 0, PATIENCE).errors()).isEmpty();

                // S3 refuses the writes: Firehose holds the objects and retries until the policy goes.
                String policy = drills.refuseWrites();
                assertThat(policy).contains("\"Deny\"", names.drBucket() + "/" + DrResources.CAPTURED);
                assertRefused(pipeline, names);
                activity.take(10).forEach(writer::apply);
                await(() -> StreamCensus.of(pipeline.kinesis(), names.stream()).objectEvents() == 20,
                        "the next ten events in the stream");
                drills.allowWrites();
                CapturedLines.await(pipeline.s3(), names.drBucket(), 20, 0, PATIENCE);   // every one, once S3 takes writes
            } finally {
                pipeline.tearDown();
            }
        }
    }

    private static void assertRefused(DrPipeline pipeline, DrResources names) {
        try {
            pipeline.s3().putObject(b -> b.bucket(names.drBucket()).key(DrResources.CAPTURED + "probe"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
            throw new AssertionError("S3 took a write the bucket policy denies");
        } catch (S3Exception denied) {
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
