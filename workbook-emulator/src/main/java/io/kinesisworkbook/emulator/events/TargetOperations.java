package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PutTargets, RemoveTargets, ListTargetsByRule. Like AWS, PutTargets checks a target's shape (ids,
 * one kind of input, templates whose placeholders are defined) but not that what its ARN names
 * exists: a missing stream or function shows when an event is delivered, as FailedInvocations.
 */
final class TargetOperations {

    private static final Pattern PATHS_MAP_KEY = Pattern.compile("[A-Za-z0-9\\_\\-]+");

    private final EventsContext context;

    TargetOperations(EventsContext context) {
        this.context = context;
    }

    JsonNode put(AwsRequest request) {
        Members members = request.members();
        List<Members> entries = members.structureList("Targets");
        new Validation().notNull(members.has("Targets") ? entries : null, "targets")
                .size(entries, "targets", 1, 100).throwIfAny();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ObjectNode definition = ((ObjectNode) request.body().get("Targets").get(i)).deepCopy();
            targets.add(read(entries.get(i), "targets." + (i + 1) + ".member.", definition));
        }
        Rule rule = context.rule(request.region(), members, "Rule");
        EventBus bus = context.buses.require(request.region(), rule.busName());
        synchronized (bus) {
            long added = targets.stream().map(Target::id).distinct().filter(id -> !rule.targets().containsKey(id)).count();
            if (rule.targets().size() + added > Rule.MAX_TARGETS) {
                throw EventsErrors.limitExceeded();
            }
            targets.forEach(target -> rule.targets().put(target.id(), target));
        }
        ObjectNode response = request.newObject().put("FailedEntryCount", 0);
        response.putArray("FailedEntries");
        return response;
    }

    JsonNode remove(AwsRequest request) {
        Members members = request.members();
        List<String> ids = members.stringList("Ids");
        new Validation().notNull(ids, "ids").size(ids, "ids", 1, 100).throwIfAny();
        Rule rule = context.rule(request.region(), members, "Rule");
        EventBus bus = context.buses.require(request.region(), rule.busName());
        synchronized (bus) {
            ids.forEach(rule.targets()::remove);
        }
        ObjectNode response = request.newObject().put("FailedEntryCount", 0);
        response.putArray("FailedEntries");
        return response;
    }

    JsonNode list(AwsRequest request) {
        Members members = request.members();
        Integer limit = members.integer("Limit");
        new Validation().range(limit, "limit", 1, 100).throwIfAny();
        Rule rule = context.rule(request.region(), members, "Rule");
        EventBus bus = context.buses.require(request.region(), rule.busName());
        List<Target> targets;
        synchronized (bus) {
            targets = rule.targetList();
        }
        Page<Target> page = Page.of(targets, Target::id, limit, members.string("NextToken"));
        ObjectNode response = request.newObject();
        ArrayNode list = response.putArray("Targets");
        page.items().forEach(target -> list.add(target.definition()));
        page.putNextToken(response);
        return response;
    }

    /** One target, checked as AWS checks it; {@code path} is its place in the request ({@code targets.1.member.}). */
    private static Target read(Members entry, String path, ObjectNode definition) {
        String id = entry.string("Id");
        String arn = entry.string("Arn");
        String input = entry.string("Input");
        String inputPath = entry.string("InputPath");
        Members transformerMembers = entry.structure("InputTransformer");
        Members kinesis = entry.structure("KinesisParameters");
        String partitionKeyPath = kinesis == null ? null : kinesis.string("PartitionKeyPath");
        new Validation().notNull(id, path + "id").length(id, path + "id", 1, 64).pattern(id, path + "id", EventsContext.NAME)
                .notNull(arn, path + "arn").length(arn, path + "arn", 1, 1600)
                .length(input, path + "input", 0, 8192).length(inputPath, path + "inputPath", 0, 256)
                .length(partitionKeyPath, path + "kinesisParameters.partitionKeyPath", 0, 256)
                .throwIfAny();
        int inputs = (input != null ? 1 : 0) + (inputPath != null ? 1 : 0) + (transformerMembers != null ? 1 : 0);
        if (inputs > 1) {
            throw EventsErrors.validation("Only one of Input, InputPath, or InputTransformer must be provided for target "
                    + id + ".");
        }
        if (input != null) {
            requireJson(input, id);
        }
        requirePath(inputPath, "InputPath", id);
        requirePath(partitionKeyPath, "KinesisParameters.PartitionKeyPath", id);
        Target.InputTransformer transformer = transformerMembers == null ? null
                : transformer(transformerMembers, path + "inputTransformer.", id);
        Target.RetryPolicy retry = retryPolicy(entry.structure("RetryPolicy"), path + "retryPolicy.");
        Members deadLetter = entry.structure("DeadLetterConfig");
        String deadLetterArn = deadLetter == null ? null : deadLetter.string("Arn");
        return new Target(id, arn, input, inputPath, transformer, partitionKeyPath, retry, deadLetterArn, definition);
    }

    private static Target.InputTransformer transformer(Members members, String path, String id) {
        String template = members.string("InputTemplate");
        Map<String, String> paths = members.stringMap("InputPathsMap");
        new Validation().notNull(template, path + "inputTemplate").length(template, path + "inputTemplate", 1, 8192)
                .throwIfAny();
        Map<String, String> pathsMap = paths == null ? Map.of() : new LinkedHashMap<>(paths);
        if (pathsMap.size() > 100) {
            throw EventsErrors.validation("InputPathsMap for target " + id + " has more than 100 entries.");
        }
        for (Map.Entry<String, String> entry : pathsMap.entrySet()) {
            if (!PATHS_MAP_KEY.matcher(entry.getKey()).matches() || entry.getKey().toLowerCase().startsWith("aws")) {
                throw EventsErrors.validation("InputPathsMap for target " + id + " contains invalid key "
                        + entry.getKey() + ".");
            }
            requirePath(entry.getValue(), "InputPathsMap", id);
        }
        InputTemplate inputTemplate = new InputTemplate(template);
        for (String placeholder : inputTemplate.placeholders()) {
            if (!pathsMap.containsKey(placeholder) && !InputTemplate.PREDEFINED.contains(placeholder)) {
                throw EventsErrors.validation("InputTemplate for target " + id + " contains invalid placeholder "
                        + placeholder + ".");
            }
        }
        return new Target.InputTransformer(pathsMap, inputTemplate);
    }

    private static Target.RetryPolicy retryPolicy(Members members, String path) {
        if (members == null) {
            return Target.RetryPolicy.DEFAULT;
        }
        Integer attempts = members.integer("MaximumRetryAttempts");
        Integer age = members.integer("MaximumEventAgeInSeconds");
        new Validation().range(attempts, path + "maximumRetryAttempts", 0, 185)
                .range(age, path + "maximumEventAgeInSeconds", 60, 86_400).throwIfAny();
        return new Target.RetryPolicy(attempts == null ? Target.RetryPolicy.DEFAULT.maximumRetryAttempts() : attempts,
                age == null ? Target.RetryPolicy.DEFAULT.maximumEventAgeSeconds() : age);
    }

    private static void requireJson(String input, String id) {
        try {
            Event.JSON.readTree(input);
        } catch (IOException e) {
            throw EventsErrors.validation("Input for target " + id + " is not valid JSON text.");
        }
    }

    private static void requirePath(String path, String member, String id) {
        if (path != null && JsonPath.parse(path) == null) {
            throw EventsErrors.validation(member + " for target " + id + " is not a valid JSON path: " + path);
        }
    }
}
