package io.kinesisworkbook.lib.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns events into JSON and back, the way producers and consumers in the notebooks do.
 *
 * <p>One shared mapper keeps every event's format the same: timestamps as ISO-8601 text
 * ({@code "2024-11-04T09:00:00.004Z"}), which people and other languages can read, rather than
 * epoch numbers. Decoding ignores fields it does not know, because real events (an EventBridge
 * event from AWS, say) often carry more than our records model.
 */
public final class Events {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Events() {
    }

    /** {@code event} as a JSON string. */
    public static String toJson(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code event} as UTF-8 JSON bytes. */
    public static byte[] toJsonBytes(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a record's data, e.g. {@code Events.fromJson(record.data().asByteArray(), Click.class)}. */
    public static <E> E fromJson(byte[] json, Class<E> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + ": "
                    + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    /** Decodes JSON text, e.g. a line pasted from the AWS console. */
    public static <E> E fromJson(String json, Class<E> type) {
        return fromJson(json.getBytes(StandardCharsets.UTF_8), type);
    }
}
