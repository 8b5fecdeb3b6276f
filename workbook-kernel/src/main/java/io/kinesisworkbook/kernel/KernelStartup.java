package io.kinesisworkbook.kernel;

import java.lang.reflect.Field;
import java.util.Map;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.message.MessageType;

/**
 * What the rapaio kernel (3.0.1) does wrong while it starts, so that the workbook can repair it
 * without a word and still speak up about anything else.
 *
 * <p>{@code Channels.connect} binds the sockets and starts the channel loops first, and only then
 * fills in the map of message handlers. A request that arrives in between (Jupyter sends
 * {@code kernel_info_request} as soon as it can connect, and again until it gets an answer) meets
 * either no map at all, which ends the loop with a {@link NullPointerException} thrown in
 * {@code Channels.getHandler}, or a map without its handler, which the kernel logs as
 * "SEVERE [ShellChannel]: Unhandled message: kernel_info_request". Either way the request is
 * dropped and Jupyter asks again a moment later, so a healthy start looks alarming.
 * {@link KernelRunner} now keeps such a request waiting until the handlers exist; what follows
 * covers a kernel whose internals it cannot reach. Both are
 * recognised here precisely: by where the exception was thrown, and by whether the kernel has (or
 * will have) a handler for the message type.
 */
final class KernelStartup {

    /** {@code WORKBOOK_KERNEL_TRACE=1} prints each repair (the start-up stress test counts them). */
    private static final boolean TRACE = System.getenv("WORKBOOK_KERNEL_TRACE") != null;

    private KernelStartup() {
    }

    /** Says on stderr what was repaired, when tracing is on. */
    static void trace(String repaired) {
        if (TRACE) {
            System.err.println("[workbook kernel] trace: " + repaired);
        }
    }

    /** Whether a channel loop ended because a request came before the kernel had its handler map. */
    static boolean isHandlerMapRace(Throwable e) {
        if (!(e instanceof NullPointerException)) {
            return false;
        }
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().equals(Channels.class.getName())
                && trace[0].getMethodName().equals("getHandler");
    }

    /**
     * Whether "Unhandled message: {@code type}" is the start-up race rather than a message the
     * kernel cannot handle: true while the kernel is still connecting, and for any type it has a
     * handler for once connected.
     */
    static boolean isUnhandledOnlyWhileStarting(String type) {
        Channels channels = MainApp.kernel == null ? null : MainApp.kernel.channels();
        if (channels == null) {
            return true;
        }
        try {
            if (!connected(channels)) {
                return true;
            }
            Map<?, ?> handlers = handlers(channels);
            return handlers != null && handlers.keySet().stream()
                    .anyMatch(key -> key instanceof MessageType<?> messageType && messageType.name().equals(type));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The kernel's internals changed: let every such line through rather than hide a real one.
            return false;
        }
    }

    private static boolean connected(Channels channels) throws ReflectiveOperationException {
        Field connected = Channels.class.getDeclaredField("isConnected");
        connected.setAccessible(true);
        return connected.getBoolean(channels);
    }

    private static Map<?, ?> handlers(Channels channels) throws ReflectiveOperationException {
        Field handlers = Channels.class.getDeclaredField("handlers");
        handlers.setAccessible(true);
        return (Map<?, ?>) handlers.get(channels);
    }
}
