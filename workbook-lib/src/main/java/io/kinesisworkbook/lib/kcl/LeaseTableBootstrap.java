package io.kinesisworkbook.lib.kcl;

import java.time.Duration;
import software.amazon.kinesis.common.StreamConfig;
import software.amazon.kinesis.coordinator.streamInfo.StreamIdCache;
import software.amazon.kinesis.coordinator.streamInfo.StreamIdOnboardingState;
import software.amazon.kinesis.leases.HierarchicalShardSyncer;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.leases.LeaseManagementFactory;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseRefresher;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseSerializer;
import software.amazon.kinesis.metrics.NullMetricsScope;
import software.amazon.kinesis.processor.SingleStreamTracker;

/**
 * Prepares an application's lease table before its first worker starts, with KCL's own code, so the
 * requests are exactly those KCL would send. Three waits in KCL 3.5.1 make a new application slow to
 * start, and none of them can be configured:
 * <ol>
 *   <li>after creating the lease table KCL checks once whether it is ACTIVE and, if not, sleeps 10 s;</li>
 *   <li>after adding the {@code LeaseOwnerToLeaseKeyIndex} index it does the same, another 10 s;</li>
 *   <li>while the table has no leases, the first worker waits a random 1 to 30 s before listing the
 *       shards and creating them, so that workers starting together do not all do it.</li>
 * </ol>
 * Here the table and index are awaited every {@link KclTuning#tableWaitPollMillis()} and the leases
 * are created at once, by KCL's {@link HierarchicalShardSyncer} (with a conditional put per lease, so a
 * worker doing the same at the same time is harmless). A worker then finds everything ready.
 */
final class LeaseTableBootstrap {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private LeaseTableBootstrap() {
    }

    static void prepare(KclSettings settings) throws Exception {
        LeaseManagementConfig config = SchedulerFactory.leaseManagementConfig(settings, "lease-table-bootstrap");
        LeaseManagementFactory factory = config.leaseManagementFactory(new DynamoDBLeaseSerializer(), false);
        DynamoDBLeaseRefresher leases = factory.createLeaseRefresher();
        long poll = settings.tuning().tableWaitPollMillis();

        leases.createLeaseTableIfNotExists();
        await("lease table " + settings.leaseTable() + " to be ACTIVE", leases::leaseTableExists, poll);
        leases.createLeaseOwnerToLeaseKeyIndexIfNotExists();
        await("index LeaseOwnerToLeaseKeyIndex to be ACTIVE", leases::isLeaseOwnerToLeaseKeyIndexActive, poll);

        if (leases.isLeaseTableEmpty()) {
            // KCL's shard syncer reads this JVM-wide cache, which the first Scheduler would set up in
            // the same way: stream ids are not in use ("not onboarded"), KCL's default.
            StreamIdCache.initialize(null, StreamIdOnboardingState.NOT_ONBOARDED);
            StreamConfig stream = new SingleStreamTracker(settings.stream(), settings.initialPosition())
                    .streamConfigList().get(0);
            new HierarchicalShardSyncer(false, stream.streamIdentifier().toString())
                    .checkAndCreateLeaseForNewShards(factory.createShardDetector(stream), leases,
                            stream.initialPositionInStreamExtended(), new NullMetricsScope(),
                            config.ignoreUnexpectedChildShards(), true);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check, long pollMillis) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting for the " + what + " after " + TIMEOUT);
            }
            Thread.sleep(pollMillis);
        }
    }
}
