package io.kinesisworkbook.lib.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Access logs from a few services, three hosts each.
 *
 * <p>Most of the time the system is healthy: requests take tens of milliseconds, nearly all
 * return 200 and log at INFO. Now and then an incident starts and lasts a while: latencies
 * jump and many requests fail with 5xx. That is what real logs look like, and why alerting
 * looks at error <em>rates</em> over windows rather than at single errors.
 *
 * <p>The level follows from the response, as in most frameworks: 5xx is ERROR; 4xx, or a
 * request slower than a second, is WARN; anything else is INFO.
 */
public final class AppLogs extends EventGenerator<LogLine, AppLogs> {

    private static final int HOSTS_PER_SERVICE = 3;
    private static final double INCIDENT_START_CHANCE = 0.0005;

    private static final Map<String, List<String>> ENDPOINTS = Map.of(
            "checkout", List.of("POST /api/checkout", "GET /api/cart", "PUT /api/cart/items"),
            "catalog", List.of("GET /api/products", "GET /api/products/{id}"),
            "search", List.of("GET /api/search"),
            "auth", List.of("POST /api/login", "POST /api/token/refresh"));

    private static final List<String> SERVICES = ENDPOINTS.keySet().stream().sorted().toList();

    private static final List<Integer> SERVER_ERRORS = List.of(500, 502, 503, 504);

    private static final List<String> FAILURES = List.of(
            "upstream timeout", "connection reset by peer", "database pool exhausted", "circuit breaker open");

    private int incidentEventsLeft;

    private AppLogs(long seed) {
        super(seed);
    }

    public static AppLogs seeded(long seed) {
        return new AppLogs(seed);
    }

    @Override
    protected LogLine nextEvent(Instant time) {
        boolean incident = inIncident();
        String host = hotKeyOr(() -> pick(SERVICES) + "-" + (1 + random().nextInt(HOSTS_PER_SERVICE)));
        String service = serviceOf(host);
        String endpoint = pick(ENDPOINTS.getOrDefault(service, List.of("GET /")));
        int status = incident && chance(0.4) ? pick(SERVER_ERRORS) : usualStatus();
        long latencyMs = Math.round(logNormal(incident ? 400 : 40, 0.7));
        LogLine.Level level = levelFor(status, latencyMs);
        String message = endpoint + " " + status + " " + latencyMs + "ms"
                + (level == LogLine.Level.ERROR ? " - " + pick(FAILURES) : "");
        return new LogLine(time, host, service, level, message, latencyMs, status);
    }

    /** Hosts are named {@code <service>-<n>}; a hot key named otherwise is its own service. */
    private static String serviceOf(String host) {
        int dash = host.lastIndexOf('-');
        return dash > 0 ? host.substring(0, dash) : host;
    }

    /** Counts down a running incident, or, rarely, starts one lasting 50 to 300 events. */
    private boolean inIncident() {
        if (incidentEventsLeft > 0) {
            incidentEventsLeft--;
            return true;
        }
        if (chance(INCIDENT_START_CHANCE)) {
            incidentEventsLeft = 50 + random().nextInt(250);
            return true;
        }
        return false;
    }

    /** A healthy system's mix: mostly 200, a few other successes and client errors, rare 500s. */
    private int usualStatus() {
        double u = random().nextDouble();
        if (u < 0.93) {
            return 200;
        }
        if (u < 0.95) {
            return 201;
        }
        if (u < 0.97) {
            return 304;
        }
        if (u < 0.99) {
            return 404;
        }
        return u < 0.997 ? 400 : 500;
    }

    private static LogLine.Level levelFor(int status, long latencyMs) {
        if (status >= 500) {
            return LogLine.Level.ERROR;
        }
        return status >= 400 || latencyMs > 1_000 ? LogLine.Level.WARN : LogLine.Level.INFO;
    }
}
