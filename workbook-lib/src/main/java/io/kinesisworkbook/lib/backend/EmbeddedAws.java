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
 * restart and a presenter can move between notebooks.
 */
public final class EmbeddedAws {

    private static Emulator inProcess;

    private EmbeddedAws() {
    }

    /** The endpoint of the shared emulator if one answers, else of this JVM's own (started now if needed). */
    public static synchronized URI endpoint(Settings settings) {
        var shared = settings.get("workbook.emulator").map(URI::create).filter(EmbeddedAws::answers);
        if (shared.isPresent()) {
            return shared.get();
        }
        return inProcess().endpoint();
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
