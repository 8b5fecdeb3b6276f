package io.kinesisworkbook.lib.kcl;

import io.kinesisworkbook.lib.Workbook;
import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.view.Tables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.leases.LeaseAssignmentStrategy;
import software.amazon.kinesis.metrics.MetricsLevel;
import tech.tablesaw.api.Table;

/**
 * A Kinesis Client Library application: a name (which is also its lease table's), a stream, and what
 * to do with each record. Its workers share the stream's shards through leases in DynamoDB.
 *
 * <pre>{@code
 * KclApplication app = aws.kcl("clicks-app", "clicks").processor(record -> counts.merge(record.partitionKey(), 1, Integer::sum)).build();
 * KclWorker w1 = app.startWorker("worker-1");
 * KclWorker w2 = app.startWorker("worker-2");
 * Show.table(app.leaseTable());             // who holds which shard, and each shard's checkpoint
 * w1.crash();                               // w2 takes w1's shards once their leases expire
 * app.processed().duplicateCount();         // records w1 processed after its last checkpoint, processed again
 * app.close();                              // graceful shutdown of the workers still running
 * }</pre>
 *
 * <p>On a local backend it is tuned to start in seconds ({@link KclTuning#quickLocal()}) and reads
 * by polling; on AWS it keeps KCL's timings and enhanced fan-out. Everywhere it publishes KCL's
 * metrics (MillisBehindLatest, RecordsProcessed, ...) to CloudWatch at KCL's DETAILED level, in
 * a namespace named after the application; the embedded emulator serves them. Either way, before the first worker starts it prepares the lease table as KCL would (see
 * {@link LeaseTableBootstrap}), without KCL's fixed waits.
 */
public final class KclApplication implements AutoCloseable {

    private final DynamoDbClient dynamoDb;
    private final KclSettings settings;
    private final RecordHandler handler;
    private final Duration startTimeout;
    private final ProcessedRecords processed = new ProcessedRecords();
    private final List<KclEvent> events = new ArrayList<>();
    private final Map<String, KclWorker> workers = new LinkedHashMap<>();
    private boolean prepared;

    private KclApplication(Builder builder) {
        Workbook workbook = builder.workbook;
        this.dynamoDb = builder.dynamoDb != null ? builder.dynamoDb : workbook.dynamoDb();
        this.handler = Objects.requireNonNull(builder.handler, "processor(record -> ...) is required");
        this.startTimeout = builder.local() ? Duration.ofSeconds(60) : Duration.ofMinutes(10);
        this.settings = new KclSettings(builder.application, builder.stream,
                InitialPositionInStreamExtended.newInitialPosition(builder.initialPosition), builder.retrieval(),
                builder.tuning(), builder.metricsLevel(), builder.assignment,
                builder.kinesis != null ? builder.kinesis : workbook.kinesisAsync(),
                builder.dynamoDbAsync != null ? builder.dynamoDbAsync : workbook.dynamoDbAsync(),
                builder.cloudWatch != null ? builder.cloudWatch : workbook.cloudWatchAsync());
    }

    public static Builder builder(Workbook workbook, String application, String stream) {
        return new Builder(workbook, application, stream);
    }

    public String name() {
        return settings.application();
    }

    public String stream() {
        return settings.stream();
    }

    /** The DynamoDB table KCL keeps this application's leases in: named after the application. */
    public String leaseTableName() {
        return settings.leaseTable();
    }

    /**
     * Starts a worker named {@code workerId} and returns once KCL has initialized it. The first one
     * also prepares the lease table. Start workers one after the other (as this method does): KCL
     * 3.5.1 can fail to start a second worker of a new application that starts at the very same time
     * as the first, when both try to record the application's KCL version.
     */
    public synchronized KclWorker startWorker(String workerId) {
        KclWorker running = workers.get(workerId);
        if (running != null && running.isRunning()) {
            throw new IllegalStateException("Worker " + workerId + " is already running");
        }
        prepareLeaseTable();
        KclWorker worker = KclWorker.start(settings, workerId, handler, processed, this::addEvent, startTimeout);
        workers.put(workerId, worker);
        return worker;
    }

    /** Every worker started so far, running or not, in the order they were started. */
    public synchronized List<KclWorker> workers() {
        return List.copyOf(workers.values());
    }

    /** Every record the workers processed, duplicates included. */
    public ProcessedRecords processed() {
        return processed;
    }

    /** What happened to the shards on each worker: started, lease lost, shard ended, ... */
    public List<KclEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public Table eventTable() {
        return Tables.fromRecords("KCL events of " + name(), events());
    }

    /** The application's leases as they are in DynamoDB now. */
    public List<LeaseRow> leases() {
        return LeaseRow.read(dynamoDb, leaseTableName());
    }

    /** {@link #leases()} as a table: lease key, owner, checkpoint, counter, parent and child shards. */
    public Table leaseTable() {
        return Tables.fromRecords("leases of " + name(), leases());
    }

    /** Shuts every running worker down gracefully, each within {@code timeout}. */
    public synchronized void shutdown(Duration timeout) {
        workers.values().stream().filter(KclWorker::isRunning).forEach(worker -> worker.shutdown(timeout));
    }

