package io.kinesisworkbook.lib.data;

import java.time.Instant;

/**
 * One access-log line from a web service, already parsed into fields, as a log shipper sends it.
 *
 * @param host    the machine that served the request, named {@code <service>-<n>}
 * @param message a human-readable summary, e.g. {@code "GET /api/cart 200 35ms"}
 */
public record LogLine(
        Instant timestamp,
        String host,
        String service,
        Level level,
        String message,
        long latencyMs,
        int httpStatus) implements StreamEvent {

    public enum Level { INFO, WARN, ERROR }

    /**
     * The line as the application writes it to its log file: {@code <timestamp> <LEVEL> <host> <message>},
     * e.g. {@code 2026-11-26T10:15:30.123Z INFO checkout-1 GET /api/cart 200 35ms}.
     */
    public String text() {
        return timestamp + " " + level + " " + host + " " + message;
    }

    /** By host: each machine's lines stay in order, which is how people read logs. */
    @Override
    public String partitionKey() {
        return host;
    }
}
