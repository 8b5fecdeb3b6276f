package io.kinesisworkbook.emulator.s3;

import java.util.List;

/**
 * A bucket's notification configuration, as PutBucketNotificationConfiguration gave it: rules that
 * send events to SNS topics, SQS queues or Lambda functions, and whether every event also goes to
 * EventBridge.
 */
record NotificationConfiguration(List<Rule> rules, boolean eventBridge) {

    static final NotificationConfiguration NONE = new NotificationConfiguration(List.of(), false);

    /** The three kinds of destination, with their elements' names in S3's XML. */
    enum Kind {
        TOPIC("TopicConfiguration", "Topic", "sns"),
        QUEUE("QueueConfiguration", "Queue", "sqs"),
        FUNCTION("CloudFunctionConfiguration", "CloudFunction", "lambda");

        final String element;
        final String arnElement;
        final String service;

        Kind(String element, String arnElement, String service) {
            this.element = element;
            this.arnElement = arnElement;
            this.service = service;
        }
    }

    /** A filter rule: {@code Prefix} or {@code Suffix} (S3 capitalises them) and the value. */
    record FilterRule(String name, String value) {
    }

    /**
     * One destination and what it receives: events named in {@code events} (such as
     * {@code s3:ObjectCreated:*}) on keys that pass every filter rule.
     */
    record Rule(Kind kind, String id, String arn, List<String> events, List<FilterRule> filterRules) {

        String prefix() {
            return filterValue("Prefix");
        }

        String suffix() {
            return filterValue("Suffix");
        }

        private String filterValue(String name) {
            return filterRules.stream().filter(r -> r.name().equals(name)).map(FilterRule::value).findFirst().orElse("");
        }

        /** Whether an event such as {@code s3:ObjectCreated:Put} on {@code key} goes to this destination. */
        boolean wants(String eventName, String key) {
            String family = eventName.substring(0, eventName.lastIndexOf(':') + 1) + "*";
            return (events.contains(eventName) || events.contains(family))
                    && key.startsWith(prefix()) && key.endsWith(suffix());
        }
    }

    boolean isEmpty() {
        return rules.isEmpty() && !eventBridge;
    }
}
