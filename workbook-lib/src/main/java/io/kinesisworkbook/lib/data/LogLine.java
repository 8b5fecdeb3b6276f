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

    /** By host: each machine's lines stay in order, which is how people read logs. */
    @Override
    public String partitionKey() {
        return host;
    }
}
