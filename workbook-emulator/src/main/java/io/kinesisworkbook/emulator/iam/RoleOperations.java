package io.kinesisworkbook.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Roles, their inline policies and their tags: what the workbook's AWS path creates for Lambda and
 * Firehose and what clean-aws deletes. Policies are kept and returned, never enforced: nothing in the
 * emulator checks permissions (a deviation the README states).
 */
final class RoleOperations {

    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final String ROLE_NAME_CONSTRAINT = "Member must satisfy regular expression pattern: [\\w+=,.@-]+";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final EmulatorOptions options;
    /** Roles by name; IAM names are case-insensitive for uniqueness, but kept as created. */
    private final Map<String, Role> roles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final SecureRandom random = new SecureRandom();

    RoleOperations(EmulatorOptions options) {
        this.options = options;
    }

    synchronized JsonNode createRole(AwsRequest request) {
        Members members = request.members();
        String name = roleName(members);
        String trust = policy(members, "AssumeRolePolicyDocument", "assumeRolePolicyDocument");
        if (roles.containsKey(name)) {
            throw IamErrors.roleExists(name);
        }
        String path = members.string("Path") == null ? "/" : members.string("Path");
        Integer maxSession = members.integer("MaxSessionDuration");
        Role role = new Role(name, path, "AROA" + randomId(17), "arn:aws:iam::" + options.accountId() + ":role" + path + name,
                options.clock().millis(), members.string("Description"), maxSession == null ? 3600 : maxSession, trust);
        tags(members).forEach(role.tags::put);
        roles.put(name, role);
        ObjectNode response = request.newObject();
        write(request, response.putObject("Role"), role, true);
        return response;
    }

    synchronized JsonNode getRole(AwsRequest request) {
        Role role = role(request.members());
        ObjectNode response = request.newObject();
        ObjectNode written = response.putObject("Role");
        write(request, written, role, true);
        written.putObject("RoleLastUsed");
        return response;
    }

    /** ListRoles: every role, in name order, in pages of MaxItems (100 by default) with a Marker. */
    synchronized JsonNode listRoles(AwsRequest request) {
        Members members = request.members();
        String prefix = members.string("PathPrefix") == null ? "/" : members.string("PathPrefix");
        List<Role> matching = roles.values().stream().filter(r -> r.path.startsWith(prefix)).toList();
        return page(request, matching, "Roles", (array, role) -> write(request, array.addObject(), role, false));
    }

    synchronized JsonNode deleteRole(AwsRequest request) {
        Role role = role(request.members());
        if (!role.inlinePolicies.isEmpty()) {
            throw IamErrors.mustDeletePoliciesFirst();
        }
        roles.remove(role.name);
        return request.newObject();
    }

    synchronized JsonNode putRolePolicy(AwsRequest request) {
        Members members = request.members();
        Role role = role(members);
        String policyName = required(members, "PolicyName", "policyName");
        role.inlinePolicies.put(policyName, policy(members, "PolicyDocument", "policyDocument"));
        return request.newObject();
    }

    synchronized JsonNode getRolePolicy(AwsRequest request) {
        Members members = request.members();
        Role role = role(members);
        String policyName = required(members, "PolicyName", "policyName");
        String document = role.inlinePolicies.get(policyName);
        if (document == null) {
            throw IamErrors.noSuchRolePolicy(policyName);
        }
        ObjectNode response = request.newObject();
        response.put("RoleName", role.name).put("PolicyName", policyName).put("PolicyDocument", urlEncoded(document));
        return response;
    }

    synchronized JsonNode listRolePolicies(AwsRequest request) {
        Role role = role(request.members());
        return page(request, List.copyOf(role.inlinePolicies.keySet()), "PolicyNames", ArrayNode::add);
    }

    synchronized JsonNode deleteRolePolicy(AwsRequest request) {
        Members members = request.members();
        Role role = role(members);
        String policyName = required(members, "PolicyName", "policyName");
        if (role.inlinePolicies.remove(policyName) == null) {
            throw IamErrors.noSuchRolePolicy(policyName);
        }
        return request.newObject();
    }

