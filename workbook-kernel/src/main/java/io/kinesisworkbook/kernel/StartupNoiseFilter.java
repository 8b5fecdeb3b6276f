package io.kinesisworkbook.kernel;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the kernel's "Unhandled message: kernel_info_request" off stderr when it is only the
 * start-up race ({@link KernelStartup}); a message type the kernel really cannot handle is still
 * logged. Named as the console handler's filter in logging.properties.
 */
public final class StartupNoiseFilter implements Filter {

    private static final Pattern UNHANDLED = Pattern.compile("\\[(?:Shell|Control)Channel]: Unhandled message: (\\S+)");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (message == null) {
            return true;
        }
        Matcher unhandled = UNHANDLED.matcher(message);
        if (unhandled.matches() && KernelStartup.isUnhandledOnlyWhileStarting(unhandled.group(1))) {
            KernelStartup.trace("dropped a " + unhandled.group(1) + " that came before the handlers (Jupyter asks again)");
            return false;
        }
        return true;
    }
}
