package io.kinesisworkbook.emulator.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule on one bus: an event pattern, a schedule, or both, and up to five targets. Its bus's
 * lock guards it.
 */
final class Rule {

    static final String ENABLED = "ENABLED";
    static final String DISABLED = "DISABLED";
    static final int MAX_TARGETS = 5;

    private final String name;
    private final String arn;
    private final String busName;
    private final String createdBy;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private EventPattern pattern;
    private Schedule schedule;
    private String state = ENABLED;
    private String description;
    private String roleArn;
    /** When the schedule fires next (epoch milliseconds, emulator clock); -1 when it does not. */
    private long nextFireMillis = -1;

    Rule(String name, String arn, String busName, String createdBy) {
        this.name = name;
        this.arn = arn;
        this.busName = busName;
        this.createdBy = createdBy;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String busName() {
        return busName;
    }

    String createdBy() {
        return createdBy;
    }

    EventPattern pattern() {
        return pattern;
    }

    Schedule schedule() {
        return schedule;
    }

    String state() {
        return state;
    }

    boolean enabled() {
        return !state.equals(DISABLED);
    }

    String description() {
        return description;
    }

    String roleArn() {
        return roleArn;
    }

    Map<String, String> tags() {
        return tags;
    }

    /** PutRule's definition, replacing the last one; targets and tags stay. */
    void define(EventPattern newPattern, Schedule newSchedule, String newState, String newDescription,
                String newRoleArn, long now) {
        boolean scheduleChanged = schedule == null || newSchedule == null || !schedule.text().equals(newSchedule.text());
        pattern = newPattern;
        schedule = newSchedule;
        state = newState;
        description = newDescription;
        roleArn = newRoleArn;
        if (scheduleChanged || nextFireMillis < 0) {
            restartSchedule(now);
        }
    }

    void state(String newState, long now) {
        boolean wasEnabled = enabled();
        state = newState;
        if (!wasEnabled && enabled()) {
            restartSchedule(now);
        }
    }

    private void restartSchedule(long now) {
        nextFireMillis = schedule == null ? -1 : schedule.nextAfter(now);
    }

    /**
     * The times the schedule has come due up to {@code now}, moving it on past them; none when the
     * rule is disabled or has no schedule. At most {@code max}, so a clock moved a year at once
     * does not flood the targets.
     */
    List<Long> takeDueFirings(long now, int max) {
        List<Long> due = new ArrayList<>();
        if (schedule == null || !enabled()) {
            return due;
        }
        while (nextFireMillis >= 0 && nextFireMillis <= now) {
            if (due.size() < max) {
                due.add(nextFireMillis);
            }
            nextFireMillis = schedule.nextAfter(nextFireMillis);
        }
        return due;
    }

    Map<String, Target> targets() {
        return targets;
    }

    /** The targets as they are now, for a delivery that must not see later changes. */
    List<Target> targetList() {
        return List.copyOf(targets.values());
    }
}
