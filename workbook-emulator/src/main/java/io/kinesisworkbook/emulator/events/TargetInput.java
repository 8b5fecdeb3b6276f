package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What a target receives for an event: the event itself, or what its {@code Input},
 * {@code InputPath} or {@code InputTransformer} makes of it.
 */
final class TargetInput {

    private TargetInput() {
    }

    /**
     * The bytes to deliver.
     *
     * @throws InputTemplate.InvalidOutputException when a transformer's template cannot be filled validly
     */
    static byte[] payload(Target target, Event event, ObjectNode eventJson, String ruleArn, String ruleName) {
        String text;
        if (target.input() != null) {
            text = target.input();
        } else if (target.inputPath() != null) {
            JsonNode selected = JsonPath.parse(target.inputPath()).select(eventJson);
            text = selected == null ? "null" : selected.toString();
        } else if (target.transformer() != null) {
            text = transform(target.transformer(), event, eventJson, ruleArn, ruleName);
        } else {
            text = eventJson.toString();
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String transform(Target.InputTransformer transformer, Event event, ObjectNode eventJson,
                                    String ruleArn, String ruleName) {
        Map<String, JsonNode> values = new HashMap<>();
        transformer.pathsMap().forEach((name, path) -> values.put(name, JsonPath.parse(path).select(eventJson)));
        values.put(InputTemplate.RULE_ARN, TextNode.valueOf(ruleArn));
        values.put(InputTemplate.RULE_NAME, TextNode.valueOf(ruleName));
        values.put(InputTemplate.INGESTION_TIME, TextNode.valueOf(Event.isoTime(event.ingestionMillis())));
        values.put(InputTemplate.EVENT_JSON, eventJson);
        values.put(InputTemplate.EVENT, envelope(eventJson));
        return transformer.template().render(values);
    }

    /** {@code <aws.events.event>}: the envelope without its detail, {@code detail-type} spelt {@code detailType}. */
    private static ObjectNode envelope(ObjectNode eventJson) {
        ObjectNode envelope = Event.JSON.createObjectNode();
        eventJson.fields().forEachRemaining(field -> {
            if (field.getKey().equals("detail-type")) {
                envelope.set("detailType", field.getValue());
            } else if (!field.getKey().equals("detail")) {
                envelope.set(field.getKey(), field.getValue());
            }
        });
        return envelope;
    }

    /** A Kinesis target's partition key: the value at {@code PartitionKeyPath}, else the event's id. */
    static String partitionKey(Target target, Event event, ObjectNode eventJson) {
        if (target.partitionKeyPath() == null) {
            return event.id();
        }
        JsonNode key = JsonPath.parse(target.partitionKeyPath()).select(eventJson);
        if (key == null || key.isNull() || key.isMissingNode()) {
            return event.id();
        }
        String text = key.isTextual() ? key.textValue() : key.toString();
        return text.isEmpty() ? event.id() : text;
    }
}
