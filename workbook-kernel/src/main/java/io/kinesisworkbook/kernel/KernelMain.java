package io.kinesisworkbook.kernel;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.logging.LogManager;
import org.rapaio.jupyter.kernel.MainApp;

/**
 * The workbook's entry point for the rapaio Jupyter kernel (3.0.1): it runs the kernel as the
 * kernel's own {@link MainApp} does, with four repairs the kernelspec needs on a busy machine.
 * <ol>
 *   <li><b>Quiet.</b> Our logging.properties (warnings only) is loaded before the kernel logs its
 *       first line, which at INFO would print the connection file's signing key.</li>
 *   <li><b>A clean stdout.</b> The kernel prints a note for every class-path entry (about ninety
 *       here) to standard output, which is the Jupyter process's own (it corrupts
 *       {@code nbconvert --stdout}). Those notes are dropped; cell output is unaffected, because
 *       the kernel gives System.out to each cell itself.</li>
 *   <li><b>No hung channels.</b> {@link LoopGuard} restarts a channel loop that died at start-up
 *       (the kernel's start-up race) or later (an exception in its loop).</li>
 *   <li><b>No lost first request.</b> {@link KernelRunner} connects the kernel so that a request
 *       that comes before its handlers exist waits for them instead of being dropped.</li>
 * </ol>
 * Once the kernel has been asked to shut down the JVM exits at once; otherwise an idle JShell worker
 * thread keeps it alive for up to a minute and Jupyter has to kill it.
 */
public final class KernelMain {

    private static final String SHADED_SIMPLE_LOGGER_LEVEL = "org.rapaio.shaded.org.slf4j.simpleLogger.defaultLogLevel";

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        try (InputStream quiet = KernelMain.class.getResourceAsStream("/logging.properties")) {
            if (quiet != null) {
                LogManager.getLogManager().readConfiguration(quiet);
            }
        }
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        boolean runsKernel = args.length > 0 && !args[0].startsWith("-");
        // Tells the library's views that this JVM is the kernel, so charts and tables go to Jupyter.
        System.setProperty("workbook.kernel", "rapaio-jupyter-kernel");
        // The kernel jar routes Commons Logging (which KCL's DynamoDB lock client logs through) to its
        // shaded slf4j-simple, whose INFO lines, stack traces included, would land in cells: warnings only.
        if (System.getProperty(SHADED_SIMPLE_LOGGER_LEVEL) == null) {
            System.setProperty(SHADED_SIMPLE_LOGGER_LEVEL, "warn");
        }
        if (!runsKernel) {
            MainApp.main(args);
            return;
        }
        LoopGuard.startWatching();
        KernelRunner.run(args[0]);
        // The kernel returns when it has joined its channel loops, which is also at once when a loop
        // died at start-up (LoopGuard runs it again): exit only once the kernel was asked to.
        LoopGuard.awaitShutdownRequest();
        System.err.flush();
        System.exit(0);
    }
}
