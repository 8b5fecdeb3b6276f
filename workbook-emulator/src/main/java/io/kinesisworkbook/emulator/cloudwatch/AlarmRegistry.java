package io.kinesisworkbook.emulator.cloudwatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alarms of every region, by name, and their history (the newest 1,000 items an alarm, where
 * AWS keeps 30 days). One lock guards them: alarm calls are few, and evaluation reads metrics only.
 */
final class AlarmRegistry {

    static final int HISTORY_PER_ALARM = 1000;

    private final Map<String, Map<String, MetricAlarm>> byRegion = new TreeMap<>();
    private final Map<String, Deque<AlarmHistoryItem>> history = new TreeMap<>();

    synchronized Map<String, MetricAlarm> in(String region) {
        return byRegion.computeIfAbsent(region, r -> new TreeMap<>());
    }

    synchronized void record(AlarmHistoryItem item) {
        Deque<AlarmHistoryItem> items = history.computeIfAbsent(item.region() + "/" + item.alarmName(),
                k -> new ArrayDeque<>());
        items.addLast(item);
        while (items.size() > HISTORY_PER_ALARM) {
            items.removeFirst();
        }
    }

    /** History of one alarm (or every alarm when {@code name} is null) in a region, oldest first. */
    synchronized List<AlarmHistoryItem> history(String region, String name) {
        List<AlarmHistoryItem> items = new ArrayList<>();
        history.forEach((key, deque) -> {
            if (key.startsWith(region + "/") && (name == null || key.equals(region + "/" + name))) {
                items.addAll(deque);
            }
        });
        items.sort(java.util.Comparator.comparingLong(AlarmHistoryItem::timestampMillis));
        return items;
    }

    synchronized void forget(String region, String name) {
        history.remove(region + "/" + name);
    }
}
