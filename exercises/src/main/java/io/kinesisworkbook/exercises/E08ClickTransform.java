package io.kinesisworkbook.exercises;

import java.util.Map;

/**
 * Your exercise. Read the Javadoc of each method, replace the TODO, and run {@code ./workbook grade}.
 *
 * <p>Exercise 08 (notebook 08-firehose): a Firehose transform for clicks sent as CSV lines,
 * {@code <timestamp>,<user>,<page>}, for example {@code 2026-11-26T10:15:30Z,ada,/cart}.
 */
public final class E08ClickTransform {

    private E08ClickTransform() {
    }

    /**
     * Transforms one Firehose record ({@code recordId}, and {@code data}: base64 of one CSV line) into
     * the map Firehose expects back: the same {@code recordId}, a {@code result} and a base64 {@code data}.
     * <ul>
     *   <li>a well-formed line (three fields, none empty) gives {@code Ok}, with data
     *       {@code {"timestamp":"...","user":"...","page":"..."}} followed by a newline;</li>
     *   <li>a click on a page starting with {@code /health} (a load balancer's probe) gives {@code Dropped};</li>
     *   <li>anything else gives {@code ProcessingFailed}, with the record's original data.</li>
     * </ul>
     */
    public static Map<String, Object> transform(Map<String, Object> record) {
        // TODO: decode data (Base64), split on ',', build the JSON line (Jackson's ObjectMapper, or by hand), encode it back.
        throw new UnsupportedOperationException("TODO: exercise E08, transform");
    }

    /**
     * The whole Lambda: {@code event.records} in, {@code {"records": [...]}} out, one result per record,
     * in the same order.
     */
    public static Map<String, Object> handle(Map<String, Object> event) {
        // TODO: transform each of (List<Map<String, Object>>) event.get("records"), return Map.of("records", results).
        throw new UnsupportedOperationException("TODO: exercise E08, handle");
    }
}
