package io.kinesisworkbook.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The service itself: when S3Proxy starts, what it leaves running, and virtual-hosted-style requests. */
class S3ServiceTest {

    @Test
    void s3ProxyStartsOnTheFirstS3RequestNotBefore() throws Exception {
        try (S3Service s3 = new S3Service()) {
            assertThat(s3.serverStarted()).isFalse();
            // The in-process port does not need the server.
            assertThat(s3.objectStore().bucketExists("nothing-yet")).isFalse();
            assertThat(s3.serverStarted()).isFalse();

            RestResponse listed = s3.handle(new RestRequest("GET", "/", Map.of(), new byte[0], "us-east-1"))
                    .get(30, TimeUnit.SECONDS);
            assertThat(listed.status()).isEqualTo(200);
            assertThat(new String(listed.body(), StandardCharsets.UTF_8)).contains("<ListAllMyBucketsResult");
            assertThat(s3.serverStarted()).isTrue();
        }
    }

    @Test
    void s3ProxysThreadsDoNotKeepTheJvmAlive() throws Exception {
        try (S3Service s3 = new S3Service()) {
            s3.handle(new RestRequest("GET", "/", Map.of(), new byte[0], "us-east-1")).get(30, TimeUnit.SECONDS);
            assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(thread -> thread.getName().startsWith("S3Proxy"))
                    .isNotEmpty()
                    .allMatch(Thread::isDaemon);
        }
    }

    @Test
    void aBucketNamedInTheHostIsServedAsInThePath() throws Exception {
        try (Emulator emulator = Emulator.start()) {
            String created = exchange(emulator, "PUT /virtual-bucket HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
            assertThat(created).startsWith("HTTP/1.1 200");
            String put = exchange(emulator, "PUT /hello.txt HTTP/1.1\r\nHost: virtual-bucket.localhost:" + emulator.port()
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
            assertThat(put).startsWith("HTTP/1.1 200");

            String got = exchange(emulator, "GET /virtual-bucket/hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(got).startsWith("HTTP/1.1 200").endsWith("\r\n\r\nhello");
            String gotVirtually = exchange(emulator, "GET /hello.txt HTTP/1.1\r\nHost: virtual-bucket.localhost\r\n\r\n");
            assertThat(gotVirtually).startsWith("HTTP/1.1 200").endsWith("\r\n\r\nhello");
        }
    }

    /** One request on its own connection, read to the end (the edge closes it: Connection: close). */
    private static String exchange(Emulator emulator, String request) throws IOException {
        String closing = request.replaceFirst("\r\n", "\r\nConnection: close\r\n");
        try (Socket socket = new Socket(emulator.endpoint().getHost(), emulator.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(closing.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
