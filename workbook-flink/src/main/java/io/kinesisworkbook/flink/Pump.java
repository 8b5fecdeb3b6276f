package io.kinesisworkbook.flink;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;

/**
 * A running {@code INSERT INTO}: what Kinesis Data Analytics called a pump, a continuous query that
 * moves its results into another in-application stream or a destination. It runs until
 * {@link #stop()}, until the {@link StreamingSql} session closes, or until the kernel exits.
 */
public final class Pump implements AutoCloseable {

    private final String name;
    private final JobID job;
    private final EmbeddedFlink flink;

    Pump(String name, JobID job, EmbeddedFlink flink) {
        this.name = name;
        this.job = job;
        this.flink = flink;
    }

    public String name() {
        return name;
    }

    /** Flink's state of the job: RUNNING while it pumps. */
    public String status() {
        return flink.jobs().stream().filter(j -> j.getJobId().equals(job)).findFirst()
                .map(j -> j.getJobState().name()).orElse(JobStatus.CANCELED.name());
    }

    public boolean isRunning() {
        return status().equals(JobStatus.RUNNING.name()) || status().equals(JobStatus.CREATED.name())
                || status().equals(JobStatus.INITIALIZING.name());
    }

    /** Cancels the job and waits until it has ended. Stopping twice does nothing. */
    public void stop() {
        flink.cancel(job);
    }

    @Override
    public void close() {
        stop();
    }

    JobID job() {
        return job;
    }

    @Override
    public String toString() {
        return "pump " + name + " (" + status() + ")";
    }
}
