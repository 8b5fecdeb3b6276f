package io.kinesisworkbook.lib.kcl;

/**
 * The KCL timings a workbook application sets, each with why. {@link #quickLocal()} makes a worker
 * process its first record within seconds on a local backend and lets a crashed worker's shards move
 * within about ten; {@link #kclDefaults()} is KCL 3.5.1 as shipped, which the {@code aws} backend uses.
 *
 * <p>Every value is KCL's own setting, so it also answers "what would I tune?" for a real application.
 *
 * @param failoverTimeMillis               how long a lease may go unrenewed before it counts as expired and
 *                                         the leader gives it to another worker (renewals run every third of it).
 *                                         KCL: 10,000. Lower means faster takeover, more lease writes, and more
 *                                         spurious takeovers after a long GC pause.
 * @param leaseAssignmentIntervalMillis    how often the leader's lease assignment manager assigns new and expired
 *                                         leases (workers look for leases given to them twice as often). KCL:
 *                                         2 × failover time. Each run scans the whole lease table.
 * @param workerMetricsReporterMillis      how often a worker writes its WorkerMetricStats row, by which the leader
 *                                         knows it is alive (a row older than twice this is a dead worker). KCL:
 *                                         30,000. The first row is written after 2 × {@code workerMetricsCaptureMillis}.
 * @param workerMetricsCaptureMillis       how often a worker samples its own metrics in memory. KCL: 1,000.
 * @param leaderHeartbeatMillis            how often the leader renews its leader lock, and how long a non-leader waits
 *                                         before asking again whether it may lead. KCL: 30,000.
 * @param leaderLeaseMillis                how long the leader lock lasts without a heartbeat; at least twice the
 *                                         heartbeat. KCL: 120,000.
 * @param parentShardPollIntervalMillis    how often a child shard's worker checks whether its parents reached
 *                                         SHARD_END. KCL: 10,000.
 * @param initializationBackoffMillis      how long a worker waits between failed attempts to start. KCL: 1,000.
 * @param dispatchPollIntervalMillis       how often a worker's main loop moves its shard consumers on (start,
 *                                         initialize, process, shut down). KCL: 1,000.
 * @param pollingIdleMillis                with {@link Retrieval#POLLING}, the pause between GetRecords calls on a shard
 *                                         (at least 200: a shard allows five reads a second). KCL: 1,500.
 * @param gracefulHandoffTimeoutMillis     how long a worker giving a shard away may take to checkpoint before the new
 *                                         owner takes it anyway. KCL: 30,000.
 * @param shardSyncIntervalMillis          how long a worker pauses after it listed the shards and created leases for
 *                                         new ones. KCL: 60,000, and the first worker of a new application pauses
 *                                         this long before it starts (unless the lease table was prepared for it).
 * @param tableWaitPollMillis              how often {@link KclApplication} asks whether the lease table and its index
 *                                         are ACTIVE when it prepares them (KCL itself asks every 10 s).
 * @param metricsBufferMillis              how long KCL gathers its metrics before it sends them to CloudWatch
 *                                         (PutMetricData). KCL: 10,000.
 */
public record KclTuning(long failoverTimeMillis, long leaseAssignmentIntervalMillis, long workerMetricsReporterMillis,
                        long workerMetricsCaptureMillis, long leaderHeartbeatMillis, long leaderLeaseMillis,
                        long parentShardPollIntervalMillis, long initializationBackoffMillis,
                        long dispatchPollIntervalMillis, long pollingIdleMillis, long gracefulHandoffTimeoutMillis,
                        long shardSyncIntervalMillis, long tableWaitPollMillis, long metricsBufferMillis) {

    public KclTuning {
        if (leaderLeaseMillis < 2 * leaderHeartbeatMillis) {
            // The DynamoDB lock client refuses a lock whose lease is shorter than two heartbeats.
            throw new IllegalArgumentException("leaderLeaseMillis must be at least twice leaderHeartbeatMillis");
        }
        if (pollingIdleMillis < 200) {
            throw new IllegalArgumentException("pollingIdleMillis must be at least 200 (KCL's minimum)");
        }
    }

    /** KCL 3.5.1's own values: what a production application starts from. */
    public static KclTuning kclDefaults() {
        return new KclTuning(10_000, 20_000, 30_000, 1_000, 30_000, 120_000, 10_000, 1_000, 1_000, 1_500, 30_000,
                60_000, 1_000, 10_000);
    }

    /**
     * For a local backend, where DynamoDB and Kinesis answer in milliseconds and nothing is billed:
     * leases expire after 5 s and the leader assigns every second, workers report in every 2 s and
     * a new leader is found within a second, children start half a second after their parents end,
     * each shard is read five times a second, a shard sync pauses a second rather than a minute, and
     * KCL's metrics reach CloudWatch every second, so a graph of MillisBehindLatest moves in a demo.
     */
    public static KclTuning quickLocal() {
        return new KclTuning(5_000, 1_000, 2_000, 250, 1_000, 10_000, 500, 500, 250, 200, 5_000, 1_000, 100, 1_000);
    }
}
