package io.kinesisworkbook.emulator.firehose;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3 object keys as Firehose makes them: {@code <evaluated prefix><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid><extension>}.
 *
 * <p>A prefix may hold {@code !{timestamp:<DateTimeFormatter pattern>}} (the arrival time of the
 * oldest record in the object, in UTC), {@code !{firehose:random-string}} and, in an error output
 * prefix only, {@code !{firehose:error-output-type}}. A prefix without expressions gets the default
 * time prefix {@code yyyy/MM/dd/HH/} appended.
 */
final class Prefixes {

    static final Pattern EXPRESSION = Pattern.compile("!\\{([^:}]*):([^}]*)}");
    static final String DEFAULT_TIME_PREFIX = "!{timestamp:yyyy/MM/dd/HH}/";
    private static final DateTimeFormatter SUFFIX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss")
            .withZone(ZoneOffset.UTC);
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Prefixes() {
    }

    /** Checks a destination's prefixes as CreateDeliveryStream and UpdateDestination do. */
    static void validate(String prefix, String errorOutputPrefix) {
        check(prefix, false);
        check(errorOutputPrefix, true);
        if (hasExpressions(prefix) && (errorOutputPrefix == null || errorOutputPrefix.isEmpty())) {
            throw FirehoseErrors.invalidArgument("ErrorOutputPrefix cannot be null or empty when Prefix contains expressions.");
        }
    }

    private static void check(String prefix, boolean errorPrefix) {
        if (prefix == null) {
            return;
        }
        Matcher matcher = EXPRESSION.matcher(prefix);
        while (matcher.find()) {
            String namespace = matcher.group(1);
            String value = matcher.group(2);
            switch (namespace) {
                case "timestamp" -> {
                    try {
                        DateTimeFormatter.ofPattern(value);
                    } catch (IllegalArgumentException e) {
                        throw FirehoseErrors.invalidArgument("The expression '" + matcher.group() + "' is not a valid "
                                + "timestamp format.");
                    }
                }
                case "firehose" -> {
                    if (value.equals("error-output-type") && !errorPrefix) {
                        throw FirehoseErrors.invalidArgument("The '!{firehose:error-output-type}' expression is only "
                                + "allowed in ErrorOutputPrefix.");
                    }
                    if (!value.equals("random-string") && !value.equals("error-output-type")) {
                        throw FirehoseErrors.invalidArgument("Unsupported expression '" + matcher.group() + "'.");
                    }
                }
                case "partitionKeyFromQuery", "partitionKeyFromLambda" -> throw FirehoseErrors.invalidArgument(
                        "The '" + namespace + "' namespace can only be used when dynamic partitioning is enabled, "
                                + "which the embedded emulator does not support.");
                default -> throw FirehoseErrors.invalidArgument("Unsupported namespace '" + namespace + "' in expression '"
                        + matcher.group() + "'.");
            }
        }
    }

    static boolean hasExpressions(String prefix) {
        return prefix != null && EXPRESSION.matcher(prefix).find();
    }

    /** The key of a delivered object. */
    static String objectKey(String prefix, String stream, int version, Instant oldestArrival, String extension) {
        String template = prefix == null ? "" : prefix;
        if (!hasExpressions(template)) {
            template = template + DEFAULT_TIME_PREFIX;
        }
        return evaluate(template, oldestArrival, null) + suffix(stream, version, oldestArrival) + extension;
    }

    /** The key of an object of records that failed, under the error output prefix. */
    static String errorObjectKey(String errorOutputPrefix, String errorOutputType, String stream, int version,
                                 Instant oldestArrival) {
        String template = errorOutputPrefix == null ? "" : errorOutputPrefix;
        if (!hasExpressions(template)) {
            template = template + "!{firehose:error-output-type}/" + DEFAULT_TIME_PREFIX;
        }
        return evaluate(template, oldestArrival, errorOutputType) + suffix(stream, version, oldestArrival);
    }

    private static String suffix(String stream, int version, Instant at) {
        return stream + "-" + version + "-" + SUFFIX_TIME.format(at) + "-" + UUID.randomUUID();
    }

    private static String evaluate(String template, Instant at, String errorOutputType) {
        Matcher matcher = EXPRESSION.matcher(template);
        StringBuilder key = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(2);
            String replacement = switch (matcher.group(1)) {
                case "timestamp" -> DateTimeFormatter.ofPattern(value, Locale.ROOT).withZone(ZoneOffset.UTC).format(at);
                default -> value.equals("random-string") ? randomString() : errorOutputType;
            };
            matcher.appendReplacement(key, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(key);
        return key.toString();
    }

    /** Eleven random letters and digits, as {@code !{firehose:random-string}} gives. */
    private static String randomString() {
        StringBuilder text = new StringBuilder(11);
        for (int i = 0; i < 11; i++) {
            text.append(ALPHANUMERIC.charAt(ThreadLocalRandom.current().nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }
}
