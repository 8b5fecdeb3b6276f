package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.s3.NotificationConfiguration.FilterRule;
import io.kinesisworkbook.emulator.s3.NotificationConfiguration.Kind;
import io.kinesisworkbook.emulator.s3.NotificationConfiguration.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * {@code <NotificationConfiguration>} in S3's XML, both ways. Elements are S3's: TopicConfiguration
 * (Topic), QueueConfiguration (Queue), CloudFunctionConfiguration (CloudFunction), each with Id,
 * Event elements and an optional {@code Filter/S3Key/FilterRule}; and EventBridgeConfiguration.
 */
final class NotificationXml {

    private static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private NotificationXml() {
    }

    /**
     * Reads a request body. Ids are kept as given (null when absent); filter rule names as given
     * (the caller checks and capitalises them).
     *
     * @throws S3Errors.S3Exception MalformedXML
     */
    static NotificationConfiguration read(byte[] body) {
        Element root = Xml.parse(body);
        if (root == null || !"NotificationConfiguration".equals(root.getLocalName())) {
            throw S3Errors.malformedXml();
        }
        List<Rule> rules = new ArrayList<>();
        boolean eventBridge = false;
        for (Element child : Xml.children(root)) {
            String name = child.getLocalName();
            if (name.equals("EventBridgeConfiguration")) {
                eventBridge = true;
            } else if (name.equals("LambdaFunctionConfiguration")) {
                rules.add(rule(Kind.FUNCTION, child));
            } else {
                Kind kind = kindOf(name);
                if (kind == null) {
                    throw S3Errors.malformedXml();
                }
                rules.add(rule(kind, child));
            }
        }
        return new NotificationConfiguration(rules, eventBridge);
    }

    private static Kind kindOf(String element) {
        for (Kind kind : Kind.values()) {
            if (kind.element.equals(element)) {
                return kind;
            }
        }
        return null;
    }

    private static Rule rule(Kind kind, Element element) {
        String arn = Xml.text(element, kind.arnElement);
        if (arn == null && kind == Kind.FUNCTION) {
            arn = Xml.text(element, "LambdaFunctionArn");
        }
        List<String> events = Xml.children(element, "Event").stream().map(e -> e.getTextContent().strip()).toList();
        if (arn == null || events.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        List<FilterRule> filterRules = new ArrayList<>();
        for (Element filter : Xml.children(element, "Filter")) {
            for (Element key : Xml.children(filter, "S3Key")) {
                for (Element rule : Xml.children(key, "FilterRule")) {
                    String name = Xml.text(rule, "Name");
                    String value = Xml.text(rule, "Value");
                    if (name == null || value == null) {
                        throw S3Errors.malformedXml();
                    }
                    filterRules.add(new FilterRule(name, value));
                }
            }
        }
        return new Rule(kind, Xml.text(element, "Id"), arn.strip(), events, filterRules);
    }

    /** GetBucketNotificationConfiguration's answer: topics, queues, functions, then EventBridge, as S3 orders them. */
    static String write(NotificationConfiguration configuration) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NotificationConfiguration xmlns=\"")
                .append(NAMESPACE).append("\">");
        for (Kind kind : Kind.values()) {
            for (Rule rule : configuration.rules()) {
                if (rule.kind() == kind) {
                    write(xml, rule);
                }
            }
        }
        if (configuration.eventBridge()) {
            xml.append("<EventBridgeConfiguration></EventBridgeConfiguration>");
        }
        return xml.append("</NotificationConfiguration>").toString();
    }

    private static void write(StringBuilder xml, Rule rule) {
        String element = rule.kind().element;
        xml.append('<').append(element).append("><Id>").append(Xml.escape(rule.id())).append("</Id><")
                .append(rule.kind().arnElement).append('>').append(Xml.escape(rule.arn())).append("</")
                .append(rule.kind().arnElement).append('>');
        rule.events().forEach(event -> xml.append("<Event>").append(Xml.escape(event)).append("</Event>"));
        if (!rule.filterRules().isEmpty()) {
            xml.append("<Filter><S3Key>");
            rule.filterRules().forEach(filter -> xml.append("<FilterRule><Name>").append(filter.name())
                    .append("</Name><Value>").append(Xml.escape(filter.value())).append("</Value></FilterRule>"));
            xml.append("</S3Key></Filter>");
        }
        xml.append("</").append(element).append('>');
    }

    /** {@code prefix}, {@code PREFIX} and {@code Prefix} all mean Prefix; null for anything else. */
    static String filterName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("prefix") ? "Prefix" : lower.equals("suffix") ? "Suffix" : null;
    }
}
