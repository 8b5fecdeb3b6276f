package io.kinesisworkbook.emulator.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tags, through both APIs the SDK exposes: the stream ones (AddTagsToStream, ...) and the resource
 * ones (TagResource, ...), which also tag consumers.
 */
final class TagOperations {

    static final int MAX_TAGS = 50;

    private final KinesisContext context;

    TagOperations(KinesisContext context) {
        this.context = context;
    }

    JsonNode addTagsToStream(AwsRequest request) {
        Members members = request.members();
        Map<String, String> tags = members.stringMap("Tags");
        new Validation().notNull(tags, "tags").throwIfAny();
        DataStream stream = context.stream(request.region(), members);
        synchronized (stream) {
            validateTags(tags, countAfter(stream.tags(), tags));
            stream.tag(tags);
        }
        return request.newObject();
    }

    JsonNode removeTagsFromStream(AwsRequest request) {
        Members members = request.members();
        List<String> keys = members.stringList("TagKeys");
        new Validation().notNull(keys, "tagKeys").size(keys, "tagKeys", 1, MAX_TAGS).throwIfAny();
        context.stream(request.region(), members).untag(keys);
        return request.newObject();
    }

    JsonNode listTagsForStream(AwsRequest request) {
        Members members = request.members();
        Integer limit = members.integer("Limit");
        String exclusiveStart = members.string("ExclusiveStartTagKey");
        new Validation().range(limit, "limit", 1, MAX_TAGS).length(exclusiveStart, "exclusiveStartTagKey", 1, 128)
                .throwIfAny();
        DataStream stream = context.stream(request.region(), members);
        List<Map.Entry<String, String>> tags = new ArrayList<>(stream.tags().entrySet());
        tags.removeIf(tag -> exclusiveStart != null && tag.getKey().compareTo(exclusiveStart) <= 0);
        int max = limit == null ? MAX_TAGS : limit;
        ObjectNode response = request.newObject();
        KinesisShapes.tagList(response.putArray("Tags"), tags.subList(0, Math.min(max, tags.size())));
        response.put("HasMoreTags", tags.size() > max);
        return response;
    }

    JsonNode tagResource(AwsRequest request) {
        Members members = request.members();
        Map<String, String> tags = members.stringMap("Tags");
        new Validation().notNull(tags, "tags").throwIfAny();
        KinesisResource resource = resource(request);
        synchronized (resource.stream()) {
            validateTags(tags, countAfter(resource.tags(), tags));
            if (resource.consumer() == null) {
                resource.stream().tag(tags);
            } else {
                resource.consumer().tags().putAll(tags);
            }
        }
        return request.newObject();
    }

    JsonNode untagResource(AwsRequest request) {
        Members members = request.members();
        List<String> keys = members.stringList("TagKeys");
        new Validation().notNull(keys, "tagKeys").size(keys, "tagKeys", 1, MAX_TAGS).throwIfAny();
        KinesisResource resource = resource(request);
        synchronized (resource.stream()) {
            if (resource.consumer() == null) {
                resource.stream().untag(keys);
            } else {
                keys.forEach(resource.consumer().tags()::remove);
            }
        }
        return request.newObject();
    }

    JsonNode listTagsForResource(AwsRequest request) {
        KinesisResource resource = resource(request);
        ObjectNode response = request.newObject();
        synchronized (resource.stream()) {
            KinesisShapes.tagList(response.putArray("Tags"), new ArrayList<>(resource.tags().entrySet()));
        }
        return response;
    }

    private KinesisResource resource(AwsRequest request) {
        return KinesisResource.named(context, request.region(), request.members().string("ResourceARN"));
    }

    private static int countAfter(Map<String, String> existing, Map<String, String> added) {
        return (int) added.keySet().stream().filter(key -> !existing.containsKey(key)).count() + existing.size();
    }

    /** AWS's tag rules: keys of 1-128 characters, values of up to 256, at most 50 tags a resource. */
    static void validateTags(Map<String, String> tags, int countAfter) {
        Validation validation = new Validation();
        tags.forEach((key, value) -> validation.length(key, "tags.key", 1, 128).length(value, "tags.value", 0, 256));
        validation.throwIfAny();
        if (countAfter > MAX_TAGS) {
            throw KinesisErrors.invalidArgument("Failed to add tags: a resource cannot have more than " + MAX_TAGS + " tags.");
        }
    }
}
