package io.kinesisworkbook.lib.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AppLogsTest {

    private final List<LogLine> lines = AppLogs.seeded(42).take(50_000);

    @Test
    void mostLinesAreInfoAndMostResponsesAre200() {
        assertThat(share(line -> line.level() == LogLine.Level.INFO)).isGreaterThan(0.8);
        assertThat(share(line -> line.httpStatus() == 200)).isGreaterThan(0.75);
        assertThat(share(line -> line.level() == LogLine.Level.ERROR)).isBetween(0.001, 0.1);
    }

    @Test
    void aLineIsWrittenAsTimestampLevelHostMessage() {
        LogLine line = lines.get(0);
        assertThat(line.text()).isEqualTo(line.timestamp() + " " + line.level() + " " + line.host() + " " + line.message())
                .matches("\\S+ (INFO|WARN|ERROR) \\S+ .+");
    }

    @Test
    void errorsComeInBursts() {
        int errors = 0;
        int errorsAfterAnError = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i - 1).level() == LogLine.Level.ERROR) {
                errors++;
                if (lines.get(i).level() == LogLine.Level.ERROR) {
                    errorsAfterAnError++;
                }
            }
        }
        double errorRate = share(line -> line.level() == LogLine.Level.ERROR);
        assertThat((double) errorsAfterAnError / errors).isGreaterThan(5 * errorRate);
    }

    @Test
    void theLevelFollowsTheResponse() {
        for (LogLine line : lines) {
            LogLine.Level expected = line.httpStatus() >= 500 ? LogLine.Level.ERROR
                    : line.httpStatus() >= 400 || line.latencyMs() > 1_000 ? LogLine.Level.WARN
                    : LogLine.Level.INFO;
            assertThat(line.level()).isEqualTo(expected);
            assertThat(line.host()).startsWith(line.service() + "-");
            assertThat(line.message()).contains(" " + line.httpStatus() + " " + line.latencyMs() + "ms");
        }
    }

    private double share(Predicate<LogLine> test) {
        return lines.stream().filter(test).count() / (double) lines.size();
    }
}
