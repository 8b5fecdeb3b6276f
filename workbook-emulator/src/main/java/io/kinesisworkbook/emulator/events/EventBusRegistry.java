package io.kinesisworkbook.emulator.events;

import io.kinesisworkbook.emulator.EmulatorClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The event buses of one account, per region; every region has its {@code default} bus from the start. */
final class EventBusRegistry {

    /** AWS's default quota of event buses per account and region. */
    static final int MAX_BUSES = 100;
    /** AWS's default quota of rules per event bus. */
    static final int MAX_RULES_PER_BUS = 300;

    private final String accountId;
    private final EmulatorClock clock;
    private final Map<String, Map<String, EventBus>> regions = new ConcurrentHashMap<>();

    EventBusRegistry(String accountId, EmulatorClock clock) {
        this.accountId = accountId;
        this.clock = clock;
    }

    String accountId() {
        return accountId;
    }

    String busArn(String region, String name) {
        return "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + name;
    }

    /** {@code rule/NAME} on the default bus, {@code rule/BUS/NAME} on the others, as AWS names them. */
    String ruleArn(String region, String busName, String ruleName) {
        String path = busName.equals(EventBus.DEFAULT) ? ruleName : busName + "/" + ruleName;
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + path;
    }

    synchronized EventBus find(String region, String name) {
        return buses(region).get(name);
    }

    EventBus require(String region, String name) {
        EventBus bus = find(region, name);
        if (bus == null) {
            throw EventsErrors.busNotFound(name);
        }
        return bus;
    }

    synchronized EventBus create(String region, String name, String description) {
        Map<String, EventBus> buses = buses(region);
        if (buses.containsKey(name)) {
            throw EventsErrors.busExists(name);
        }
        if (buses.size() >= MAX_BUSES) {
            throw EventsErrors.limitExceeded();
        }
        EventBus bus = new EventBus(name, busArn(region, name), description, clock.millis());
        buses.put(name, bus);
        return bus;
    }

    synchronized void delete(String region, String name) {
        buses(region).remove(name);
    }

    /** The region's buses in name order, the default one included. */
    synchronized List<EventBus> list(String region) {
        return new ArrayList<>(buses(region).values());
    }

    /** Every region that has been used, for the scheduler. */
    synchronized List<String> regions() {
        return new ArrayList<>(regions.keySet());
    }

    private Map<String, EventBus> buses(String region) {
        return regions.computeIfAbsent(region, r -> {
            Map<String, EventBus> buses = new TreeMap<>();
            buses.put(EventBus.DEFAULT, new EventBus(EventBus.DEFAULT, busArn(r, EventBus.DEFAULT), null, clock.millis()));
            return buses;
        });
    }
}
