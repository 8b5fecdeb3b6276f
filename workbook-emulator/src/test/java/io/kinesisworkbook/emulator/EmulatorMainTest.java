package io.kinesisworkbook.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code ./workbook emulator}'s command line: mistakes are one line, never a stack trace. */
class EmulatorMainTest {

    @Test
    void portsAndSwitchesAreParsed() {
        EmulatorOptions options = EmulatorMain.parse(new String[] {"--port", "0", "--no-limits", "--fast"});
        assertThat(options.port()).isZero();
        assertThat(options.throughputLimits()).isFalse();
        assertThat(options.transitionDelay()).isZero();
        assertThat(EmulatorMain.parse(new String[0]).port()).isEqualTo(4566);
        assertThat(EmulatorMain.parse(new String[] {"--help"})).as("--help asks for the usage").isNull();
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port", "abc"}))
                .isInstanceOf(EmulatorMain.UsageException.class)
                .hasMessage("--port needs a number from 0 to 65535, not 'abc'");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port", "70000"}))
                .hasMessage("--port needs a number from 0 to 65535, not '70000'");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--port"})).hasMessage("--port needs a value");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] {"--bogus"})).hasMessage("unknown option: --bogus");
    }
}
