package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import io.kinesisworkbook.emulator.s3.NotificationConfiguration.FilterRule;
import io.kinesisworkbook.emulator.s3.NotificationConfiguration.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * PutBucketNotificationConfiguration and GetBucketNotificationConfiguration, which S3Proxy does not
 * have: the emulator checks and keeps the configuration as S3 does, with S3's errors.
 *
 * <p>Destinations are checked as S3 checks them before it accepts a configuration (unless
 * {@code x-amz-skip-destination-validation: true}): a Lambda function must exist; SQS queues and
 * SNS topics never do, since the emulator has neither service.
 */
final class NotificationOperations {

    /** The event types S3 can notify of, wildcards included. */
    static final Set<String> EVENT_TYPES = Set.of(
            "s3:ObjectCreated:*", "s3:ObjectCreated:Put", "s3:ObjectCreated:Post", "s3:ObjectCreated:Copy",
            "s3:ObjectCreated:CompleteMultipartUpload",
            "s3:ObjectRemoved:*", "s3:ObjectRemoved:Delete", "s3:ObjectRemoved:DeleteMarkerCreated",
            "s3:ObjectRestore:*", "s3:ObjectRestore:Post", "s3:ObjectRestore:Completed", "s3:ObjectRestore:Delete",
            "s3:ReducedRedundancyLostObject",
            "s3:Replication:*", "s3:Replication:OperationFailedReplication", "s3:Replication:OperationNotTracked",
            "s3:Replication:OperationMissedThreshold", "s3:Replication:OperationReplicatedAfterThreshold",
            "s3:LifecycleExpiration:*", "s3:LifecycleExpiration:Delete", "s3:LifecycleExpiration:DeleteMarkerCreated",
            "s3:LifecycleTransition", "s3:IntelligentTiering",
            "s3:ObjectTagging:*", "s3:ObjectTagging:Put", "s3:ObjectTagging:Delete", "s3:ObjectAcl:Put");

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:(sns|sqs|lambda):[^:]*:[^:]*:.+");

    private final BucketSettings buckets;
    private final Predicate<String> bucketExists;
    private final Supplier<FunctionInvoker> functions;

    NotificationOperations(BucketSettings buckets, Predicate<String> bucketExists, Supplier<FunctionInvoker> functions) {
        this.buckets = buckets;
        this.bucketExists = bucketExists;
        this.functions = functions;
    }

    RestResponse answer(S3Call call, RestRequest request) {
        try {
            if (!bucketExists.test(call.bucket())) {
                throw S3Errors.noSuchBucket(call.bucket());
            }
            if (call.kind() == S3Call.Kind.GET_NOTIFICATION) {
                String xml = NotificationXml.write(buckets.notifications(call.bucket()));
                return withRequestId(RestResponse.of(200, "application/xml", xml.getBytes(StandardCharsets.UTF_8)));
            }
            boolean skipValidation = "true".equalsIgnoreCase(request.header("x-amz-skip-destination-validation"));
            buckets.notifications(call.bucket(), checked(NotificationXml.read(request.body()), skipValidation));
            return withRequestId(RestResponse.of(200, null, new byte[0]));
        } catch (S3Errors.S3Exception e) {
            return e.toResponse();
        }
    }

    /** The configuration with ids given and filter names capitalised, once it passes S3's checks. */
    private NotificationConfiguration checked(NotificationConfiguration given, boolean skipValidation) {
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : given.rules()) {
            if (!ARN.matcher(rule.arn()).matches() || !rule.arn().split(":")[2].equals(rule.kind().service)) {
                throw S3Errors.invalidArgument("The ARN could not be parsed", rule.kind().arnElement, rule.arn());
            }
            for (String event : rule.events()) {
                if (!EVENT_TYPES.contains(event)) {
                    throw S3Errors.invalidArgument("The event is not supported for notifications", "Event", event);
                }
            }
            rules.add(new Rule(rule.kind(), rule.id() == null || rule.id().isBlank() ? newId() : rule.id(), rule.arn(),
                    rule.events(), filterRules(rule.filterRules())));
        }
        requireNoOverlap(rules);
        if (!skipValidation) {
            requireDestinations(rules);
        }
        return new NotificationConfiguration(List.copyOf(rules), given.eventBridge());
    }

    private static List<FilterRule> filterRules(List<FilterRule> given) {
        List<FilterRule> rules = new ArrayList<>();
        for (FilterRule rule : given) {
            String name = NotificationXml.filterName(rule.name());
            if (name == null) {
                throw S3Errors.invalidArgument("filter rule name must be either prefix or suffix", "FilterRule.Name",
                        rule.name());
            }
            if (rules.stream().anyMatch(r -> r.name().equals(name))) {
                throw S3Errors.invalidArgument("Cannot specify more than one " + name.toLowerCase() + " rule in a filter.",
                        "FilterRule.Name", rule.name());
            }
            rules.add(new FilterRule(name, rule.value()));
        }
        return rules;
    }

    /**
     * S3 refuses two rules that could both take one event: a shared event type (a wildcard shares
     * its family's), overlapping prefixes (one starts the other) and overlapping suffixes (one ends
     * the other).
     */
    private static void requireNoOverlap(List<Rule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                Rule a = rules.get(i);
                Rule b = rules.get(j);
                String shared = sharedEvent(a, b);
                if (shared == null || !overlap(a.prefix(), b.prefix(), true) || !overlap(a.suffix(), b.suffix(), false)) {
                    continue;
                }
                if (a.filterRules().isEmpty() && b.filterRules().isEmpty()) {
                    throw S3Errors.invalidArgument("Configurations overlap. Configurations on the same bucket cannot "
                            + "share a common event type.", "Event", shared);
                }
                throw S3Errors.invalidArgument("Configuration is ambiguously defined. Cannot have overlapping suffixes "
                        + "in two rules if the prefixes are overlapping for the same event type.", null, null);
            }
        }
    }

    private static String sharedEvent(Rule a, Rule b) {
        for (String x : a.events()) {
            for (String y : b.events()) {
                if (x.equals(y) || family(x).equals(family(y)) && (x.endsWith(":*") || y.endsWith(":*"))) {
                    return x + ", " + y;
                }
            }
        }
        return null;
    }

    private static String family(String event) {
        int colon = event.lastIndexOf(':');
        return colon < 0 ? event : event.substring(0, colon);
    }

    private static boolean overlap(String x, String y, boolean prefixes) {
        return prefixes ? x.startsWith(y) || y.startsWith(x) : x.endsWith(y) || y.endsWith(x);
    }

    /** Every destination that cannot be reached, in S3's words, or nothing. */
    private void requireDestinations(List<Rule> rules) {
        Map<String, String> failures = new LinkedHashMap<>();
        for (Rule rule : rules) {
            switch (rule.kind()) {
                case QUEUE -> failures.put(rule.arn(), "The destination queue does not exist");
                case TOPIC -> failures.put(rule.arn(), "The destination topic does not exist");
                case FUNCTION -> {
                    FunctionInvoker invoker = functions.get();
                    String region = rule.arn().split(":")[3];
                    if (invoker == null || !invoker.exists(region, rule.arn())) {
                        // S3 cannot tell a missing function from one it may not invoke, and says the latter.
                        failures.put(rule.arn() + ", null", "Not authorized to invoke function [" + rule.arn() + "]");
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            throw S3Errors.unableToValidate(failures);
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static RestResponse withRequestId(RestResponse response) {
        return response.withHeader("x-amz-request-id", S3Errors.requestId());
    }
}
