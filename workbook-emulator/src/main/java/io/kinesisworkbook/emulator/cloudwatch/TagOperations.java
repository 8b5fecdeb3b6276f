package io.kinesisworkbook.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and ListTagsForResource, on alarms (named by ARN). */
final class TagOperations {

    static final int MAX_TAGS = 50;

    private final CloudWatchContext context;
    private final AlarmOperations alarms;

    TagOperations(CloudWatchContext context, AlarmOperations alarms) {
        this.context = context;
        this.alarms = alarms;
    }

    JsonNode tagResource(AwsRequest request) {
        Members members = request.members();
        Map<String, String> tags = tags(members, "Tags");
        if (!members.has("Tags")) {
            throw CloudWatchErrors.missingParameter("Tags");
        }
        synchronized (context.alarms) {
            MetricAlarm alarm = alarm(request);
            Map<String, String> merged = new LinkedHashMap<>(alarm.tags);
            merged.putAll(tags);
            if (merged.size() > MAX_TAGS) {
                throw CloudWatchErrors.limitExceeded("A resource can have at most " + MAX_TAGS + " tags.");
            }
            alarm.tags = merged;
        }
        return request.newObject();
    }

    JsonNode untagResource(AwsRequest request) {
        Members members = request.members();
        List<String> keys = members.stringList("TagKeys");
        if (keys == null) {
            throw CloudWatchErrors.missingParameter("TagKeys");
        }
        synchronized (context.alarms) {
            alarm(request).tags.keySet().removeAll(keys);
        }
        return request.newObject();
    }

    JsonNode listTagsForResource(AwsRequest request) {
        ObjectNode response = request.newObject();
        ArrayNode tags = response.putArray("Tags");
        synchronized (context.alarms) {
            alarm(request).tags.forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        }
        return response;
    }

    private MetricAlarm alarm(AwsRequest request) {
        String arn = request.members().string("ResourceARN");
        if (arn == null) {
            throw CloudWatchErrors.missingParameter("ResourceARN");
        }
        MetricAlarm alarm = alarms.alarmByArn(request.region(), arn);
        if (alarm == null) {
            throw CloudWatchErrors.resourceNotFound("Unknown resource " + arn + ".");
        }
        return alarm;
    }

    /** A {@code Tags} list ({@code [{Key, Value}]}) as a map, checked. */
    static Map<String, String> tags(Members members, String member) {
        Map<String, String> tags = new LinkedHashMap<>();
        List<Members> list = members.structureList(member);
        for (int i = 0; i < list.size(); i++) {
            String key = list.get(i).string("Key");
            String value = list.get(i).string("Value");
            String path = member + ".member." + (i + 1);
            if (key == null) {
                throw CloudWatchErrors.missingParameter(path + ".Key");
            }
            if (value == null) {
                throw CloudWatchErrors.missingParameter(path + ".Value");
            }
            if (key.isEmpty() || key.length() > 128 || value.length() > 256) {
                throw CloudWatchErrors.invalidParameterValue("The tag " + path + " must have a key of 1 to 128 "
                        + "characters and a value of at most 256.");
            }
            tags.put(key, value);
        }
        if (tags.size() > MAX_TAGS) {
            throw CloudWatchErrors.tooMany(member, MAX_TAGS);
        }
        return tags;
    }
}
