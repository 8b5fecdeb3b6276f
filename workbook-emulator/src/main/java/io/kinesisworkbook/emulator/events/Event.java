package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One event as EventBridge hands it to rules and targets: the envelope AWS adds ({@code version},
 * {@code id}, {@code account}, {@code region}, {@code time}) around what the sender gave.
 *
 * @param timeMillis      the event's {@code time}: the sender's, or when EventBridge took it
 * @param ingestionMillis when EventBridge took it (the input transformer's ingestion-time, latency metrics)
 */
record Event(String id, String detailType, String source, String account, long timeMillis, String region,
             List<String> resources, JsonNode detail, long ingestionMillis) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The event as targets receive it, members in AWS's order. */
    ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("version", "0");
        json.put("id", id);
        json.put("detail-type", detailType);
        json.put("source", source);
        json.put("account", account);
        json.put("time", isoTime(timeMillis));
        json.put("region", region);
        resources.forEach(json.putArray("resources")::add);
        json.set("detail", detail);
        return json;
    }

    /** AWS's event times: ISO 8601 in UTC, to the second ({@code 2021-11-12T00:00:00Z}). */
    static String isoTime(long millis) {
        return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
