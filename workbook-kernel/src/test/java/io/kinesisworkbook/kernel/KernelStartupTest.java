package io.kinesisworkbook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.channels.Channels;

/** The start-up race is recognised by where it throws; anything else is a real failure and speaks. */
class KernelStartupTest {

    @Test
    void aNullPointerExceptionInGetHandlerIsTheHandlerMapRace() {
        NullPointerException race = new NullPointerException("Cannot invoke \"java.util.Map.get(Object)\"");
        race.setStackTrace(new StackTraceElement[] {
                new StackTraceElement(Channels.class.getName(), "getHandler", "Channels.java", 77),
                new StackTraceElement("org.rapaio.jupyter.kernel.channels.ShellChannel", "lambda$bind$0", "ShellChannel.java", 45)});
        assertThat(KernelStartup.isHandlerMapRace(race)).isTrue();
    }

    @Test
    void otherExceptionsAreRealFailures() {
        NullPointerException elsewhere = new NullPointerException();
        elsewhere.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.rapaio.jupyter.kernel.core.RapaioKernel", "handleExecuteRequest", "RapaioKernel.java", 1)});
        assertThat(KernelStartup.isHandlerMapRace(elsewhere)).isFalse();
        assertThat(KernelStartup.isHandlerMapRace(new IllegalStateException("socket closed"))).isFalse();
    }
}