    /**
     * Deletes the lease table, and with it every checkpoint: the application's next worker starts
     * from the initial position again. Workers must be stopped first.
     */
    public synchronized void deleteLeaseTable() {
        if (workers.values().stream().anyMatch(KclWorker::isRunning)) {
            throw new IllegalStateException("Stop the workers of " + name() + " before deleting its lease table");
        }
        try {
            dynamoDb.deleteTable(request -> request.tableName(leaseTableName()));
            // The SDK's waiter asks every 20 s; a local table is gone in well under one.
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                dynamoDb.describeTable(request -> request.tableName(leaseTableName()));
                Thread.sleep(settings.tuning().tableWaitPollMillis());
            }
            throw new IllegalStateException("Lease table " + leaseTableName() + " was still there after 5 minutes");
        } catch (ResourceNotFoundException e) {
            // Gone.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            prepared = false;
        }
    }

    /** Shuts every running worker down gracefully. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(60));
    }

    @Override
    public String toString() {
        return "KCL application " + name() + " on stream " + stream() + " (" + settings.retrieval() + ", "
                + workers().size() + " workers started)";
    }

    private void prepareLeaseTable() {
        if (prepared) {
            return;
        }
        try {
            LeaseTableBootstrap.prepare(settings);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not prepare lease table " + leaseTableName() + ": " + e, e);
        }
        prepared = true;
    }

    private void addEvent(KclEvent event) {
        synchronized (events) {
            events.add(event);
        }
    }

    /** Chooses how the application runs; {@link #build()} needs only {@link #processor(RecordHandler)}. */
    public static final class Builder {

        private final Workbook workbook;
        private final String application;
        private final String stream;
        private RecordHandler handler;
        private InitialPositionInStream initialPosition = InitialPositionInStream.TRIM_HORIZON;
        private LeaseAssignmentStrategy assignment = LeaseAssignmentStrategy.LEASE_COUNT_BASED;
        private Retrieval retrieval;
        private KclTuning tuning;
        private MetricsLevel metricsLevel;
        private boolean metricsChosen;
        private KinesisAsyncClient kinesis;
        private DynamoDbAsyncClient dynamoDbAsync;
        private DynamoDbClient dynamoDb;
        private CloudWatchAsyncClient cloudWatch;

        private Builder(Workbook workbook, String application, String stream) {
            this.workbook = Objects.requireNonNull(workbook, "workbook");
            this.application = Objects.requireNonNull(application, "application");
            this.stream = Objects.requireNonNull(stream, "stream");
        }

        /** What to do with each record; the worker checkpoints after each batch it hands over. */
        public Builder processor(RecordHandler handler) {
            this.handler = handler;
            return this;
        }

        /**
         * Where a shard without a checkpoint starts: TRIM_HORIZON (the default here: every record
         * still in the stream, so records sent before the application started are processed too) or
         * LATEST (KCL's default: only records sent from now on).
         */
        public Builder initialPosition(InitialPositionInStream position) {
            this.initialPosition = position;
            return this;
        }

        /** Polling (default on local backends) or enhanced fan-out (KCL's default, and the default on AWS). */
        public Builder retrieval(Retrieval retrieval) {
            this.retrieval = retrieval;
            return this;
        }

        /** The KCL timings: {@link KclTuning#quickLocal()} on local backends, {@link KclTuning#kclDefaults()} on AWS. */
        public Builder tuning(KclTuning tuning) {
            this.tuning = tuning;
            return this;
        }

        /**
         * How the leader shares leases among workers. LEASE_COUNT_BASED (default here) gives each worker
         * an equal number of shards, which is easy to see in a lease table; WORKER_UTILIZATION_AWARE (KCL
         * 3's default) balances the shards' throughput, and with it the workers' load.
         */
        public Builder assignment(LeaseAssignmentStrategy strategy) {
            this.assignment = strategy;
            return this;
        }

        /**
         * Publishes KCL's metrics to CloudWatch at {@code level}, or none at all for {@code null}. The
         * default is KCL's own (DETAILED) on every backend.
         */
        public Builder metrics(MetricsLevel level) {
            this.metricsLevel = level;
            this.metricsChosen = true;
            return this;
        }

        /** Other clients than the workbook's, e.g. with a request log; for tests. */
        Builder clients(KinesisAsyncClient kinesis, DynamoDbAsyncClient dynamoDbAsync, DynamoDbClient dynamoDb,
                        CloudWatchAsyncClient cloudWatch) {
            this.kinesis = kinesis;
            this.dynamoDbAsync = dynamoDbAsync;
            this.dynamoDb = dynamoDb;
            this.cloudWatch = cloudWatch;
            return this;
        }

        public KclApplication build() {
            return new KclApplication(this);
        }

        private boolean local() {
            return workbook.backend() != Backend.AWS;
        }

        private Retrieval retrieval() {
            if (retrieval != null) {
                return retrieval;
            }
            // Locally polling reaches the first record as soon as fan-out does, without a stream
            // consumer to register and wait for, and it shows GetRecords at work; on AWS, KCL's default.
            return local() ? Retrieval.POLLING : Retrieval.FAN_OUT;
        }

        private KclTuning tuning() {
            return tuning != null ? tuning : local() ? KclTuning.quickLocal() : KclTuning.kclDefaults();
        }

        private MetricsLevel metricsLevel() {
            if (metricsChosen) {
                return metricsLevel;
            }
            // KCL's default level everywhere: the embedded emulator serves CloudWatch too.
            return MetricsLevel.DETAILED;
        }
    }
}
