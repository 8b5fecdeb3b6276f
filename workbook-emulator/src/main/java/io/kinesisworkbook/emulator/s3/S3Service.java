package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import io.kinesisworkbook.emulator.http.RestService;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Amazon S3, served by S3Proxy (a real S3 implementation) embedded in the emulator: the edge hands
 * this service every REST request that is S3's, and it passes each to S3Proxy unchanged and the
 * answer back. S3Proxy starts on the first S3 request; the buckets live in memory.
 *
 * <p>Other services reach the same buckets through {@link #objectStore()}, without HTTP.
 */
public final class S3Service implements RestService, AutoCloseable {

    private final EmbeddedS3Proxy proxy;
    private final S3Forwarder forwarder = new S3Forwarder();
    private final ObjectStore objectStore;

    /**
     * S3Proxy listens on loopback whatever address the edge has: only the edge talks to it, and
     * it checks no signatures.
     */
    public S3Service() {
        this.proxy = new EmbeddedS3Proxy(InetAddress.getLoopbackAddress().getHostAddress());
        this.objectStore = new BlobObjectStore(proxy::blobStore);
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public boolean accepts(RestRequest request) {
        return S3Routing.isS3(request);
    }

    @Override
    public CompletableFuture<RestResponse> handle(RestRequest request) {
        String target = S3Routing.pathStyleTarget(request);
        return proxy.endpoint().thenCompose(endpoint -> forwarder.forward(endpoint, target, request));
    }

    /** The buckets as other services see them. */
    public ObjectStore objectStore() {
        return objectStore;
    }

    /** Whether S3Proxy's server has started (it starts on the first S3 request). */
    public boolean serverStarted() {
        return proxy.started();
    }

    @Override
    public void close() {
        proxy.close();
    }
}
