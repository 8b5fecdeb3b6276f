package io.kinesisworkbook.kernel;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Jupyter server of a test's own: on a free loopback port, with a random token, serving one
 * directory, with the workbook's kernelspec and live slideshow installed as {@code ./workbook
 * start} installs them (in the tests' own data and config dirs).
 */
final class JupyterServer implements AutoCloseable {

    /** The two servers a learner may have: Debian's classic Notebook 6, and jupyter_server (Notebook 7, JupyterLab). */
    enum Kind {
        CLASSIC_NOTEBOOK("notebook", "NotebookApp", "--notebook-dir="),
        JUPYTER_SERVER("jupyter_server", "ServerApp", "--ServerApp.root_dir=");

        final String module;
        final String app;
        final String rootFlag;

        Kind(String module, String app, String rootFlag) {
            this.module = module;
            this.app = app;
            this.rootFlag = rootFlag;
        }
    }

    final int port;
    final String token = UUID.randomUUID().toString();
    final Path log;
    private final Process process;

    private JupyterServer(String python, Kind kind, Path root, Path log) throws Exception {
        this.port = freePort();
        this.log = log;
        List<String> command = new ArrayList<>(List.of(python, "-m", kind.module, "--no-browser", "--ip=127.0.0.1",
                "--port=" + port, "--" + kind.app + ".token=" + token, kind.rootFlag + root, "--allow-root"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        JupyterTools.jupyterEnvironment(builder.environment());
        process = builder.start();
    }

    static JupyterServer start(String python, Kind kind, Path root, Path log) throws Exception {
        Files.createDirectories(log.getParent());
        JupyterServer server = new JupyterServer(python, kind, root, log);
        try {
            server.awaitAnswer();
            return server;
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
    }

    /** A URL on the server, for a browser that has not logged in yet (it carries the token). */
    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + "/" + pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "token=" + token;
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    private void awaitAnswer() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api").toURL().openConnection();
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("Jupyter did not answer on port " + port + " within 60 s; its log:%n" + logText());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
