package io.kinesisworkbook.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Schedule expressions: AWS's valid and invalid examples, and when each fires next. */
class ScheduleTest {

    private static final long SAT_NOON = Instant.parse("2026-11-28T12:00:00Z").toEpochMilli();

    @Test
    void ratesTakeTheSingularForOneAndThePluralOtherwise() {
        assertThat(Schedule.parse("rate(1 minute)").nextAfter(0)).isEqualTo(60_000);
        assertThat(Schedule.parse("rate(5 minutes)").nextAfter(0)).isEqualTo(300_000);
        assertThat(Schedule.parse("rate(2 hours)").nextAfter(0)).isEqualTo(7_200_000);
        assertThat(Schedule.parse("rate(1 day)").nextAfter(0)).isEqualTo(86_400_000);
        for (String invalid : new String[] {"rate(10 seconds)", "rate(10 years)", "rate(1 minutes)", "rate(10 minute)",
                "rate()", "rate(10)", "rate(foo minutes)", "rate(0 minutes)", "rate(-10 minutes)", "rate(10 MINUTES)",
                "rate( 10 minutes )", " rate(10 minutes)"}) {
            assertThat(Schedule.parse(invalid)).as(invalid).isNull();
        }
    }

    @Test
    void awsCronExamplesAreAcceptedAndInvalidOnesRefused() {
        for (String valid : new String[] {"cron(0 10 * * ? *)", "cron(15 12 * * ? *)", "cron(0 18 ? * MON-FRI *)",
                "cron(0 8 1 * ? *)", "cron(0/15 * * * ? *)", "cron(0/10 * ? * MON-FRI *)", "cron(0/5 8-17 ? * MON-FRI *)",
                "cron(0 2 ? * SAT *)", "cron(5,35 14 * * ? *)", "cron(15 10 ? * 6L 2002-2005)", "cron(0 2 ? * SAT#3 *)",
                "cron(0/5 5 ? JAN 1-5 2022)", "cron(0 9 L * ? *)", "cron(0 9 15W * ? *)"}) {
            assertThat(Schedule.parse(valid)).as(valid).isNotNull();
        }
        for (String invalid : new String[] {"cron(0 1 * * * *)", "cron(7 20 * * NOT *)", "cron(INVALID)",
                "cron(0 dummy ? * MON-FRI *)", "cron(71 8 1 * ? *)"}) {
            assertThat(Schedule.parse(invalid)).as(invalid).isNull();
        }
    }

    @Test
    void cronFindsTheNextMinuteItNames() {
        assertThat(next("cron(0/15 * * * ? *)", SAT_NOON)).isEqualTo("2026-11-28T12:15:00Z");
        assertThat(next("cron(0 18 ? * MON-FRI *)", SAT_NOON)).isEqualTo("2026-11-30T18:00:00Z");
        assertThat(next("cron(0 8 1 * ? *)", SAT_NOON)).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(next("cron(0 2 ? * SAT#3 *)", SAT_NOON)).isEqualTo("2026-12-19T02:00:00Z");
        assertThat(next("cron(0 9 L * ? *)", SAT_NOON)).isEqualTo("2026-11-30T09:00:00Z");
        assertThat(next("cron(0 9 ? * 6L *)", SAT_NOON)).isEqualTo("2026-12-25T09:00:00Z");
        assertThat(next("cron(0 9 1W * ? *)", SAT_NOON)).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(Schedule.parse("cron(0/5 5 ? JAN 1-5 2022)").nextAfter(SAT_NOON)).isEqualTo(-1);
    }

    private static String next(String expression, long after) {
        return Instant.ofEpochMilli(Schedule.parse(expression).nextAfter(after)).toString();
    }
}
