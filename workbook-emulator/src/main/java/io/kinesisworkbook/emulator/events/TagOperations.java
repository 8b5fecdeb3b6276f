package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource, ListTagsForResource, on event buses and rules by ARN. */
final class TagOperations {

    private final EventsContext context;

    TagOperations(EventsContext context) {
        this.context = context;
    }

    JsonNode tag(AwsRequest request) {
        Members members = request.members();
        Map<String, String> added = Tags.read(members.structureList("Tags"));
        new Validation().notNull(members.has("Tags") ? added : null, "tags").throwIfAny();
        Tagged resource = resource(request);
        synchronized (resource.bus()) {
            long after = resource.tags().size() + added.keySet().stream().filter(k -> !resource.tags().containsKey(k)).count();
            if (after > Tags.MAX_TAGS) {
                throw EventsErrors.limitExceeded();
            }
            resource.tags().putAll(added);
        }
        return request.newObject();
    }

    JsonNode untag(AwsRequest request) {
        List<String> keys = request.members().stringList("TagKeys");
        new Validation().notNull(keys, "tagKeys").throwIfAny();
        Tagged resource = resource(request);
        synchronized (resource.bus()) {
            keys.forEach(resource.tags()::remove);
        }
        return request.newObject();
    }

    JsonNode list(AwsRequest request) {
        Tagged resource = resource(request);
        ObjectNode response = request.newObject();
        ArrayNode tags = response.putArray("Tags");
        synchronized (resource.bus()) {
            resource.tags().forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        }
        return response;
    }

    private record Tagged(EventBus bus, Map<String, String> tags) {
    }

    /** {@code ...:event-bus/NAME}, {@code ...:rule/NAME} or {@code ...:rule/BUS/NAME}. */
    private Tagged resource(AwsRequest request) {
        String arn = request.members().string("ResourceARN");
        new Validation().notNull(arn, "resourceARN").length(arn, "resourceARN", 1, 1600).throwIfAny();
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("events")) {
            throw EventsErrors.validation("Parameter ResourceARN is not valid.");
        }
        String resource = parts[5];
        if (!parts[3].equals(request.region()) || !parts[4].equals(context.buses.accountId())) {
            throw EventsErrors.resourceNotFound("Resource " + arn + " does not exist.");
        }
        if (resource.startsWith("event-bus/")) {
            EventBus bus = context.buses.require(request.region(), resource.substring("event-bus/".length()));
            return new Tagged(bus, bus.tags());
        }
        if (resource.startsWith("rule/")) {
            String path = resource.substring("rule/".length());
            int slash = path.lastIndexOf('/');
            String busName = slash < 0 ? EventBus.DEFAULT : path.substring(0, slash);
            String ruleName = path.substring(slash + 1);
            EventBus bus = context.buses.require(request.region(), busName);
            Rule rule = bus.rule(ruleName);
            if (rule == null) {
                throw EventsErrors.ruleNotFound(ruleName, busName);
            }
            return new Tagged(bus, rule.tags());
        }
        throw EventsErrors.validation("Parameter ResourceARN is not valid.");
    }
}
