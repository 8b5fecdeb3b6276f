package io.kinesisworkbook.emulator.cloudwatch;

import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.metrics.InMemoryMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What every CloudWatch operation needs: the metrics store, the alarms, the clock, the account. */
final class CloudWatchContext {

    final InMemoryMetrics metrics;
    final EmulatorClock clock;
    final String accountId;
    final AlarmRegistry alarms;

    CloudWatchContext(InMemoryMetrics metrics, EmulatorClock clock, String accountId) {
        this.metrics = metrics;
        this.clock = clock;
        this.accountId = accountId;
        this.alarms = new AlarmRegistry();
    }

    long now() {
        return clock.millis();
    }

    /** Periods GetMetricData, GetMetricStatistics and metric math take: 1, 5, 10, 30 or a multiple of 60 seconds. */
    static void checkPeriod(Integer period, String member) {
        if (period == null) {
            throw CloudWatchErrors.missingParameter(member);
        }
        if (period < 1) {
            throw CloudWatchErrors.validation(period, member, "Member must have value greater than or equal to 1");
        }
        if (period != 1 && period != 5 && period != 10 && period != 30 && period % 60 != 0) {
            throw CloudWatchErrors.invalidParameterValue("The parameter " + member
                    + " must be 1, 5, 10, 30 or a multiple of 60.");
        }
    }

    /**
     * Where the first period starts, as CloudWatch rounds a query's start: to a whole multiple of a
     * period under a minute, to the whole minute otherwise.
     */
    static long alignStart(long startMillis, int periodSeconds) {
        long unit = periodSeconds < 60 ? periodSeconds * 1000L : 60_000L;
        return startMillis - Math.floorMod(startMillis, unit);
    }

    /** A query's time range: StartTime (inclusive) and EndTime (exclusive), both required, start before end. */
    record TimeRange(long startMillis, long endMillis) {
        static TimeRange read(io.kinesisworkbook.emulator.http.Members members) {
            Long start = members.timestampMillis("StartTime");
            Long end = members.timestampMillis("EndTime");
            if (start == null) {
                throw CloudWatchErrors.missingParameter("StartTime");
            }
            if (end == null) {
                throw CloudWatchErrors.missingParameter("EndTime");
            }
            if (start >= end) {
                throw CloudWatchErrors.invalidParameterValue("The parameter StartTime must be less than the parameter EndTime.");
            }
            return new TimeRange(start, end);
        }
    }

    /** A page token: an opaque position. */
    static String token(String kind, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token stands for; InvalidNextToken when it is not one of ours for this kind. */
    static long position(String token, String kind) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(kind + ":")) {
                long position = Long.parseLong(text.substring(kind.length() + 1));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException notOurs) {
            // falls through
        }
        throw CloudWatchErrors.invalidNextToken();
    }
}
