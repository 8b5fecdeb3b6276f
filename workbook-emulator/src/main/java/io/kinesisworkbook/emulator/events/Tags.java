package io.kinesisworkbook.emulator.events;

import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** EventBridge's tags: a list of {@code {Key, Value}}, at most 50 a resource. */
final class Tags {

    static final int MAX_TAGS = 50;

    private Tags() {
    }

    static Map<String, String> read(List<Members> list) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String key = list.get(i).string("Key");
            String value = list.get(i).string("Value");
            String path = "tags." + (i + 1) + ".member.";
            new Validation().notNull(key, path + "key").length(key, path + "key", 1, 128)
                    .notNull(value, path + "value").length(value, path + "value", 0, 256).throwIfAny();
            if (tags.put(key, value) != null) {
                throw EventsErrors.validation("Invalid parameter: Duplicated keys are not allowed.");
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw EventsErrors.limitExceeded();
        }
        return tags;
    }
}
