package io.kinesisworkbook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A person's path: Jupyter serves notebook 00, a real browser (headless Chromium driven by
 * playwright-core) opens it, runs all cells from the Cell menu and finds the expected outputs,
 * the chart image included. A screenshot is left in target/browser-it.
 */
class BrowserIT {

    static final Path BROWSER_TEST = JupyterTools.ROOT.resolve("tools/browser-test");
    static final Path OUTPUT = JupyterTools.MODULE.resolve("target/browser-it");

    @Test
    void notebook00RunsInARealBrowser() throws Exception {
        String python = JupyterTools.python();
        requireBrowser();
        JupyterTools.installKernelspec();
        // Jupyter saves notebooks as they run: serve a copy, never the committed file.
        Path served = Files.createDirectories(OUTPUT.resolve("notebooks"));
        Files.copy(JupyterTools.ROOT.resolve("notebooks/00-start-here.ipynb"), served.resolve("00-start-here.ipynb"),
                StandardCopyOption.REPLACE_EXISTING);
        int port = JupyterTools.freePort();
        String token = UUID.randomUUID().toString();
        ProcessBuilder server = new ProcessBuilder(python, "-m", "notebook", "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--NotebookApp.token=" + token, "--notebook-dir=" + served, "--allow-root")
                .redirectErrorStream(true).redirectOutput(OUTPUT.resolve("jupyter.log").toFile())
                .directory(served.toFile());
        server.environment().put("JUPYTER_PATH", JupyterTools.JUPYTER_DATA.toString());
        Process jupyter = server.start();
        try {
            JupyterTools.waitForJupyter(port, jupyter, OUTPUT.resolve("jupyter.log"));
            String url = "http://127.0.0.1:" + port + "/notebooks/00-start-here.ipynb?token=" + token;
            int status = JupyterTools.run(List.of("node", BROWSER_TEST.resolve("run-notebook.mjs").toString(), url,
                    OUTPUT.resolve("00-start-here.png").toString(), "Hello, Kinesis!", "✔ the stream is gone",
                    "Kinesis Workbook on the embedded emulator"), OUTPUT.resolve("browser.log"), 600);
            assertThat(status).as("browser test; its output:%n%s%nJupyter's log:%n%s",
                    Files.readString(OUTPUT.resolve("browser.log")), Files.readString(OUTPUT.resolve("jupyter.log"))).isZero();
        } finally {
            jupyter.destroy();
            jupyter.waitFor(10, TimeUnit.SECONDS);
            jupyter.destroyForcibly();
        }
    }

    private static void requireBrowser() {
        boolean ready = Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isDirectory(BROWSER_TEST.resolve("node_modules/playwright-core"));
        String reason = "no browser: install Debian's chromium and run npm ci in tools/browser-test";
        if (!ready && System.getenv("CI") != null) {
            throw new AssertionError(reason + ", but CI must run the browser test");
        }
        if (!ready) {
            System.out.println("SKIPPED: " + reason);
        }
        Assumptions.assumeTrue(ready, reason);
    }

}
