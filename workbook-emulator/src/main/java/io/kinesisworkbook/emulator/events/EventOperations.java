package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** PutEvents and TestEventPattern. */
final class EventOperations {

    static final int MAX_ENTRIES = 10;
    /** 256 KiB for all entries of a call, counted as AWS counts them. */
    static final int MAX_REQUEST_BYTES = 256 * 1024;
    /** The fields TestEventPattern requires of its event. */
    private static final Set<String> ENVELOPE = Set.of("id", "account", "source", "time", "region", "detail-type");

    /** Puts an accepted event on a bus; false when the bus does not exist. */
    interface Publisher {
        boolean publish(String region, String busName, Event event);
    }

    private final EventsContext context;
    private final Publisher publisher;

    EventOperations(EventsContext context, Publisher publisher) {
        this.context = context;
        this.publisher = publisher;
    }

    /**
     * Each entry is accepted or refused on its own (refused ones carry ErrorCode and ErrorMessage,
     * and the call still answers 200); too many entries, or too many bytes, refuse the call.
     * An entry for a bus that does not exist is accepted and goes nowhere, as on AWS.
     */
    JsonNode putEvents(AwsRequest request) {
        Members members = request.members();
        List<Members> entries = members.structureList("Entries");
        if (!members.has("Entries")) {
            new Validation().notNull(null, "entries").throwIfAny();
        }
        if (entries.isEmpty()) {
            throw EventsErrors.validation("1 validation error detected: Value '[]' at 'entries' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw EventsErrors.validation("1 validation error detected: Value '" + javaRendering(entries)
                    + "' at 'entries' failed to satisfy constraint: Member must have length less than or equal to "
                    + MAX_ENTRIES);
        }
        long bytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            validateMembers(entries.get(i), "entries." + (i + 1) + ".member.");
            bytes += entrySize(entries.get(i));
        }
        if (bytes > MAX_REQUEST_BYTES) {
            throw EventsErrors.validation("Total size of the entries in the request is over the limit.");
        }
        long now = context.now();
        ObjectNode response = request.newObject();
        ArrayNode results = response.putArray("Entries");
        int failed = 0;
        for (Members entry : entries) {
            String refusal = refusal(entry);
            if (refusal != null) {
                failed++;
                int colon = refusal.indexOf('|');
                results.addObject().put("ErrorCode", refusal.substring(0, colon))
                        .put("ErrorMessage", refusal.substring(colon + 1));
                continue;
            }
            Event event = event(entry, request.region(), now);
            publisher.publish(request.region(), EventsContext.busName(entry.string("EventBusName")), event);
            results.addObject().put("EventId", event.id());
        }
        response.put("FailedEntryCount", failed);
        context.metrics.putEvents(entries.size(), failed, bytes, now);
        return response;
    }

    JsonNode testEventPattern(AwsRequest request) {
        Members members = request.members();
        String patternText = members.string("EventPattern");
        String eventText = members.string("Event");
        new Validation().notNull(patternText, "eventPattern").length(patternText, "eventPattern", 0, RuleOperations.MAX_PATTERN_LENGTH)
                .notNull(eventText, "event").throwIfAny();
        JsonNode event;
        try {
            event = Event.JSON.readTree(eventText);
        } catch (IOException e) {
            throw EventsErrors.validation("Parameter Event is not valid.");
        }
        if (event == null || !event.isObject() || !ENVELOPE.stream().allMatch(event::has)) {
            throw EventsErrors.validation("Parameter Event is not valid.");
        }
        EventPattern pattern = EventPattern.compile(patternText);
        return request.newObject().put("Result", pattern.matches(event));
    }

    private static void validateMembers(Members entry, String path) {
        List<String> resources = entry.stringList("Resources");
        Validation validation = new Validation()
                .length(entry.string("Source"), path + "source", 0, 256)
                .length(entry.string("DetailType"), path + "detailType", 0, 128)
                .length(entry.string("EventBusName"), path + "eventBusName", 1, 1600)
                .pattern(entry.string("EventBusName"), path + "eventBusName", EventsContext.BUS_NAME_OR_ARN)
                .length(entry.string("TraceHeader"), path + "traceHeader", 1, 500);
        if (resources != null) {
            for (int i = 0; i < resources.size(); i++) {
                validation.length(resources.get(i), path + "resources." + (i + 1) + ".member", 0, 2048);
            }
        }
        validation.throwIfAny();
    }

    /** AWS's size of an entry: its time (14 bytes), source, detail type, detail and resources in UTF-8. */
    static long entrySize(Members entry) {
        long size = entry.has("Time") ? 14 : 0;
        size += utf8(entry.string("Source")) + utf8(entry.string("DetailType")) + utf8(entry.string("Detail"));
        List<String> resources = entry.stringList("Resources");
        if (resources != null) {
            for (String resource : resources) {
                size += utf8(resource);
            }
        }
        return size;
    }

    private static int utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Why AWS refuses an entry, as "ErrorCode|ErrorMessage", or null when it takes it. */
    private static String refusal(Members entry) {
        String source = entry.string("Source");
        if (source == null || source.isEmpty()) {
            return "InvalidArgument|Parameter Source is not valid. Reason: Source is a required argument.";
        }
        if (entry.string("DetailType") == null || entry.string("DetailType").isEmpty()) {
            return "InvalidArgument|Parameter DetailType is not valid. Reason: DetailType is a required argument.";
        }
        String detail = entry.string("Detail");
        if (detail == null || detail.isEmpty()) {
            return "InvalidArgument|Parameter Detail is not valid. Reason: Detail is a required argument.";
        }
        if (source.startsWith("aws.")) {
            return "NotAuthorizedForSourceException|Not authorized for the source.";
        }
        try {
            JsonNode parsed = Event.JSON.readTree(detail);
            if (parsed != null && parsed.isObject()) {
                return null;
            }
        } catch (IOException e) {
            // falls through
        }
        return "MalformedDetail|Detail is malformed.";
    }

    private Event event(Members entry, String region, long now) {
        Long time = entry.timestampMillis("Time");
        List<String> resources = entry.stringList("Resources");
        JsonNode detail;
        try {
            detail = Event.JSON.readTree(entry.string("Detail"));
        } catch (IOException e) {
            throw new IllegalStateException("the detail was checked", e);
        }
        return new Event(UUID.randomUUID().toString(), entry.string("DetailType"), entry.string("Source"),
                context.buses.accountId(), time == null ? now : time, region,
                resources == null ? List.of() : resources, detail, now);
    }

    /** How AWS's Java service prints the entries it refuses: {@code [PutEventsRequestEntry(time=null, ...), ...]}. */
    private static String javaRendering(List<Members> entries) {
        List<String> rendered = new ArrayList<>();
        for (Members entry : entries) {
            Long time = entry.timestampMillis("Time");
            rendered.add("PutEventsRequestEntry(time=" + (time == null ? "null" : new Date(time))
                    + ", source=" + entry.string("Source") + ", resources=" + entry.stringList("Resources")
                    + ", detailType=" + entry.string("DetailType") + ", detail=" + entry.string("Detail")
                    + ", eventBusName=" + entry.string("EventBusName") + ", traceHeader=" + entry.string("TraceHeader")
                    + ", kmsKeyIdentifier=null, internalMetadata=null)");
        }
        return "[" + String.join(", ", rendered) + "]";
    }
}
