package io.kinesisworkbook.lib.backend;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A tiny HTTP server on loopback (a free port) that answers health pages as another engine does:
 * LocalStack's {@code /_localstack/health}, Floci's {@code /_floci/health} (Floci also answers
 * LocalStack's), kinesis-mock's {@code /healthcheck}. Every other path gets S3's 404, as those
 * engines give it.
 */
final class FakeEngine implements AutoCloseable {

    static final String LOCALSTACK_HEALTH = "{\"services\":{\"kinesis\":\"running\",\"s3\":\"running\"},"
            + "\"edition\":\"community\",\"version\":\"4.9.2\"}";
    static final String FLOCI_HEALTH = "{\"services\":{\"kinesis\":\"running\",\"s3\":\"running\"},\"version\":\"1.5.0\"}";

    private final HttpServer server;

    private FakeEngine(Map<String, String> pages) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page != null ? page : "<Error><Code>NoSuchBucket</Code></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(page != null ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    static FakeEngine localStack() {
        return new FakeEngine(Map.of("/_localstack/health", LOCALSTACK_HEALTH));
    }

    static FakeEngine floci() {
        return new FakeEngine(Map.of("/_floci/health", FLOCI_HEALTH, "/_localstack/health", FLOCI_HEALTH));
    }

    static FakeEngine kinesisMock() {
        return new FakeEngine(Map.of("/healthcheck", ""));
    }

    /** Answers every path with S3's 404: something, but none of the engines we know. */
    static FakeEngine somethingElse() {
        return new FakeEngine(Map.of());
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
