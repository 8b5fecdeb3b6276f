package io.kinesisworkbook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A person's path: Jupyter serves notebook 00, a real browser (headless Chromium driven by
 * playwright-core) opens it, runs all cells from the Cell menu and finds the expected outputs,
 * the chart image included. A screenshot is left in target/browser-it.
 */
class BrowserIT {

    static final Path OUTPUT = JupyterTools.MODULE.resolve("target/browser-it");

    @Test
    void notebook00RunsInARealBrowser() throws Exception {
        String python = JupyterTools.python();
        BrowserTools.requireBrowser();
        JupyterTools.installKernelspec();
        // Jupyter saves notebooks as they run: serve a copy, never the committed file.
        Path served = Files.createDirectories(OUTPUT.resolve("notebooks"));
        Files.copy(JupyterTools.ROOT.resolve("notebooks/00-start-here.ipynb"), served.resolve("00-start-here.ipynb"),
                StandardCopyOption.REPLACE_EXISTING);
        try (JupyterServer jupyter = JupyterServer.start(python, JupyterServer.Kind.CLASSIC_NOTEBOOK, served,
                OUTPUT.resolve("jupyter.log"))) {
            Path log = OUTPUT.resolve("browser.log");
            int status = BrowserTools.node("tools/browser-test/run-notebook.mjs", List.of(
                    jupyter.url("notebooks/00-start-here.ipynb"), OUTPUT.resolve("00-start-here.png").toString(),
                    "Hello, Kinesis!", "✔ the stream is gone", "Kinesis Workbook on the embedded emulator"), log, 600);
            assertThat(status).as("browser test; its output:%n%s%nJupyter's log:%n%s",
                    Files.readString(log), jupyter.logText()).isZero();
        }
    }
}
