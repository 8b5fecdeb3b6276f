package io.kinesisworkbook.lib.backend;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * The embedded backend's emulator: one per JVM, started on first use and stopped when the JVM
 * exits. When {@code ./workbook start} serves Jupyter it runs one emulator for every kernel and
 * names it in {@code WORKBOOK_EMULATOR}; a kernel then uses that one, so streams outlive a kernel
 * restart and a presenter can move between notebooks. A named emulator that does not answer is an
 * error, said in one line: quietly starting another one would split the notebooks' streams between
 * two emulators, which is what a presenter least expects.
 */
public final class EmbeddedAws {

    private static Emulator inProcess;

    private EmbeddedAws() {
    }

    /** How long a named shared emulator may take to answer (a busy machine is slow, not broken). */
    static final Duration SHARED_ANSWER_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The endpoint of the shared emulator named in {@code WORKBOOK_EMULATOR}, or, when none is
     * named, of this JVM's own (started now if needed).
     *
     * @throws WorkbookException if an emulator is named but does not answer
     */
    public static URI endpoint(Settings settings) {
        return endpoint(settings, SHARED_ANSWER_TIMEOUT);
    }

    static synchronized URI endpoint(Settings settings, Duration answerTimeout) {
        var shared = settings.get("workbook.emulator");
        if (shared.isEmpty()) {
            return inProcess().endpoint();
        }
        URI endpoint = URI.create(shared.get());
        if (!answersWithin(endpoint, answerTimeout)) {
            throw new WorkbookException("The shared emulator at " + endpoint + " (WORKBOOK_EMULATOR) does not answer: "
                    + "restart ./workbook start, or unset WORKBOOK_EMULATOR to give this JVM an emulator of its own.");
        }
        return endpoint;
    }

    /** This JVM's own emulator, started on first use. */
    public static synchronized Emulator inProcess() {
        if (inProcess == null) {
            inProcess = Emulator.start(EmulatorOptions.defaults());
            Emulator started = inProcess;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-aws-shutdown"));
        }
        return inProcess;
    }

    private static boolean answersWithin(URI endpoint, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!answers(endpoint)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/_workbook/health").toURL().openConnection();
            connection.setConnectTimeout((int) Duration.ofSeconds(1).toMillis());
            connection.setReadTimeout((int) Duration.ofSeconds(2).toMillis());
            return connection.getResponseCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
