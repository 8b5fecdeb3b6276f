package io.kinesisworkbook.kernel;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Runs the rapaio kernel (3.0.1) on Jupyter's connection file as its {@code MainApp} does, except
 * that no request is read before the kernel can handle it.
 *
 * <p>Why: {@code Channels.connect} binds the sockets and starts the shell and control loops first,
 * and only then fills its map of message handlers (twelve method references, slow to link the first
 * time on a busy machine). A loop that reads a request in between takes it off the socket and drops
 * it ({@link KernelStartup}). jupyter_client asks again, but classic Notebook 6 sends its
 * {@code kernel_info_request} once, when a notebook opens, and then waits 60 s for the reply: the
 * learner waited a minute for a kernel that was ready after two seconds.
 *
 * <p>How: each loop reads a request with its channel's {@code readMessage}, which is synchronized
 * on the channel. This thread connects the kernel while it holds the shell and control channels'
 * monitors, so a loop that sees a request waits at {@code readMessage} with the request still queued
 * in its socket, and reads it once the handlers exist (releasing the monitors also makes the filled
 * map visible to the loops). Connecting takes those monitors only on this thread, and Java monitors
 * are re-entrant, so nothing can deadlock. The two channels are private fields, read by reflection;
 * should the kernel's internals change, it says so on stderr and connects as the kernel would.
 */
final class KernelRunner {

    private KernelRunner() {
    }

    /** Serves Jupyter on the connection file until the kernel is shut down. */
    static void run(String connectionFileArg) throws Exception {
        RapaioKernel kernel = MainApp.kernel;
        Path connectionFile = Path.of(connectionFileArg);
        if (!Files.isRegularFile(connectionFile)) {
            throw new IllegalArgumentException("Connection file '" + connectionFile + "' isn't a file.");
        }
        ConnectionProperties connection = Transform.fromJson(Files.readString(connectionFile), ConnectionProperties.class);
        if ("ipc".equals(connection.transport())) {
            System.err.println("[workbook kernel] the ipc transport is not supported by the kernel; use tcp");
        }
        Channels channels = new Channels(connection);
        connectHoldingEarlyRequests(channels, kernel);
        channels.joinUntilClose();
    }

    /** {@code channels.connect(kernel)}, with the shell and control loops kept from reading meanwhile. */
    static void connectHoldingEarlyRequests(Channels channels, RapaioKernel kernel) {
        Object shell;
        Object control;
        try {
            shell = channel(channels, "shell");
            control = channel(channels, "control");
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("[workbook kernel] cannot hold requests that come while the kernel connects (" + e
                    + "); Jupyter may have to ask again");
            channels.connect(kernel);
            return;
        }
        synchronized (shell) {
            synchronized (control) {
                channels.connect(kernel);
            }
        }
    }

    private static Object channel(Channels channels, String name) throws ReflectiveOperationException {
        Field field = Channels.class.getDeclaredField(name);
        field.setAccessible(true);
        Object channel = field.get(channels);
        if (channel == null) {
            throw new IllegalStateException("Channels." + name + " is null");
        }
        return channel;
    }
}
