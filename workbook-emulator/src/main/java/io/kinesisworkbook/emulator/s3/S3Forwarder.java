package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Passes one S3 request from the edge to S3Proxy and its answer back, unchanged: method, path and
 * query as sent (still encoded), headers and body; status, headers and body. Only what belongs to
 * one hop of HTTP (connection handling, framing, {@code Expect}) is left to each side's own HTTP stack.
 */
final class S3Forwarder {

    /**
     * Headers that describe a connection or a message's framing rather than the request: each hop
     * sets its own. {@code host} is among them because S3Proxy is told the bucket by the path.
     */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "upgrade", "expect", "host", "content-length", "http2-settings");

    /** Made on first use: a client starts a selector thread, which an emulator without S3 calls need not have. */
    private HttpClient http;

    /**
     * @param endpoint S3Proxy's address
     * @param target   the path and query to send, still encoded
     */
    CompletableFuture<RestResponse> forward(URI endpoint, String target, RestRequest request) {
        // Not endpoint.resolve(target): that would normalise "." and ".." segments, which are part
        // of an S3 key.
        HttpRequest.Builder outgoing = HttpRequest.newBuilder(URI.create(endpoint + UriText.legal(target)))
                .method(request.method(), body(request));
        request.headers().forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name)) {
                outgoing.header(name, value);
            }
        });
        return http().sendAsync(outgoing.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(S3Forwarder::answer);
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    // S3Proxy is on loopback: the timeout only guards against a hang. A starved machine
                    // can take seconds for a first connect, and a learner's request must not fail for it.
                    .connectTimeout(Duration.ofSeconds(30))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }

    private static HttpRequest.BodyPublisher body(RestRequest request) {
        boolean mayHaveBody = !request.method().equals("GET") && !request.method().equals("HEAD");
        return request.body().length == 0 && !mayHaveBody
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
    }

    private static RestResponse answer(HttpResponse<byte[]> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        HttpHeaders received = response.headers();
        received.map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            // Content-Length stays: a HEAD's answer carries the object's size in it.
            if (lower.equals("content-length") || !HOP_BY_HOP.contains(lower)) {
                headers.put(name, String.join(",", values));
            }
        });
        byte[] body = response.body() == null ? new byte[0] : response.body();
        return new RestResponse(response.statusCode(), headers, body);
    }

    /** Request targets as clients send them can hold characters that {@link URI} refuses. */
    static final class UriText {

        private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                + "-._~!$&'()*+,;=:@/?%";

        private UriText() {
        }

        /**
         * The target with every character a URI may not hold percent-encoded (as UTF-8) and
         * everything else, escapes included, left as it was.
         */
        static String legal(String target) {
            StringBuilder out = new StringBuilder(target.length());
            for (int i = 0; i < target.length(); i++) {
                char c = target.charAt(i);
                if (ALLOWED.indexOf(c) >= 0) {
                    out.append(c);
                } else {
                    int codePoint = target.codePointAt(i);
                    i += Character.charCount(codePoint) - 1;
                    for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
                    }
                }
            }
            return out.toString();
        }
    }

}
