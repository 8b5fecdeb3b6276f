package io.kinesisworkbook.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the browser tests need: Debian's Chromium, and the npm packages of tools/browser-test and tools/slides. */
final class BrowserTools {

    static final Path BROWSER_TEST = JupyterTools.ROOT.resolve("tools/browser-test");
    static final Path SLIDES = JupyterTools.ROOT.resolve("tools/slides");

    private BrowserTools() {
    }

    static void requireBrowser() {
        JupyterTools.require(Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isDirectory(BROWSER_TEST.resolve("node_modules/playwright-core")),
                "no browser: install Debian's chromium and run npm ci in tools/browser-test");
    }

    static void requireSlidesTools() {
        requireBrowser();
        JupyterTools.require(Files.isDirectory(SLIDES.resolve("node_modules/reveal.js")), "no reveal.js: run npm ci in tools/slides");
    }

    /** Runs a Node script of tools/ (relative to the repository), its output in LOG; its exit status. */
    static int node(String script, List<String> arguments, Path log, long timeoutSeconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", JupyterTools.ROOT.resolve(script).toString()));
        command.addAll(arguments);
        return JupyterTools.run(command, log, timeoutSeconds);
    }
}
