package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.regex.Pattern;

/** CreateEventBus, DescribeEventBus, ListEventBuses, DeleteEventBus. */
final class BusOperations {

    /** Custom bus names: no slash (those are partner buses, which the emulator does not have). */
    private static final Pattern CUSTOM_BUS_NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");

    private final EventsContext context;

    BusOperations(EventsContext context) {
        this.context = context;
    }

    JsonNode create(AwsRequest request) {
        Members members = request.members();
        String name = members.string("Name");
        String description = members.string("Description");
        new Validation().notNull(name, "name").length(name, "name", 1, 256).pattern(name, "name", CUSTOM_BUS_NAME)
                .length(description, "description", 0, 512).throwIfAny();
        if (members.has("EventSourceName")) {
            throw EventsErrors.validation("Partner event sources are not supported by the emulator.");
        }
        var tags = Tags.read(members.structureList("Tags"));
        EventBus bus = context.buses.create(request.region(), name, description);
        bus.tags().putAll(tags);
        ObjectNode response = request.newObject().put("EventBusArn", bus.arn());
        if (description != null) {
            response.put("Description", description);
        }
        return response;
    }

    JsonNode describe(AwsRequest request) {
        EventBus bus = context.bus(request.region(), request.members(), "Name");
        return write(request.newObject(), bus, request);
    }

    JsonNode list(AwsRequest request) {
        Members members = request.members();
        String prefix = members.string("NamePrefix");
        Integer limit = members.integer("Limit");
        new Validation().length(prefix, "namePrefix", 1, 256).range(limit, "limit", 1, 100).throwIfAny();
        var buses = context.buses.list(request.region()).stream()
                .filter(bus -> prefix == null || bus.name().startsWith(prefix)).toList();
        Page<EventBus> page = Page.of(buses, EventBus::name, limit, members.string("NextToken"));
        ObjectNode response = request.newObject();
        ArrayNode list = response.putArray("EventBuses");
        page.items().forEach(bus -> write(list.addObject(), bus, request));
        page.putNextToken(response);
        return response;
    }

    JsonNode delete(AwsRequest request) {
        Members members = request.members();
        String name = members.string("Name");
        new Validation().notNull(name, "name").length(name, "name", 1, 256).throwIfAny();
        if (name.equals(EventBus.DEFAULT)) {
            throw EventsErrors.validation("Cannot delete event bus default.");
        }
        context.buses.require(request.region(), name);
        context.buses.delete(request.region(), name);
        return request.newObject();
    }

    private static ObjectNode write(ObjectNode into, EventBus bus, AwsRequest request) {
        into.put("Name", bus.name()).put("Arn", bus.arn());
        if (bus.description() != null) {
            into.put("Description", bus.description());
        }
        into.set("CreationTime", Members.timestamp(request.protocol(), bus.createdMillis()));
        into.set("LastModifiedTime", Members.timestamp(request.protocol(), bus.createdMillis()));
        return into;
    }
}
