package io.kinesisworkbook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./workbook start} promises: every kernel shares one embedded emulator. The script it
 * runs ({@code jupyter/serve-notebooks.sh}) serves Jupyter on a free port; two kernels are started
 * through Jupyter's REST API and driven over its WebSocket, as a browser does. The first creates a
 * stream and puts a record; the second, a separate JVM, sees that stream and reads that record.
 * When the script is stopped, the emulator stops with it.
 */
class SharedEmulatorIT {

    static final Path OUTPUT = JupyterTools.MODULE.resolve("target/shared-emulator-it");
    static final Duration CELL_TIMEOUT = Duration.ofMinutes(3);
    /** Less than classic Notebook 6's 60 s wait for a kernel's kernel_info_reply (see connect). */
    static final Duration WEB_SOCKET_OPENS_WITHIN = Duration.ofSeconds(45);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void twoKernelsStartedByJupyterSeeEachOthersStreams() throws Exception {
        String python = JupyterTools.python();
        JupyterTools.installKernelspec();
        Path notebooks = Files.createDirectories(OUTPUT.resolve("notebooks"));
        Path log = OUTPUT.resolve("serve-notebooks.log");
        int port = JupyterTools.freePort();
        String token = UUID.randomUUID().toString();
        ProcessBuilder serve = new ProcessBuilder("bash", JupyterTools.MODULE.resolve("jupyter/serve-notebooks.sh").toString(),
                JupyterTools.JUPYTER_DATA.toString(), notebooks.toString(), "--port=" + port, "--NotebookApp.token=" + token)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        serve.environment().put("JUPYTER_PYTHON", python);
        serve.environment().remove("WORKBOOK_EMULATOR");
        Process jupyter = serve.start();
        String emulator;
        try {
            JupyterTools.waitForJupyter(port, jupyter, log);
            emulator = sharedEmulatorIn(log);
            Jupyter api = new Jupyter(port, token);
            try (Kernel first = api.startKernel(); Kernel second = api.startKernel()) {
                String wrote = first.execute("""
                        Workbook aws = Workbook.connect();
                        aws.streams().create("seen-by-both-kernels", 1);
                        aws.kinesis().putRecord(b -> b.streamName("seen-by-both-kernels").partitionKey("k")
                                .data(SdkBytes.fromUtf8String("hello from the first kernel")));
                        System.out.println("emulator=" + System.getenv("WORKBOOK_EMULATOR") + "; " + aws);
                        """);
                String read = second.execute("""
                        Workbook aws = Workbook.connect();
                        String iterator = aws.kinesis().getShardIterator(b -> b.streamName("seen-by-both-kernels")
                                .shardId("shardId-000000000000").shardIteratorType("TRIM_HORIZON")).shardIterator();
                        System.out.println("emulator=" + System.getenv("WORKBOOK_EMULATOR") + "; " + aws + "; read: "
                                + aws.kinesis().getRecords(b -> b.shardIterator(iterator)).records().get(0).data().asUtf8String());
                        """);
                assertThat(wrote).contains("emulator=" + emulator + "; Kinesis Workbook on the embedded emulator at " + emulator);
                assertThat(read).contains("emulator=" + emulator + "; Kinesis Workbook on the embedded emulator at " + emulator)
                        .contains("read: hello from the first kernel");
            }
        } finally {
            jupyter.destroy();
            jupyter.waitFor(30, TimeUnit.SECONDS);
            jupyter.destroyForcibly();
        }
        assertThat(jupyter.exitValue()).as("serve-notebooks.sh exit status after SIGTERM; its log:%n%s",
                Files.readString(log)).isEqualTo(143);
        assertThat(JupyterTools.answers(URI.create(emulator + "/_workbook/health")))
                .as("the emulator stops with serve-notebooks.sh").isFalse();
    }

