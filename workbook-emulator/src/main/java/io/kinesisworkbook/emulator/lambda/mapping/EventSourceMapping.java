package io.kinesisworkbook.emulator.lambda.mapping;

import java.util.List;

/**
 * One event source mapping: a Kinesis stream feeding a function. Its settings change under its lock;
 * its poller reads them afresh before every batch, so an update takes effect at the next one.
 *
 * <p>States as AWS's: {@code Creating} then {@code Enabled} (or {@code Disabled}), {@code Updating}
 * (or {@code Enabling}, {@code Disabling}) then the new state, {@code Deleting} then gone, each for
 * the emulator's transition delay, settled lazily against its clock.
 */
final class EventSourceMapping {

    /** Settings a poller reads for each batch. */
    record Settings(int batchSize, int batchingWindowSeconds, boolean bisect, int maxRetryAttempts,
                    int maxRecordAgeSeconds, boolean reportItemFailures, boolean enabled) {
    }

    final String uuid;
    final String region;
    final String eventSourceArn;
    final String functionArn;
    final String startingPosition;
    final Long startingTimestampMillis;
    final int parallelizationFactor;
    private Settings settings;
    private String state;
    private String pendingState;
    private long settlesAt;
    private long lastModified;
    private String lastProcessingResult = "No records processed";
    private final List<String> functionResponseTypes;

    EventSourceMapping(String uuid, String region, String eventSourceArn, String functionArn, String startingPosition,
                       Long startingTimestampMillis, int parallelizationFactor, Settings settings,
                       List<String> functionResponseTypes, long now, long settlesAt) {
        this.uuid = uuid;
        this.region = region;
        this.eventSourceArn = eventSourceArn;
        this.functionArn = functionArn;
        this.startingPosition = startingPosition;
        this.startingTimestampMillis = startingTimestampMillis;
        this.parallelizationFactor = parallelizationFactor;
        this.settings = settings;
        this.functionResponseTypes = List.copyOf(functionResponseTypes);
        this.state = "Creating";
        this.pendingState = settings.enabled() ? "Enabled" : "Disabled";
        this.settlesAt = settlesAt;
        this.lastModified = now;
    }

    synchronized void settle(long now) {
        if (pendingState != null && now >= settlesAt) {
            state = pendingState;
            pendingState = null;
        }
    }

    synchronized String state() {
        return state;
    }

    /** Whether the poller should read: Enabled, or still Updating from Enabled to Enabled. */
    synchronized boolean polling() {
        return state.equals("Enabled") || (state.equals("Updating") && settings.enabled());
    }

    synchronized boolean gone() {
        return state.equals("Deleted");
    }

    synchronized boolean busy() {
        return pendingState != null;
    }

    synchronized Settings settings() {
        return settings;
    }

    synchronized long lastModified() {
        return lastModified;
    }

    synchronized String lastProcessingResult() {
        return lastProcessingResult;
    }

    synchronized void processed(boolean ok) {
        lastProcessingResult = ok ? "OK" : "PROBLEM: Function call failed";
    }

    List<String> functionResponseTypes() {
        return functionResponseTypes;
    }

    synchronized void update(Settings next, long now, long settlesAt) {
        boolean wasEnabled = settings.enabled() || state.equals("Enabled");
        settings = next;
        lastModified = now;
        if (next.enabled() != wasEnabled) {
            state = next.enabled() ? "Enabling" : "Disabling";
        } else {
            state = "Updating";
        }
        pendingState = next.enabled() ? "Enabled" : "Disabled";
        this.settlesAt = settlesAt;
    }

    synchronized void delete(long settlesAt) {
        state = "Deleting";
        pendingState = "Deleted";
        this.settlesAt = settlesAt;
    }
}
