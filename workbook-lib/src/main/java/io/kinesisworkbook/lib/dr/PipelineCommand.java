package io.kinesisworkbook.lib.dr;

import io.kinesisworkbook.lib.Workbook;
import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.data.AppLogs;
import io.kinesisworkbook.lib.data.LogLine;
import io.kinesisworkbook.lib.data.S3Activity;
import io.kinesisworkbook.lib.lambda.ModuleJars;
import io.kinesisworkbook.lib.producer.Producer;
import io.kinesisworkbook.lib.view.Progress;
import io.kinesisworkbook.lib.view.Tables;
import java.io.PrintStream;
import java.time.Duration;
import tech.tablesaw.api.Table;

/**
 * {@code ./workbook pipeline [--backend B]}: notebook 10's pipeline from a terminal. It builds the
 * pipeline (a progress bar over the steps), writes object changes to the primary bucket and ships
 * compressed log batches, waits until the DR bucket holds every one of them, asks Athena for the
 * counts and the restore list, prints the reconciliation, and removes everything it made.
 */
public final class PipelineCommand {

    static final String USAGE = """
            usage: workbook pipeline [--backend embedded|localstack|floci|aws]
              builds notebook 10's disaster-recovery pipeline, runs changes and logs through it,
              reconciles the counts, prints Athena's answers, and removes what it made""";

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final int changes;
    private final int logLines;
    private final PrintStream out;

    PipelineCommand(int changes, int logLines, PrintStream out) {
        this.changes = changes;
        this.logLines = logLines;
        this.out = out;
    }

    public static void main(String[] args) {
        String backend = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backend" -> backend = i + 1 < args.length ? args[++i] : null;
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    System.err.println("workbook pipeline: unknown option: " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        try {
            Reconciliation reconciliation = new PipelineCommand(200, 2_000, System.out).run(Workbook.connect(backend));
            System.exit(reconciliation.reconciled() ? 0 : 1);
        } catch (WorkbookException e) {
            System.err.println("workbook pipeline: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the pipeline on {@code aws} and returns its reconciliation; the resources are gone after. */
    Reconciliation run(Workbook aws) {
        try (DrPipeline pipeline = aws.drPipeline("dr-cli")) {
            out.println("Backend: " + aws.backend() + "; the pipeline's resources are named dr-cli-*");
            try {
                build(pipeline);
                return runThrough(pipeline, aws);
            } finally {
                out.println("Removing what the run made ...");
                pipeline.tearDown();
            }
        }
    }

    private void build(DrPipeline pipeline) {
        try (Progress progress = Progress.of("Building the pipeline", 6)) {
            pipeline.createBuckets();
            progress.step();
            pipeline.createStream(2);
            progress.step();
            pipeline.routeObjectEvents();
            progress.step();
            pipeline.deployTransform(ModuleJars.of("workbook-lambdas"));
            progress.step();
            pipeline.deliverToDrBucket(1);
            progress.step();
            pipeline.createTable();
            progress.step();
        }
    }

    private Reconciliation runThrough(DrPipeline pipeline, Workbook aws) {
        DrResources names = pipeline.names();
        PrimaryWriter writer = new PrimaryWriter(pipeline.s3(), names.primaryBucket());
        S3Activity activity = S3Activity.seeded(10);
        try (Progress progress = Progress.of("Changing objects in " + names.primaryBucket(), changes)) {
            for (int i = 0; i < changes; i++) {
                writer.apply(activity.next());
                progress.step();
            }
        }
        LogShipper.Shipped shipped;
        try (Producer producer = aws.producer(names.stream()).build()) {
            shipped = new LogShipper(producer, "/shop/orders").ship(AppLogs.seeded(11).take(logLines), 100);
        }
        int kept = shipped.atLeast(LogLine.Level.WARN);
        out.printf("Shipped %,d log lines in %,d GZIP batches (%,d bytes, %,d after GZIP); %,d are WARN or ERROR%n",
                shipped.lines(), shipped.batches(), shipped.rawBytes(), shipped.gzipBytes(), kept);
        out.println("Waiting for Firehose to deliver every change and kept line ...");
        CapturedLines captured = CapturedLines.await(pipeline.s3(), names.drBucket(), changes, kept, PATIENCE);

        Table counts = pipeline.athena().query(DrQueries.COUNTS);
        Table restoreList = pipeline.athena().query(DrQueries.RESTORE_LIST);
        out.println(Tables.text(counts));
        out.println(Tables.text(restoreList, 10));
        StreamCensus census = StreamCensus.of(pipeline.kinesis(), names.stream());
        long athenaEvents = counts.longColumn("events").get(counts.stringColumn("kind").indexOf("object"));
        Reconciliation reconciliation = new Reconciliation()
                .line("changes made / in the stream", changes, census.objectEvents())
                .line("in the stream / captured", census.objectEvents(), captured.distinct("object"))
                .line("captured / counted by Athena", captured.distinct("object"), athenaEvents)
                .line("WARN+ lines shipped / captured", kept, captured.distinct("log"))
                .line("objects held / in the restore list", writer.expectedObjects().size(), restoreList.rowCount());
        out.println(Tables.text(reconciliation.table("Reconciliation")));
        out.println(reconciliation.reconciled() ? "Every count agrees." : "Counts that differ: " + reconciliation.differences());
        return reconciliation;
    }
}
