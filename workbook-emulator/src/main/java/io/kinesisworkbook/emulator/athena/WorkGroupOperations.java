package io.kinesisworkbook.emulator.athena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * CreateWorkGroup, GetWorkGroup, ListWorkGroups, UpdateWorkGroup, DeleteWorkGroup, and the tags
 * of work groups (TagResource, UntagResource, ListTagsForResource). Every region has {@code primary}.
 */
final class WorkGroupOperations {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String accountId;
    private final EmulatorClock clock;
    private final Map<String, Map<String, WorkGroup>> regions = new ConcurrentHashMap<>();

    WorkGroupOperations(String accountId, EmulatorClock clock) {
        this.accountId = accountId;
        this.clock = clock;
    }

    /** A work group that exists and is enabled, for a query to run in. */
    WorkGroup forQuery(String region, String name) {
        WorkGroup group = existing(region, name == null ? WorkGroup.PRIMARY : name);
        if (!"ENABLED".equals(group.state())) {
            throw AthenaErrors.invalidRequest("WorkGroup " + group.name() + " is disabled.");
        }
        return group;
    }

    JsonNode create(AwsRequest request) {
        Members members = request.members();
        String name = members.string("Name");
        AthenaErrors.check(new Validation().notNull(name, "name").pattern(name, "name", NAME)
                .length(members.string("Description"), "description", 0, 1024));
        Map<String, WorkGroup> groups = groups(request.region());
        ObjectNode configuration = request.body().has("Configuration")
                ? ((ObjectNode) request.body().get("Configuration")).deepCopy() : JSON.createObjectNode();
        WorkGroup group = new WorkGroup(name, members.string("Description"), withDefaults(configuration), clock.millis());
        for (Members tag : members.structureList("Tags")) {
            group.tags().put(tag.string("Key"), tag.string("Value") == null ? "" : tag.string("Value"));
        }
        if (groups.putIfAbsent(name, group) != null) {
            throw AthenaErrors.invalidRequest("WorkGroup is already created");
        }
        return request.newObject();
    }

    JsonNode get(AwsRequest request) {
        String name = request.members().string("WorkGroup");
        AthenaErrors.check(new Validation().notNull(name, "workGroup"));
        WorkGroup group = existing(request.region(), name);
        ObjectNode response = request.newObject();
        ObjectNode node = response.putObject("WorkGroup").put("Name", group.name()).put("State", group.state());
        node.set("Configuration", group.configuration());
        if (group.description() != null) {
            node.put("Description", group.description());
        }
        node.set("CreationTime", Members.timestamp(request.protocol(), group.creationTime()));
        return response;
    }

    JsonNode list(AwsRequest request) {
        Members members = request.members();
        Integer max = members.integer("MaxResults");
        AthenaErrors.check(new Validation().range(max, "maxResults", 1, 50));
        List<WorkGroup> all = new ArrayList<>(groups(request.region()).values());
        ObjectNode response = request.newObject();
        ArrayNode list = response.putArray("WorkGroups");
        for (WorkGroup group : NextTokens.page(all, members.string("NextToken"), max == null ? 50 : max, response)) {
            ObjectNode summary = list.addObject().put("Name", group.name()).put("State", group.state());
            if (group.description() != null) {
                summary.put("Description", group.description());
            }
            summary.set("CreationTime", Members.timestamp(request.protocol(), group.creationTime()));
            summary.set("EngineVersion", group.configuration().path("EngineVersion"));
        }
        return response;
    }

