package io.kinesisworkbook.emulator.firehose;

import io.kinesisworkbook.emulator.http.Members;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Firehose's tags: a list of {@code {Key, Value}}, at most 50 a delivery stream. */
final class FirehoseTags {

    static final int MAX_TAGS = 50;

    private FirehoseTags() {
    }

    static Map<String, String> read(List<Members> list) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Members tag : list) {
            String key = tag.string("Key");
            String value = tag.string("Value");
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw FirehoseErrors.invalidArgument("Tag keys must be between 1 and 128 characters long.");
            }
            if (value != null && value.length() > 256) {
                throw FirehoseErrors.invalidArgument("Tag values must be at most 256 characters long.");
            }
            tags.put(key, value == null ? "" : value);
        }
        if (tags.size() > MAX_TAGS) {
            throw FirehoseErrors.limitExceeded("A delivery stream can have at most " + MAX_TAGS + " tags.");
        }
        return tags;
    }

    static void checkLimit(Map<String, String> current, Map<String, String> added) {
        long after = current.size() + added.keySet().stream().filter(key -> !current.containsKey(key)).count();
        if (after > MAX_TAGS) {
            throw FirehoseErrors.limitExceeded("A delivery stream can have at most " + MAX_TAGS + " tags.");
        }
    }
}
