package io.kinesisworkbook.emulator.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A function: its $LATEST version, its published versions, its tags and its state.
 *
 * <p>States follow AWS's: a new function is {@code Pending} for the emulator's transition delay,
 * then {@code Active}; an update leaves it {@code Active} with {@code LastUpdateStatus: InProgress}
 * for the same delay. Invocations during an update run the code from before it, as on AWS. The
 * transitions are settled lazily against the emulator's clock, as Kinesis's are.
 */
final class LambdaFunction {

    private final String region;
    private final String name;
    private final String arn;
    private final Map<String, String> tags = new TreeMap<>();
    private final TreeMap<Integer, FunctionVersion> published = new TreeMap<>();
    private int lastVersionNumber;
    private FunctionVersion latest;
    private FunctionVersion running;
    private String state = "Pending";
    private String lastUpdateStatus;
    private long settlesAt;

    LambdaFunction(String region, String name, String arn, FunctionVersion latest, long settlesAt) {
        this.region = region;
        this.name = name;
        this.arn = arn;
        this.latest = latest;
        this.running = latest;
        this.settlesAt = settlesAt;
    }

    String region() {
        return region;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    /** Ends a transition whose time has come. */
    synchronized void settle(long now) {
        if (now < settlesAt) {
            return;
        }
        if (state.equals("Pending")) {
            state = "Active";
            lastUpdateStatus = "Successful";
        } else if ("InProgress".equals(lastUpdateStatus)) {
            lastUpdateStatus = "Successful";
            if (running != latest && !published.containsValue(running)) {
                running.runtime().retire();
            }
            running = latest;
        }
    }

    synchronized String state() {
        return state;
    }

    synchronized String lastUpdateStatus() {
        return lastUpdateStatus;
    }

    /** Whether an invocation or another update may start now (settle first). */
    synchronized boolean ready() {
        return state.equals("Active") && !"InProgress".equals(lastUpdateStatus);
    }

    /** $LATEST as configured: what Get and List show. */
    synchronized FunctionVersion latest() {
        return latest;
    }

    /** $LATEST as invoked: the configuration from before an update still in progress. */
    synchronized FunctionVersion running() {
        return running;
    }

    /** Replaces $LATEST; it becomes the one invoked when the update settles. */
    synchronized void update(FunctionVersion next, long settlesAt) {
        if (latest != running && !published.containsValue(latest)) {
            latest.runtime().retire();
        }
        latest = next;
        lastUpdateStatus = "InProgress";
        this.settlesAt = settlesAt;
    }

    synchronized FunctionVersion version(String qualifier) {
        if (qualifier == null || qualifier.equals(FunctionVersion.LATEST)) {
            return latest;
        }
        try {
            return published.get(Integer.parseInt(qualifier));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    synchronized FunctionVersion invokable(String qualifier) {
        return qualifier == null || qualifier.equals(FunctionVersion.LATEST) ? running : version(qualifier);
    }

    /** The newest published version, or null. */
    synchronized FunctionVersion lastPublished() {
        return published.isEmpty() ? null : published.lastEntry().getValue();
    }

    synchronized int nextVersionNumber() {
        return lastVersionNumber + 1;
    }

    synchronized void publish(FunctionVersion version) {
        lastVersionNumber = Integer.parseInt(version.version());
        published.put(lastVersionNumber, version);
    }

    synchronized List<FunctionVersion> publishedVersions() {
        return new ArrayList<>(published.values());
    }

    synchronized boolean deleteVersion(String qualifier) {
        FunctionVersion removed = published.remove(Integer.parseInt(qualifier));
        if (removed != null) {
            removed.runtime().retire();
        }
        return removed != null;
    }

    /** Every runtime this function still has: to stop them when it is deleted. */
    synchronized List<FunctionVersion> allVersions() {
        List<FunctionVersion> all = new ArrayList<>(published.values());
        all.add(latest);
        if (running != latest) {
            all.add(running);
        }
        return all;
    }

    synchronized Map<String, String> tags() {
        return new TreeMap<>(tags);
    }

    synchronized void tag(Map<String, String> more) {
        tags.putAll(more);
    }

    synchronized void untag(List<String> keys) {
        keys.forEach(tags::remove);
    }
}
