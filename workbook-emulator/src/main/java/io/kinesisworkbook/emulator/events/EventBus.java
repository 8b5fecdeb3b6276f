package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.event.ruler.GenericMachine;

/**
 * One event bus: its rules, and a matcher compiled from the enabled rules' patterns. The matcher
 * is rebuilt whenever a rule changes and swapped in whole, so events are matched without a lock
 * (Event Ruler's matching time does not grow with the number of rules).
 */
final class EventBus {

    static final String DEFAULT = "default";

    /** A rule that matched, with its targets as they were at that moment. */
    record Match(String ruleName, String ruleArn, String busName, List<Target> targets) {
    }

    private final String name;
    private final String arn;
    private final String description;
    private final long createdMillis;
    private final Map<String, Rule> rules = new TreeMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private volatile GenericMachine<String> matcher = new GenericMachine<>();

    EventBus(String name, String arn, String description, long createdMillis) {
        this.name = name;
        this.arn = arn;
        this.description = description;
        this.createdMillis = createdMillis;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String description() {
        return description;
    }

    long createdMillis() {
        return createdMillis;
    }

    boolean isDefault() {
        return name.equals(DEFAULT);
    }

    Map<String, String> tags() {
        return tags;
    }

    synchronized Rule rule(String ruleName) {
        return rules.get(ruleName);
    }

    synchronized List<Rule> rules() {
        return new ArrayList<>(rules.values());
    }

    synchronized int ruleCount() {
        return rules.size();
    }

    synchronized void add(Rule rule) {
        rules.put(rule.name(), rule);
        rebuildMatcher();
    }

    synchronized void remove(String ruleName) {
        rules.remove(ruleName);
        rebuildMatcher();
    }

    /** Call after changing a rule's pattern or state. */
    synchronized void rulesChanged() {
        rebuildMatcher();
    }

    /** The enabled rules whose pattern matches the event, each with its targets. */
    List<Match> match(JsonNode event) {
        // A rule with $or is several sub-rules in the matcher: name it once.
        java.util.Set<String> names = new java.util.LinkedHashSet<>(matcher.rulesForJSONEvent(event));
        List<Match> matches = new ArrayList<>(names.size());
        synchronized (this) {
            for (String ruleName : names) {
                Rule rule = rules.get(ruleName);
                if (rule != null && rule.enabled()) {
                    matches.add(new Match(rule.name(), rule.arn(), name, rule.targetList()));
                }
            }
        }
        return matches;
    }

    private void rebuildMatcher() {
        GenericMachine<String> rebuilt = new GenericMachine<>();
        for (Rule rule : rules.values()) {
            if (rule.pattern() != null && rule.enabled()) {
                rule.pattern().addTo(rebuilt, rule.name());
            }
        }
        matcher = rebuilt;
    }
}
