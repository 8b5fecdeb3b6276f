package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.event.ruler.GenericMachine;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Patterns;

/**
 * An event pattern, compiled by Event Ruler: the library EventBridge itself matches events with,
 * which AWS publishes. Its semantics are therefore AWS's (arrays match when any element matches,
 * {@code exists} only on leaves, {@code null} matches a JSON null but not a missing field, numbers
 * compared as numbers, {@code $or}, and every matcher EventBridge documents), and so are its error
 * messages, which AWS quotes after "Reason:".
 */
final class EventPattern {

    /** Jackson's "[Source: ...; line: 1, column: 11]", whatever it says the source was. */
    private static final Pattern LOCATION = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)]",
            Pattern.DOTALL);

    private final String text;
    private final List<Map<String, List<Patterns>>> compiled;

    private EventPattern(String text, List<Map<String, List<Patterns>>> compiled) {
        this.text = text;
        this.compiled = compiled;
    }

    /**
     * Compiles a pattern, or throws InvalidEventPatternException with AWS's message: Event Ruler's
     * reason, and where in the pattern it stopped, as {@code at [Source: (String)"..."; line: 1, column: 11]}.
     */
    static EventPattern compile(String text) {
        try {
            EventPattern pattern = new EventPattern(text, JsonRuleCompiler.compile(text));
            // A pattern the compiler takes but a matcher would not is refused now, not when a bus rebuilds.
            pattern.addTo(new GenericMachine<>(), "check");
            return pattern;
        } catch (JsonProcessingException e) {
            throw EventsErrors.invalidPattern(withSource(e.getMessage(), text));
        } catch (IOException | RuntimeException e) {
            throw EventsErrors.invalidPattern(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Jackson 2.16 and later print "[Source: REDACTED ...]" where the version EventBridge runs
     * prints the pattern itself; AWS's message shows the pattern, so we put it back.
     */
    static String withSource(String message, String source) {
        Matcher matcher = LOCATION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement("[Source: (String)\"" + source + "\"; line: "
                    + matcher.group(1) + ", column: " + matcher.group(2) + "]"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The pattern as it was given, which DescribeRule and ListRules answer with. */
    String text() {
        return text;
    }

    /** Adds this pattern to a machine under {@code key}: an {@code $or} pattern is several sub-rules. */
    <T> void addTo(GenericMachine<T> machine, T key) {
        for (Map<String, List<Patterns>> subRule : compiled) {
            machine.addPatternRule(key, subRule);
        }
    }

    /** Whether one event (a JSON object with the envelope's fields) matches. */
    boolean matches(JsonNode event) {
        GenericMachine<String> machine = new GenericMachine<>();
        addTo(machine, "pattern");
        return !machine.rulesForJSONEvent(event).isEmpty();
    }
}
