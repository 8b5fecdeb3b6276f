package io.kinesisworkbook.emulator.events;

import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.regex.Pattern;

/** What every EventBridge operation needs: the buses, the clock and the metrics. */
final class EventsContext {

    static final Pattern NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");
    static final Pattern BUS_NAME_OR_ARN = Pattern.compile(
            "(arn:aws[\\w-]*:events:[a-z]{2}-[a-z]+-[\\w-]+:[0-9]{12}:event-bus/)?[/\\.\\-_A-Za-z0-9]+");

    final EventBusRegistry buses;
    final EmulatorClock clock;
    final EventsMetrics metrics;

    EventsContext(EventBusRegistry buses, EmulatorClock clock, EventsMetrics metrics) {
        this.buses = buses;
        this.clock = clock;
        this.metrics = metrics;
    }

    long now() {
        return clock.millis();
    }

    /** The bus an {@code EventBusName} member names (a name or an ARN), the default one when absent. */
    EventBus bus(String region, Members members, String member) {
        String nameOrArn = members.string(member);
        new Validation().length(nameOrArn, lowerFirst(member), 1, 1600)
                .pattern(nameOrArn, lowerFirst(member), BUS_NAME_OR_ARN).throwIfAny();
        return buses.require(region, busName(nameOrArn));
    }

    /** {@code my-bus} from {@code my-bus} or {@code arn:aws:events:us-east-1:000000000000:event-bus/my-bus}. */
    static String busName(String nameOrArn) {
        if (nameOrArn == null) {
            return EventBus.DEFAULT;
        }
        int slash = nameOrArn.startsWith("arn:") ? nameOrArn.indexOf(":event-bus/") : -1;
        return slash < 0 ? nameOrArn : nameOrArn.substring(slash + ":event-bus/".length());
    }

    /** The rule a request names by {@code Name} (or {@code Rule}) on the bus its {@code EventBusName} names. */
    Rule rule(String region, Members members, String ruleMember) {
        String name = members.string(ruleMember);
        new Validation().notNull(name, lowerFirst(ruleMember)).length(name, lowerFirst(ruleMember), 1, 64)
                .pattern(name, lowerFirst(ruleMember), NAME).throwIfAny();
        EventBus bus = bus(region, members, "EventBusName");
        Rule rule = bus.rule(name);
        if (rule == null) {
            throw EventsErrors.ruleNotFound(name, bus.name());
        }
        return rule;
    }

    static String lowerFirst(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
