package io.kinesisworkbook.emulator.athena;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Athena work group: where its queries' results go ({@code Configuration.ResultConfiguration.OutputLocation})
 * and whether that overrides the client's ({@code EnforceWorkGroupConfiguration}).
 */
final class WorkGroup {

    static final String PRIMARY = "primary";

    private final String name;
    private final long creationTime;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String description;
    private String state = "ENABLED";
    private ObjectNode configuration;

    WorkGroup(String name, String description, ObjectNode configuration, long creationTime) {
        this.name = name;
        this.description = description;
        this.configuration = configuration;
        this.creationTime = creationTime;
    }

    String name() {
        return name;
    }

    long creationTime() {
        return creationTime;
    }

    synchronized String description() {
        return description;
    }

    synchronized void description(String text) {
        description = text;
    }

    synchronized String state() {
        return state;
    }

    synchronized void state(String newState) {
        state = newState;
    }

    synchronized ObjectNode configuration() {
        return configuration.deepCopy();
    }

    synchronized void configuration(ObjectNode newConfiguration) {
        configuration = newConfiguration;
    }

    Map<String, String> tags() {
        return tags;
    }

    /** The work group's output location, or null when it has none. */
    synchronized String outputLocation() {
        String location = configuration.path("ResultConfiguration").path("OutputLocation").asText("");
        return location.isEmpty() ? null : location;
    }

    synchronized boolean enforced() {
        return configuration.path("EnforceWorkGroupConfiguration").asBoolean(true);
    }
}