    /** State, Description and the output location (ConfigurationUpdates) of a work group. */
    JsonNode update(AwsRequest request) {
        Members members = request.members();
        String name = members.string("WorkGroup");
        AthenaErrors.check(new Validation().notNull(name, "workGroup")
                .oneOf(members.string("State"), "state", List.of("ENABLED", "DISABLED")));
        WorkGroup group = existing(request.region(), name);
        if (members.string("State") != null) {
            group.state(members.string("State"));
        }
        if (members.string("Description") != null) {
            group.description(members.string("Description"));
        }
        Members updates = members.structure("ConfigurationUpdates");
        if (updates != null) {
            ObjectNode configuration = group.configuration();
            JsonNode body = request.body().get("ConfigurationUpdates");
            if (body.has("EnforceWorkGroupConfiguration")) {
                configuration.set("EnforceWorkGroupConfiguration", body.get("EnforceWorkGroupConfiguration"));
            }
            JsonNode result = body.path("ResultConfigurationUpdates");
            ObjectNode resultConfiguration = configuration.with("ResultConfiguration");
            if (result.has("OutputLocation")) {
                resultConfiguration.set("OutputLocation", result.get("OutputLocation"));
            }
            if (result.path("RemoveOutputLocation").asBoolean(false)) {
                resultConfiguration.remove("OutputLocation");
            }
            group.configuration(configuration);
        }
        return request.newObject();
    }

    JsonNode delete(AwsRequest request) {
        String name = request.members().string("WorkGroup");
        AthenaErrors.check(new Validation().notNull(name, "workGroup"));
        if (WorkGroup.PRIMARY.equals(name)) {
            throw AthenaErrors.invalidRequest("Cannot delete primary workgroup");
        }
        existing(request.region(), name);
        groups(request.region()).remove(name);
        return request.newObject();
    }

    JsonNode tag(AwsRequest request) {
        Members members = request.members();
        WorkGroup group = byArn(request.region(), members.string("ResourceARN"));
        for (Members tag : members.structureList("Tags")) {
            group.tags().put(tag.string("Key"), tag.string("Value") == null ? "" : tag.string("Value"));
        }
        return request.newObject();
    }

    JsonNode untag(AwsRequest request) {
        Members members = request.members();
        WorkGroup group = byArn(request.region(), members.string("ResourceARN"));
        List<String> keys = members.stringList("TagKeys");
        if (keys != null) {
            keys.forEach(group.tags()::remove);
        }
        return request.newObject();
    }

    JsonNode listTags(AwsRequest request) {
        WorkGroup group = byArn(request.region(), request.members().string("ResourceARN"));
        ObjectNode response = request.newObject();
        ArrayNode tags = response.putArray("Tags");
        group.tags().forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        return response;
    }

    private WorkGroup byArn(String region, String arn) {
        String prefix = "arn:aws:athena:" + region + ":" + accountId + ":workgroup/";
        AthenaErrors.check(new Validation().notNull(arn, "resourceARN"));
        if (!arn.startsWith(prefix)) {
            throw AthenaErrors.invalidRequest("Invalid ARN: " + arn);
        }
        WorkGroup group = groups(region).get(arn.substring(prefix.length()));
        if (group == null) {
            throw AthenaErrors.resourceNotFound("Resource " + arn + " was not found");
        }
        return group;
    }

    private WorkGroup existing(String region, String name) {
        WorkGroup group = groups(region).get(name);
        if (group == null) {
            throw AthenaErrors.workGroupNotFound(name);
        }
        return group;
    }

    private Map<String, WorkGroup> groups(String region) {
        return regions.computeIfAbsent(region, key -> {
            Map<String, WorkGroup> groups = java.util.Collections.synchronizedMap(new TreeMap<>());
            ObjectNode configuration = withDefaults(JSON.createObjectNode().put("EnforceWorkGroupConfiguration", false));
            groups.put(WorkGroup.PRIMARY, new WorkGroup(WorkGroup.PRIMARY, null, configuration, clock.millis()));
            return groups;
        });
    }

    private static ObjectNode withDefaults(ObjectNode configuration) {
        configuration.with("ResultConfiguration");
        if (!configuration.has("EnforceWorkGroupConfiguration")) {
            configuration.put("EnforceWorkGroupConfiguration", true);
        }
        if (!configuration.has("PublishCloudWatchMetricsEnabled")) {
            configuration.put("PublishCloudWatchMetricsEnabled", false);
        }
        if (!configuration.has("RequesterPaysEnabled")) {
            configuration.put("RequesterPaysEnabled", false);
        }
        configuration.putObject("EngineVersion").put("SelectedEngineVersion", "AUTO")
                .put("EffectiveEngineVersion", "Athena engine version 3");
        return configuration;
    }
}
