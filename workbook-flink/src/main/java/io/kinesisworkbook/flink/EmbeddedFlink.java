package io.kinesisworkbook.flink;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One Flink cluster inside the notebook's JVM: a {@link MiniCluster} (a job manager and one task
 * manager, as threads), started on first use and shared by every query of the kernel.
 *
 * <p><b>Why one long-lived cluster.</b> Flink's local environment starts a fresh MiniCluster for
 * every job and stops it afterwards, which costs a second or two per query and leaves nothing to
 * cancel from outside. Here jobs are submitted to one cluster through a small {@link PipelineExecutor},
 * so a query starts in well under a second once the cluster runs, and {@link #close()} can cancel
 * every job that is still running.
 *
 * <p><b>Sized for a laptop.</b> Parallelism 2 (the machine the workbook is tested on has 2 cores),
 * 8 task slots so that a pump and a few queries run side by side, small network and managed memory
 * (both off-heap, and streaming SQL on the heap state backend uses little of either). Everything
 * binds to 127.0.0.1 and picks a free port; temporary files go under {@code target/flink}.
 *
 * <p><b>Stopped with the JVM.</b> A shutdown hook cancels the running jobs and stops the cluster when
 * the kernel exits, so a notebook leaves no Flink thread or temporary file behind.
 */
final class EmbeddedFlink implements AutoCloseable {

    static final int PARALLELISM = 2;
    static final int TASK_SLOTS = 8;
    /** The class loader that loaded Flink and this module: in a notebook, the kernel's class path for cells. */
    static final ClassLoader FLINK_LOADER = EmbeddedFlink.class.getClassLoader();
    private static final String EXECUTOR_NAME = "workbook-minicluster";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private static EmbeddedFlink shared;

    private final MiniCluster cluster;
    private final Path workDir;
    private final Configuration configuration;
    private final ExecutorService planner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "workbook-flink-sql");
        thread.setDaemon(true);
        thread.setContextClassLoader(FLINK_LOADER);
        return thread;
    });

    private EmbeddedFlink(MiniCluster cluster, Path workDir, Configuration configuration) {
        this.cluster = cluster;
        this.workDir = workDir;
        this.configuration = configuration;
    }

    /**
     * Runs {@code work} (creating a table environment, planning a statement) on this cluster's one SQL
     * thread and waits for it.
     *
     * <p><b>Why one thread.</b> Flink's planner keeps part of its state in a thread-local of Calcite's
     * (the metadata provider, FLINK-23020), set on the thread that created the table environment.
     * A notebook runs each cell on whatever thread the kernel picks, so planning a query in a later
     * cell, or after an interrupted one, fails with {@code NullPointerException: metadataHandlerProvider}.
     * Creating every table environment and planning every statement on this one thread avoids that.
     * The wait ignores interrupts: planning takes a moment, and a job it started must be known so that
     * it can be cancelled; the caller sees the interrupt right after.
     */
    <T> T onSqlThread(Callable<T> work) {
        Future<T> result = planner.submit(work);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The JVM's cluster, started on the first call. */
    static synchronized EmbeddedFlink shared() {
        if (shared == null || !shared.cluster.isRunning()) {
            shared = start(defaultWorkDir());
            EmbeddedFlink started = shared;
            Thread hook = new Thread(started::close, "workbook-flink-shutdown");
            hook.setContextClassLoader(FLINK_LOADER);
            Runtime.getRuntime().addShutdownHook(hook);
        }
        return shared;
    }

    /** A cluster of its own, for tests that stop it; its temporary files go under {@code workDir}. */
    static EmbeddedFlink start(Path workDir) {
        Configuration configuration = configuration(workDir);
        MiniClusterConfiguration clusterConfiguration = new MiniClusterConfiguration.Builder()
                .withRandomPorts()
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(TASK_SLOTS)
                .setConfiguration(configuration)
                .build();
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        // The cluster's threads inherit this thread's context class loader, and Flink loads job classes
        // through it. In a notebook kernel that is the kernel's own loader, which does not see the
        // notebook's class path (Flink among it): give them the loader that loaded Flink.
        current.setContextClassLoader(FLINK_LOADER);
        try {
            MiniCluster cluster = new MiniCluster(clusterConfiguration);
            cluster.start();
            return new EmbeddedFlink(cluster, workDir, configuration);
        } catch (Exception e) {
            throw new IllegalStateException("Flink's MiniCluster did not start: " + e.getMessage(), e);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    /** What every job of this cluster runs with. */
    static Configuration configuration(Path workDir) {
        Configuration c = new Configuration();
        c.setString("parallelism.default", String.valueOf(PARALLELISM));
        // Loopback only, free ports: the REST endpoint, the blob server, RPC and data exchange.
        c.setString("rest.bind-address", "127.0.0.1");
        c.setString("rest.address", "127.0.0.1");
        c.setString("rest.bind-port", "0");
        c.setString("jobmanager.bind-host", "127.0.0.1");
        c.setString("jobmanager.rpc.address", "127.0.0.1");
        c.setString("taskmanager.bind-host", "127.0.0.1");
        c.setString("taskmanager.host", "127.0.0.1");
        c.setString("blob.server.port", "0");
        // Temporary files (spilled data, blobs) under target/, never in /tmp.
        c.setString("io.tmp.dirs", workDir.resolve("tmp").toString());
        c.setString("blob.storage.directory", workDir.resolve("blobs").toString());
        c.setString("web.tmpdir", workDir.resolve("web").toString());
        c.setString("web.upload.dir", workDir.resolve("web-upload").toString());
        // Off-heap memory, small: network buffers are allocated when the task manager starts.
        c.set(org.apache.flink.configuration.TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("32m"));
        c.set(org.apache.flink.configuration.TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("32m"));
        c.set(org.apache.flink.configuration.TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
        // The heap state backend; nothing is checkpointed in a notebook.
        c.setString("state.backend.type", "hashmap");
        // A cancelled job ends at once rather than after a restart strategy's retries.
        c.setString("restart-strategy.type", "none");
        // A job without a jar or class path of its own has its configuration read, on the job
        // manager, with the JVM's system class loader. In a notebook kernel that loader does not see
        // Flink (JShell loads the notebook's class path in a loader of its own): ClassNotFoundException:
        // ExecutionConfig. An entry of the job's class path, an empty folder, makes Flink give each job
        // a class loader of its own, whose parent is the loader that loaded Flink.
        c.setString("pipeline.classpaths", workDir.toAbsolutePath().resolve("job-classpath").toUri().toString());
        return c;
    }

    /** An environment whose jobs run on this cluster. */
    StreamExecutionEnvironment environment() {
        Configuration jobConfiguration = new Configuration(configuration);
        jobConfiguration.setString("execution.target", EXECUTOR_NAME);
        return new StreamExecutionEnvironment(new ExecutorLoader(), jobConfiguration, FLINK_LOADER);
    }

    /** The jobs this cluster knows, finished ones included; none once it has stopped. */
    Collection<JobStatusMessage> jobs() {
        if (!cluster.isRunning()) {
            return List.of();
        }
        try {
            return cluster.listJobs().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not list Flink's jobs: " + e.getMessage(), e);
        }
    }

    /** The jobs still running (or about to). */
    List<JobID> runningJobs() {
        return jobs().stream().filter(job -> !job.getJobState().isGloballyTerminalState()).map(JobStatusMessage::getJobId).toList();
    }

    /**
     * Runs {@code work} with {@code java.io.tmpdir} pointing into this cluster's work folder.
     *
     * <p>The SQL planner is loaded once per JVM from a jar inside Flink's planner-loader jar, which it
     * first copies to {@code java.io.tmpdir} (a fresh 37 MB file per JVM, deleted when the JVM exits
     * normally). It reads that property directly and offers no option, so it is pointed here for
     * the moment the first table environment is made; the JDK's own temporary files are unaffected,
     * because the JDK reads the property once, at start-up.
     */
    <T> T withTemporaryDirectory(Callable<T> work) throws Exception {
        synchronized (EmbeddedFlink.class) {
            String previous = System.getProperty("java.io.tmpdir");
            Path tmp = Files.createDirectories(workDir.resolve("tmp"));
            System.setProperty("java.io.tmpdir", tmp.toString());
            try {
                return work.call();
            } finally {
                System.setProperty("java.io.tmpdir", previous);
            }
        }
    }

    /** Cancels a job and waits until it has ended. */
    void cancel(JobID job) {
        try {
            cluster.cancelJob(job).get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception alreadyEnded) {
            // A job that finished or failed meanwhile cannot be cancelled, and need not be.
        }
        awaitEnd(job);
    }

    /** Waits until a job reached a final state (finished, failed or cancelled). */
    JobStatus awaitEnd(JobID job) {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JobStatus status = cluster.getJobStatus(job).get(5, TimeUnit.SECONDS);
                if (status.isGloballyTerminalState()) {
                    return status;
                }
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return JobStatus.CANCELLING;
            } catch (Exception gone) {
                return JobStatus.CANCELED;
            }
        }
        throw new IllegalStateException("Flink job " + job + " did not end within " + STOP_TIMEOUT.toSeconds() + " s");
    }

    boolean isRunning() {
        return cluster.isRunning();
    }

    Path workDir() {
        return workDir;
    }

    /** Cancels every running job, then stops the cluster. */
    @Override
    public void close() {
        if (!cluster.isRunning()) {
            return;
        }
        runningJobs().forEach(this::cancel);
        planner.shutdownNow();
        try {
            cluster.closeAsync().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Flink's MiniCluster did not stop: " + e.getMessage(), e);
        }
        stopConnectionReaper();
    }

    /**
     * The Kinesis source's AWS SDK v1 (shaded inside the connector) starts one JVM-wide thread that
     * closes idle HTTP connections and never stops it by itself; with the cluster gone it has nothing
     * left to watch. (It starts again if a later cluster's source needs it.)
     */
    private static void stopConnectionReaper() {
        try {
            Class.forName("org.apache.flink.kinesis.shaded.com.amazonaws.http.IdleConnectionReaper")
                    .getMethod("shutdown").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            // another connector version: its reaper, if any, is a daemon thread and ends with the JVM
        }
    }

    /**
     * {@code workbook-flink/target/flink} when running from the project's build (the module's classes
     * or jar sit in its {@code target} folder), else a folder in the system's temporary directory.
     */
    static Path defaultWorkDir() {
        try {
            Path code = Path.of(EmbeddedFlink.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = Files.isDirectory(code) ? code.getParent() : code.getParent();
            if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
                return target.resolve("flink");
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the temporary directory
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "kinesis-workbook-flink");
    }

    /** Hands every pipeline to {@link #cluster}: the one executor Flink's environment will ask for. */
    private final class ExecutorLoader implements PipelineExecutorServiceLoader, PipelineExecutorFactory, PipelineExecutor {

        @Override
        public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
            return this;
        }

        @Override
        public Stream<String> getExecutorNames() {
            return Stream.of(getName());
        }

        @Override
        public String getName() {
            return EXECUTOR_NAME;
        }

        @Override
        public boolean isCompatibleWith(Configuration configuration) {
            return true;
        }

        @Override
        public PipelineExecutor getExecutor(Configuration configuration) {
            return this;
        }

        @Override
        public CompletableFuture<JobClient> execute(org.apache.flink.api.dag.Pipeline pipeline, Configuration jobConfiguration,
                                                    ClassLoader classLoader) throws Exception {
            JobGraph jobGraph = PipelineExecutorUtils.getJobGraph(pipeline, jobConfiguration, classLoader);
            return cluster.submitJob(jobGraph).thenApply(result -> new MiniClusterJobClient(result.getJobID(), cluster,
                    classLoader, MiniClusterJobClient.JobFinalizationBehavior.NOTHING));
        }
    }
}