    synchronized JsonNode tagRole(AwsRequest request) {
        Members members = request.members();
        Role role = role(members);
        tags(members).forEach(role.tags::put);
        return request.newObject();
    }

    synchronized JsonNode untagRole(AwsRequest request) {
        Members members = request.members();
        Role role = role(members);
        List<String> keys = members.stringList("TagKeys");
        if (keys != null) {
            role.tags.keySet().removeAll(keys);
        }
        return request.newObject();
    }

    synchronized JsonNode listRoleTags(AwsRequest request) {
        Role role = role(request.members());
        return page(request, List.copyOf(role.tags.entrySet()), "Tags",
                (array, tag) -> array.addObject().put("Key", tag.getKey()).put("Value", tag.getValue()));
    }

    /** One page of a list, as IAM pages: {@code IsTruncated} and, when it is, the {@code Marker} to go on from. */
    private <T> JsonNode page(AwsRequest request, List<T> all, String member,
                              java.util.function.BiConsumer<ArrayNode, T> writer) {
        Members members = request.members();
        int from = members.string("Marker") == null ? 0 : Integer.parseInt(members.string("Marker"));
        int max = members.integer("MaxItems") == null ? 100 : members.integer("MaxItems");
        if (max < 1 || max > 1000) {
            throw IamErrors.invalid(String.valueOf(max), "maxItems", "Member must have value between 1 and 1000");
        }
        int to = Math.min(all.size(), from + max);
        ObjectNode response = request.newObject();
        ArrayNode array = response.putArray(member);
        all.subList(Math.min(from, to), to).forEach(item -> writer.accept(array, item));
        response.put("IsTruncated", to < all.size());
        if (to < all.size()) {
            response.put("Marker", String.valueOf(to));
        }
        return response;
    }

    private void write(AwsRequest request, ObjectNode node, Role role, boolean withTags) {
        node.put("Path", role.path).put("RoleName", role.name).put("RoleId", role.id).put("Arn", role.arn);
        node.set("CreateDate", Members.timestamp(request.protocol(), role.createdMillis));
        node.put("AssumeRolePolicyDocument", urlEncoded(role.assumeRolePolicy));
        if (role.description != null) {
            node.put("Description", role.description);
        }
        node.put("MaxSessionDuration", role.maxSessionDuration);
        if (withTags && !role.tags.isEmpty()) {
            ArrayNode tags = node.putArray("Tags");
            role.tags.forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        }
    }

    private Role role(Members members) {
        String name = roleName(members);
        Role role = roles.get(name);
        if (role == null) {
            throw IamErrors.noSuchRole(name);
        }
        return role;
    }

    private static String roleName(Members members) {
        String name = required(members, "RoleName", "roleName");
        if (!ROLE_NAME.matcher(name).matches()) {
            throw IamErrors.invalid(name, "roleName", ROLE_NAME_CONSTRAINT);
        }
        return name;
    }

    private static String required(Members members, String member, String wireName) {
        String value = members.string(member);
        if (value == null) {
            throw IamErrors.missing(wireName);
        }
        return value;
    }

    /** A policy document, which must be JSON; AWS answers MalformedPolicyDocument otherwise. */
    private static String policy(Members members, String member, String wireName) {
        String document = required(members, member, wireName);
        try {
            JsonNode parsed = JSON.readTree(document);
            if (parsed == null || !parsed.isObject()) {
                throw IamErrors.malformedPolicy();
            }
        } catch (IOException e) {
            throw IamErrors.malformedPolicy();
        }
        return document;
    }

    private static Map<String, String> tags(Members members) {
        Map<String, String> tags = new TreeMap<>();
        for (Members tag : members.structureList("Tags")) {
            tags.put(tag.string("Key"), tag.string("Value") == null ? "" : tag.string("Value"));
        }
        return tags;
    }

    /** IAM returns policy documents URL-encoded (RFC 3986), as its API reference says. */
    private static String urlEncoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ID_CHARACTERS[random.nextInt(ID_CHARACTERS.length)]);
        }
        return id.toString();
    }
}
