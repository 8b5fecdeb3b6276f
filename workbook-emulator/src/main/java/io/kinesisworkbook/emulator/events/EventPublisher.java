package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the emulator's other services need of EventBridge: S3 sends "Object Created" and "Object
 * Deleted" events to the default bus of a bucket's region through it, as AWS's services put events
 * on buses (with their own {@code aws.*} sources, which PutEvents refuses to anyone else). The
 * EventBridge service implements it; a test can stand in for it.
 */
public interface EventPublisher {

    /**
     * An event before EventBridge gives it an id and an envelope.
     *
     * @param time the event's time in epoch milliseconds, or null for "now"
     */
    record Entry(String source, String detailType, List<String> resources, JsonNode detail, Long time) {
    }

    /**
     * Puts one event on a region's default bus and returns its id once every rule it matches has
     * queued it for delivery (so an event published before another is delivered before it, target
     * by target).
     */
    String publish(String region, Entry entry);
}
