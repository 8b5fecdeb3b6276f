package io.kinesisworkbook.lib.view;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Shows things inline in a notebook run by the rapaio Jupyter Java kernel
 * (io.github.padreati:rapaio-jupyter-kernel, checked against 3.0.1).
 *
 * <p><b>The kernel API used.</b> The kernel runs cells in JShell inside its own JVM and statically imports
 * {@code org.rapaio.jupyter.kernel.global.Global} into every notebook; that class is its documented
 * display API (DISPLAY.md in the kernel's repository). We call two of its static methods:
 * <ul>
 *   <li>{@code String Global.display(String mime, Object value)} sends a Jupyter {@code display_data}
 *       message and returns its display id. For a String value and a mime such as {@code "image/png"} or
 *       {@code "text/html"}, the kernel's fallback renderer puts the string under that mime unchanged,
 *       so a PNG goes as base64 text, which is what Jupyter expects for images.</li>
 *   <li>{@code void Global.updateDisplay(String id, String mime, Object value)} sends
 *       {@code update_display_data} for that id, which replaces the output in place (the progress bar,
 *       a live query's table and chart).</li>
 * </ul>
 * We call them through reflection because this library must compile and run without the kernel: the
 * kernel is not a Maven dependency, and outside Jupyter its classes are simply absent.
 *
 * <p><b>Why our methods return nothing.</b> A cell's last expression is echoed as its result. Calling
 * {@code display(..)} there echoes the display id as an extra output; {@code Show}'s methods return void.
 */
final class JupyterDisplay implements Display {

    static final String GLOBAL_CLASS = "org.rapaio.jupyter.kernel.global.Global";
    static final String MAIN_CLASS = "org.rapaio.jupyter.kernel.MainApp";
    /** Set by the workbook's own kernel entry point (workbook-kernel's KernelMain), which runs MainApp. */
    static final String WORKBOOK_KERNEL_PROPERTY = "workbook.kernel";

    private final Method display;
    private final Method updateDisplay;

    /** @param global the kernel's Global class; tests pass a stand-in with the same two static methods */
    JupyterDisplay(Class<?> global) throws NoSuchMethodException {
        display = global.getMethod("display", String.class, Object.class);
        updateDisplay = global.getMethod("updateDisplay", String.class, String.class, Object.class);
    }

    /**
     * The kernel's display, if this JVM is the kernel. Finding the Global class is not enough: the kernel
     * jar could sit on some other program's class path, and touching Global there would start a kernel
     * (its MainApp builds one in a static initializer). So we also require that the JVM was launched
     * from the jar, or main class, that holds Global (the kernel's own kernel.json runs {@code java -jar <kernel jar>}),
     * or by the workbook's kernel entry point, which says so in the {@value #WORKBOOK_KERNEL_PROPERTY} property.
     */
    static Optional<Display> find() {
        try {
            Class<?> global = Class.forName(GLOBAL_CLASS, false, JupyterDisplay.class.getClassLoader());
            return launchedFrom(global) ? Optional.of(new JupyterDisplay(global)) : Optional.empty();
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static boolean launchedFrom(Class<?> global) {
        String command = System.getProperty("sun.java.command", "");
        if (command.startsWith(MAIN_CLASS) || System.getProperty(WORKBOOK_KERNEL_PROPERTY) != null) {
            return true;
        }
        try {
            Path jar = Path.of(global.getProtectionDomain().getCodeSource().getLocation().toURI());
            return command.contains(jar.getFileName().toString());
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void chart(ChartView<?> chart) {
        show("image/png", png(chart));
    }

    @Override
    public void html(String html, String plainText) {
        show("text/html", html);
    }

    @Override
    public void text(String text) {
        System.out.println(text);
    }

    @Override
    public LiveOutput live(String html, String plainText) {
        String id = show("text/html", html);
        return new LiveOutput() {
            @Override
            public void update(String html, String plainText) {
                call(updateDisplay, id, "text/html", html);
            }

            @Override
            public void finish(String html, String plainText) {
                update(html, plainText);
            }
        };
    }

    @Override
    public LiveChart liveChart(ChartView<?> chart) {
        String id = show("image/png", png(chart));
        return new LiveChart() {
            @Override
            public void update(ChartView<?> chart) {
                call(updateDisplay, id, "image/png", png(chart));
            }

            @Override
            public void finish(ChartView<?> chart) {
                update(chart);
            }
        };
    }

    private static String png(ChartView<?> chart) {
        return Base64.getEncoder().encodeToString(chart.png());
    }

    /** Flushes stdout first, so text printed earlier in the cell appears above this output, not below it. */
    private String show(String mime, String value) {
        System.out.flush();
        return (String) call(display, mime, value);
    }

    private static Object call(Method method, Object... arguments) {
        try {
            return method.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("The Jupyter kernel failed to display output", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call the Jupyter kernel's " + method, e);
        }
    }
}