    /** The URL the script handed to the kernels, from its own line in its log. */
    private static String sharedEmulatorIn(Path log) throws Exception {
        Matcher url = Pattern.compile("Embedded AWS emulator for every notebook: (http://127\\.0\\.0\\.1:\\d+)")
                .matcher(Files.readString(log));
        assertThat(url.find()).as("serve-notebooks.sh names its emulator; its log:%n%s", Files.readString(log)).isTrue();
        return url.group(1);
    }

    /** Jupyter's REST API: what a browser calls to start a kernel. */
    record Jupyter(int port, String token) {

        Kernel startKernel() throws Exception {
            HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/kernels"))
                    .header("Authorization", "token " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"kinesis-workbook\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as("POST /api/kernels: %s", started.body()).isEqualTo(201);
            String id = JSON.readTree(started.body()).get("id").asText();
            return new Kernel(this, id, Kernel.connect(port, token, id));
        }

        void shutdown(String kernelId) throws Exception {
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/kernels/" + kernelId))
                    .header("Authorization", "token " + token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /** One kernel's channels, over Jupyter's WebSocket (the messaging protocol as JSON frames). */
    record Kernel(Jupyter jupyter, String id, Channels channels) implements AutoCloseable {

        static Channels connect(int port, String token, String kernelId) throws Exception {
            Channels channels = new Channels();
            HTTP.newWebSocketBuilder().header("Authorization", "token " + token)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/kernels/" + kernelId + "/channels"), channels)
                    // Jupyter answers the upgrade once the kernel has answered the one kernel_info_request it
                    // sends, or after its own 60 s wait. Under 60 s here: a kernel that drops that request
                    // (KernelRunner's repair undone) fails this test rather than making it a minute slower.
                    .get(WEB_SOCKET_OPENS_WITHIN.toSeconds(), TimeUnit.SECONDS);
            return channels;
        }

        /** Runs a cell and returns what it printed; fails with the kernel's answer if the cell failed. */
        String execute(String code) throws Exception {
            String msgId = UUID.randomUUID().toString();
            ObjectNode message = JSON.createObjectNode();
            message.putObject("header").put("msg_id", msgId).put("msg_type", "execute_request").put("username", "it")
                    .put("session", id).put("date", Instant.now().toString()).put("version", "5.3");
            message.putObject("parent_header");
            message.putObject("metadata");
            message.putObject("content").put("code", code).put("silent", false).put("store_history", true)
                    .put("allow_stdin", false).put("stop_on_error", true).putObject("user_expressions");
            message.put("channel", "shell");
            message.putArray("buffers");
            channels.socket().sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
            StringBuilder printed = new StringBuilder();
            String status = null;
            long deadline = System.nanoTime() + CELL_TIMEOUT.toNanos();
            while (status == null) {
                JsonNode answer = channels.messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(answer).as("an answer to the cell within %s; so far it printed:%n%s", CELL_TIMEOUT, printed).isNotNull();
                if (!msgId.equals(answer.path("parent_header").path("msg_id").asText())) {
                    continue;
                }
                String type = answer.path("header").path("msg_type").asText();
                if (type.equals("stream") || type.equals("error")) {
                    printed.append(answer.path("content").path("text").asText());
                    answer.path("content").path("traceback").forEach(line -> printed.append(line.asText()).append('\n'));
                } else if (type.equals("execute_reply")) {
                    status = answer.path("content").path("status").asText();
                }
            }
            assertThat(status).as("the cell's status; it printed:%n%s", printed).isEqualTo("ok");
            return printed.toString();
        }

        @Override
        public void close() throws Exception {
            channels.socket().abort();
            jupyter.shutdown(id);
        }
    }

    /** Collects every message Jupyter sends on a kernel's WebSocket. */
    static final class Channels implements WebSocket.Listener {

        final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<WebSocket> socket = new CompletableFuture<>();

        WebSocket socket() throws Exception {
            return socket.get(WEB_SOCKET_OPENS_WITHIN.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket.complete(webSocket);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException("not JSON from Jupyter: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
            webSocket.request(1);   // binary frames carry buffers, which these cells do not use
            return null;
        }
    }
}
