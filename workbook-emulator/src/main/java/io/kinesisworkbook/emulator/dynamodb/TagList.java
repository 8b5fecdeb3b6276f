package io.kinesisworkbook.emulator.dynamodb;

import io.kinesisworkbook.emulator.http.Members;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DynamoDB's tags travel as a list of {@code {Key, Value}} structures. */
final class TagList {

    static final int MAX_TAGS = 50;

    private TagList() {
    }

    static Map<String, String> read(Members members, String member) {
        Map<String, String> tags = new LinkedHashMap<>();
        List<Members> list = members.structureList(member);
        for (Members tag : list) {
            String key = tag.string("Key");
            String value = tag.string("Value");
            if (key == null || key.isEmpty() || key.length() > 128) {
                throw DynamoDbErrors.invalidParameter("Tag key must be between 1 and 128 characters: " + key);
            }
            if (value == null || value.length() > 256) {
                throw DynamoDbErrors.invalidParameter("Tag value must be between 0 and 256 characters: " + value);
            }
            if (key.startsWith("aws:")) {
                throw DynamoDbErrors.validation("User-defined tag keys may not start with 'aws:'");
            }
            tags.put(key, value);
        }
        return tags;
    }
}
