package io.kinesisworkbook.emulator.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's {@code ScheduleExpression}: {@code rate(5 minutes)} or {@code cron(0/15 8-17 ? * MON-FRI *)},
 * in UTC, on the emulator's clock.
 */
abstract class Schedule {

    private static final Pattern RATE = Pattern.compile("rate\\(([1-9]\\d*) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");

    private final String text;

    Schedule(String text) {
        this.text = text;
    }

    /** The expression, or null when AWS would refuse it ({@code Parameter ScheduleExpression is not valid.}). */
    static Schedule parse(String text) {
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long value = Long.parseLong(rate.group(1));
            String unit = rate.group(2);
            // AWS wants the singular for 1 and the plural otherwise: rate(1 minute), rate(5 minutes).
            if ((value == 1) == unit.endsWith("s")) {
                return null;
            }
            long unitMillis = switch (unit.charAt(0)) {
                case 'm' -> 60_000L;
                case 'h' -> 3_600_000L;
                default -> 86_400_000L;
            };
            return new Rate(text, value * unitMillis);
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            CronExpression expression = CronExpression.parse(cron.group(1));
            return expression == null ? null : new Cron(text, expression);
        }
        return null;
    }

    String text() {
        return text;
    }

    /** The first time after {@code millis} the schedule fires, or -1 when it never will again. */
    abstract long nextAfter(long millis);

    private static final class Rate extends Schedule {
        private final long periodMillis;

        Rate(String text, long periodMillis) {
            super(text);
            this.periodMillis = periodMillis;
        }

        @Override
        long nextAfter(long millis) {
            return millis + periodMillis;
        }
    }

    private static final class Cron extends Schedule {
        private final CronExpression expression;

        Cron(String text, CronExpression expression) {
            super(text);
            this.expression = expression;
        }

        @Override
        long nextAfter(long millis) {
            return expression.nextAfter(millis);
        }
    }
}
