package io.kinesisworkbook.lib.kcl;

import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.coordinator.WorkerStateChangeListener;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.metrics.MetricsConfig;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.retrieval.RetrievalConfig;
import software.amazon.kinesis.retrieval.fanout.FanOutConfig;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * Builds a KCL {@link Scheduler} (one worker) the way a KCL application does, with
 * {@link ConfigsBuilder}, and then changes only what {@link KclSettings} asks for. Everything a
 * learner might look up is set here, in one place.
 */
final class SchedulerFactory {

    private SchedulerFactory() {
    }

    static Scheduler create(KclSettings settings, String workerId, ShardRecordProcessorFactory processors,
                            WorkerStateChangeListener listener) {
        ConfigsBuilder configs = configsBuilder(settings, workerId, processors);
        return new Scheduler(
                configs.checkpointConfig(),
                coordinatorConfig(configs, settings, listener),
                leaseManagementConfig(configs, settings),
                configs.lifecycleConfig(),
                metricsConfig(configs, settings),
                configs.processorConfig(),
                retrievalConfig(configs, settings));
    }

    /** The lease management settings a worker would have: {@link LeaseTableBootstrap} prepares the table with them. */
    static LeaseManagementConfig leaseManagementConfig(KclSettings settings, String workerId) {
        return leaseManagementConfig(configsBuilder(settings, workerId, () -> {
            throw new IllegalStateException("not a worker");
        }), settings);
    }

    private static ConfigsBuilder configsBuilder(KclSettings settings, String workerId,
                                                 ShardRecordProcessorFactory processors) {
        SingleStreamTracker stream = new SingleStreamTracker(settings.stream(), settings.initialPosition());
        return new ConfigsBuilder(stream, settings.application(), settings.kinesis(), settings.dynamoDb(),
                settings.cloudWatch(), workerId, processors);
    }

    private static CoordinatorConfig coordinatorConfig(ConfigsBuilder configs, KclSettings settings,
                                                       WorkerStateChangeListener listener) {
        KclTuning tuning = settings.tuning();
        // clientVersionConfig stays CLIENT_VERSION_CONFIG_3X (KCL 3's default): a new application
        // has no KCL 2 workers to stay compatible with.
        return configs.coordinatorConfig()
                .parentShardPollIntervalMillis(tuning.parentShardPollIntervalMillis())
                .schedulerInitializationBackoffTimeMillis(tuning.initializationBackoffMillis())
                .shardConsumerDispatchPollIntervalMillis(tuning.dispatchPollIntervalMillis())
                .workerStateChangeListener(listener);
    }

    private static LeaseManagementConfig leaseManagementConfig(ConfigsBuilder configs, KclSettings settings) {
        KclTuning tuning = settings.tuning();
        LeaseManagementConfig leases = configs.leaseManagementConfig()
                .failoverTimeMillis(tuning.failoverTimeMillis())
                .shardSyncIntervalMillis(tuning.shardSyncIntervalMillis())
                .leaseAssignmentIntervalMillis(tuning.leaseAssignmentIntervalMillis())
                .leaseAssignmentStrategy(settings.assignment())
                .dynamoDbLockBasedLeaderHeartbeatPeriodInMillis(tuning.leaderHeartbeatMillis())
                .dynamoDbLockBasedLeaderLeaseDurationInMillis(tuning.leaderLeaseMillis())
                .initialPositionInStream(settings.initialPosition())
                .gracefulLeaseHandoffConfig(LeaseManagementConfig.GracefulLeaseHandoffConfig.builder()
                        .gracefulLeaseHandoffTimeoutMillis(tuning.gracefulHandoffTimeoutMillis())
                        .build());
        leases.workerUtilizationAwareAssignmentConfig()
                // Without this, every worker asks the EC2 instance metadata service (169.254.169.254,
                // up to 5 s per try) whether it runs on EC2, to measure its CPU. The leader then balances
                // by lease count or shard throughput only, which is what a workbook shows anyway.
                .disableWorkerMetrics(true)
                .workerMetricsReporterFreqInMillis(tuning.workerMetricsReporterMillis())
                .inMemoryWorkerMetricsCaptureFrequencyMillis(tuning.workerMetricsCaptureMillis());
        return leases;
    }

    private static MetricsConfig metricsConfig(ConfigsBuilder configs, KclSettings settings) {
        MetricsConfig metrics = configs.metricsConfig();
        if (settings.metricsLevel() == null) {
            // No CloudWatch calls at all (a metrics level of NONE would still start CloudWatch's publisher).
            return metrics.metricsFactory(new NullMetricsFactory());
        }
        return metrics.metricsLevel(settings.metricsLevel()).metricsBufferTimeMillis(settings.tuning().metricsBufferMillis());
    }

    private static RetrievalConfig retrievalConfig(ConfigsBuilder configs, KclSettings settings) {
        RetrievalConfig retrieval = configs.retrievalConfig();
        if (settings.retrieval() == Retrieval.POLLING) {
            return retrieval.retrievalSpecificConfig(new PollingConfig(settings.stream(), settings.kinesis())
                    .idleTimeBetweenReadsInMillis(settings.tuning().pollingIdleMillis()));
        }
        return retrieval.retrievalSpecificConfig(new FanOutConfig(settings.kinesis())
                .streamName(settings.stream())
                .applicationName(settings.application()));
    }
}
