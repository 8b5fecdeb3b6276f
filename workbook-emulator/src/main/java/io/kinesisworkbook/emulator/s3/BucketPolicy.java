package io.kinesisworkbook.emulator.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bucket policy, checked as S3 checks it when it is put, and applied in the one part the emulator
 * can apply: explicit denials.
 *
 * <p>Why only denials: the emulator has no IAM and does not know who calls (signatures are not
 * verified), so everything is allowed and an {@code Allow} adds nothing. A {@code Deny} without a
 * condition, naming its actions and resources, takes effect for every caller, as a {@code Deny} to
 * {@code "*"} does on AWS: that is what a notebook needs to make S3 refuse writes for a while (the
 * disaster-recovery drill), on the emulator and on AWS alike. Statements with a {@code Condition},
 * {@code NotPrincipal}, {@code NotAction} or {@code NotResource} are checked and kept but not
 * applied (the README says so).
 */
final class BucketPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PRINCIPAL_KINDS = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Pattern AWS_PRINCIPAL = Pattern.compile("\\*|\\d{12}|arn:aws[a-z-]*:(iam|sts)::\\d{12}:.+");
    private static final Pattern ACTION = Pattern.compile("\\*|s3:[A-Za-z*?]+", Pattern.CASE_INSENSITIVE);
    private static final String S3_ARN = "arn:aws:s3:::";

    /** One statement the emulator applies: a denial of these actions on these resources. */
    private record Denial(List<Pattern> actions, List<Pattern> resources) {

        boolean covers(String action, String resource) {
            return actions.stream().anyMatch(a -> a.matcher(action).matches())
                    && resources.stream().anyMatch(r -> r.matcher(resource).matches());
        }
    }

    private final String text;
    private final List<Denial> denials;

    private BucketPolicy(String text, List<Denial> denials) {
        this.text = text;
        this.denials = denials;
    }

    /**
     * Reads and checks a PutBucketPolicy body for {@code bucket}.
     *
     * @throws S3Errors.S3Exception MalformedPolicy, with S3's words
     */
    static BucketPolicy parse(String bucket, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode policy;
        try {
            policy = text.stripLeading().startsWith("{") ? JSON.readTree(text) : null;
        } catch (Exception e) {
            policy = null;
        }
        if (policy == null || !policy.isObject()) {
            throw S3Errors.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
        }
        JsonNode statements = required(policy, "Statement");
        List<Denial> denials = new ArrayList<>();
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            Denial denial = statement(bucket, statement);
            if (denial != null) {
                denials.add(denial);
            }
        }
        return new BucketPolicy(text, List.copyOf(denials));
    }

    /** The policy as it was put: GetBucketPolicy answers it unchanged. */
    String text() {
        return text;
    }

    /** Whether a statement denies {@code action} (e.g. {@code s3:PutObject}) on {@code resource} (an S3 ARN). */
    boolean denies(String action, String resource) {
        return denials.stream().anyMatch(denial -> denial.covers(action, resource));
    }

    static String objectArn(String bucket, String key) {
        return S3_ARN + bucket + "/" + key;
    }

    /** Checks one statement; returns the denial it applies, or null for one that applies nothing here. */
    private static Denial statement(String bucket, JsonNode statement) {
        if (!statement.isObject()) {
            throw S3Errors.malformedPolicy("Statement is not valid");
        }
        String effect = required(statement, "Effect").asText();
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw S3Errors.malformedPolicy("Invalid effect: " + effect);
        }
        JsonNode principal = either(statement, "Principal", "NotPrincipal");
        checkPrincipal(principal);
        List<String> actions = strings(either(statement, "Action", "NotAction"));
        if (actions.isEmpty() || !actions.stream().allMatch(a -> ACTION.matcher(a).matches())) {
            throw S3Errors.malformedPolicy("Policy has invalid action");
        }
        List<String> resources = strings(either(statement, "Resource", "NotResource"));
        if (resources.isEmpty() || !resources.stream().allMatch(r -> isOfBucket(r, bucket))) {
            throw S3Errors.malformedPolicy("Policy has invalid resource");
        }
        boolean plain = statement.has("Principal") && statement.has("Action") && statement.has("Resource")
                && !statement.has("Condition");
        if (!effect.equals("Deny") || !plain) {
            return null;
        }
        return new Denial(actions.stream().map(a -> wildcard(a, true)).toList(),
                resources.stream().map(r -> wildcard(r, false)).toList());
    }

    private static JsonNode required(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw S3Errors.malformedPolicy("Missing required field " + field);
        }
        return value;
    }

    /** The field, or its negated form ({@code NotAction} for {@code Action}): a statement needs one of them. */
    private static JsonNode either(JsonNode statement, String field, String negated) {
        if (statement.has(field)) {
            return statement.get(field);
        }
        if (statement.has(negated)) {
            return statement.get(negated);
        }
        throw S3Errors.malformedPolicy("Missing required field " + field);
    }

    /** {@code "*"}, or {@code {"AWS": ...}}, {@code {"Service": ...}}...: what S3 accepts as a principal. */
    private static void checkPrincipal(JsonNode principal) {
        if (principal.isTextual() && principal.asText().equals("*")) {
            return;
        }
        if (!principal.isObject() || principal.isEmpty()) {
            throw S3Errors.malformedPolicy("Invalid principal in policy");
        }
        principal.fieldNames().forEachRemaining(kind -> {
            List<String> values = strings(principal.get(kind));
            boolean valid = PRINCIPAL_KINDS.contains(kind) && !values.isEmpty()
                    && values.stream().noneMatch(String::isBlank)
                    && (!kind.equals("AWS") || values.stream().allMatch(v -> AWS_PRINCIPAL.matcher(v).matches()));
            if (!valid) {
                throw S3Errors.malformedPolicy("Invalid principal in policy");
            }
        });
    }

    /** A resource must be this bucket or objects in it: {@code arn:aws:s3:::bucket} or {@code arn:aws:s3:::bucket/...}. */
    private static boolean isOfBucket(String resource, String bucket) {
        if (!resource.startsWith(S3_ARN)) {
            return false;
        }
        String path = resource.substring(S3_ARN.length());
        int slash = path.indexOf('/');
        String bucketPart = slash < 0 ? path : path.substring(0, slash);
        return wildcard(bucketPart, false).matcher(bucket).matches();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(value -> values.add(value.isTextual() ? value.asText() : ""));
        } else {
            values.add("");
        }
        return values;
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one; actions ignore case. */
    private static Pattern wildcard(String text, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return ignoreCase ? Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE)
                : Pattern.compile(regex.toString());
    }
}
