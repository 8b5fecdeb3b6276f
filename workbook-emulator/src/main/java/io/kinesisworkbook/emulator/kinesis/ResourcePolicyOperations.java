package io.kinesisworkbook.emulator.kinesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resource-based policies on streams and consumers (Put/Get/DeleteResourcePolicy): how an account
 * shares a stream with another. The emulator checks no signatures, so a policy grants nothing here;
 * it is kept, shown and checked as an IAM resource policy, which is what a lesson about sharing needs.
 */
final class ResourcePolicyOperations {

    /** The ARN pattern of the API model, for streams and consumers alike. */
    static final Pattern RESOURCE_ARN = Pattern.compile("arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+");
    /** What GetResourcePolicy answers for a resource without a policy. */
    static final String NO_POLICY = "{}";
    /** IAM's limit on the size of a resource-based policy document. */
    static final int MAX_POLICY_BYTES = 20 * 1024;
    private static final Set<String> EFFECTS = Set.of("Allow", "Deny");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KinesisContext context;

    ResourcePolicyOperations(KinesisContext context) {
        this.context = context;
    }

    JsonNode putResourcePolicy(AwsRequest request) {
        Members members = request.members();
        String policy = members.string("Policy");
        KinesisResource resource = resource(request, new Validation().notNull(policy, "policy"));
        checkPolicy(policy);
        synchronized (resource.stream()) {
            resource.policy(policy);
        }
        return request.newObject();
    }

    JsonNode getResourcePolicy(AwsRequest request) {
        KinesisResource resource = resource(request, new Validation());
        synchronized (resource.stream()) {
            String policy = resource.policy();
            return request.newObject().put("Policy", policy == null ? NO_POLICY : policy);
        }
    }

    JsonNode deleteResourcePolicy(AwsRequest request) {
        KinesisResource resource = resource(request, new Validation());
        synchronized (resource.stream()) {
            if (resource.policy() == null) {
                throw KinesisErrors.notFound("No resource policy found for resource ARN " + resource.arn() + ".");
            }
            resource.policy(null);
        }
        return request.newObject();
    }

    /** Checks the request's ARN as the model does (with any other member checks), then finds the resource. */
    private KinesisResource resource(AwsRequest request, Validation validation) {
        String arn = request.members().string("ResourceARN");
        validation.notNull(arn, "resourceARN").length(arn, "resourceARN", 1, 2048)
                .pattern(arn, "resourceARN", RESOURCE_ARN).throwIfAny();
        return KinesisResource.named(context, request.region(), arn);
    }

    /**
     * A resource policy must be an IAM policy document: JSON, at most 20 KB, with statements that each
     * have an Effect, a Principal (a resource policy always names who it lets in) and Kinesis actions.
     */
    static void checkPolicy(String policy) {
        if (policy.getBytes(StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
            throw invalidPolicy("the policy is larger than " + MAX_POLICY_BYTES + " bytes.");
        }
        JsonNode document;
        try {
            document = JSON.readTree(policy);
        } catch (JsonProcessingException e) {
            throw invalidPolicy("the policy is not valid JSON.");
        }
        if (document == null || !document.isObject()) {
            throw invalidPolicy("the policy must be a JSON object.");
        }
        JsonNode version = document.get("Version");
        if (version != null && !Set.of("2012-10-17", "2008-10-17").contains(version.asText())) {
            throw invalidPolicy("unsupported policy Version " + version.asText() + ".");
        }
        List<JsonNode> statements = elements(document.get("Statement"));
        if (statements.isEmpty()) {
            throw invalidPolicy("the policy has no Statement.");
        }
        for (JsonNode statement : statements) {
            checkStatement(statement);
        }
    }

    private static void checkStatement(JsonNode statement) {
        if (!statement.isObject()) {
            throw invalidPolicy("each Statement must be a JSON object.");
        }
        if (!statement.has("Effect") || !EFFECTS.contains(statement.get("Effect").asText())) {
            throw invalidPolicy("each Statement needs an Effect of Allow or Deny.");
        }
        if (!statement.has("Principal") && !statement.has("NotPrincipal")) {
            throw invalidPolicy("each Statement of a resource policy needs a Principal.");
        }
        List<JsonNode> actions = elements(statement.has("Action") ? statement.get("Action") : statement.get("NotAction"));
        if (actions.isEmpty()) {
            throw invalidPolicy("each Statement needs an Action.");
        }
        for (JsonNode action : actions) {
            String name = action.asText();
            if (!name.equals("*") && !name.startsWith("kinesis:")) {
                throw invalidPolicy("the action " + name + " is not a Kinesis Data Streams action.");
            }
        }
    }

    /** A policy element that may be one value or a list of them. */
    private static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> elements = new ArrayList<>();
        if (node == null || node.isNull()) {
            return elements;
        }
        if (node.isArray()) {
            node.forEach(elements::add);
        } else {
            elements.add(node);
        }
        return elements;
    }

    private static AwsServiceException invalidPolicy(String detail) {
        return KinesisErrors.invalidArgument("Invalid resource policy: " + detail);
    }
}
