package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.events.EventPublisher;
import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import io.kinesisworkbook.emulator.http.RestService;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.w3c.dom.Element;

/**
 * Amazon S3, served by S3Proxy (a real S3 implementation) embedded in the emulator: the edge hands
 * this service every REST request that is S3's, and it passes each to S3Proxy unchanged and the
 * answer back. S3Proxy starts on the first S3 request; the buckets live in memory.
 *
 * <p>Event notifications are the emulator's own, as S3Proxy has none: it answers the notification
 * configuration calls itself, and reads S3Proxy's answers to learn which objects were created or
 * removed, then sends their events (to EventBridge, to Lambda functions) before passing the answer on.
 *
 * <p>Other services reach the same buckets through {@link #objectStore()}, without HTTP.
 */
public final class S3Service implements RestService, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(S3Service.class.getName());

    private final EmbeddedS3Proxy proxy;
    private final S3Forwarder forwarder = new S3Forwarder();
    private final ObjectStore objectStore;
    private final BucketSettings buckets;
    private final ObjectEvents events;
    private final NotificationOperations notifications;

    /** An S3 with the emulator's defaults (for tests of S3 alone). */
    public S3Service() {
        this(EmulatorOptions.defaults());
    }

    /**
     * S3Proxy listens on loopback whatever address the edge has: only the edge talks to it, and
     * it checks no signatures.
     */
    public S3Service(EmulatorOptions options) {
        this.proxy = new EmbeddedS3Proxy(InetAddress.getLoopbackAddress().getHostAddress());
        this.buckets = new BucketSettings(options.defaultRegion());
        this.events = new ObjectEvents(buckets, options.clock(), options.accountId());
        this.objectStore = new BlobObjectStore(proxy::blobStore, events);
        this.notifications = new NotificationOperations(buckets, bucket -> proxy.blobStore().containerExists(bucket),
                events::functions);
    }

    /**
     * Where object events go: EventBridge's default buses and Lambda functions. Called once at
     * start-up, since those services are made after S3 (Lambda reads function code from it).
     */
    public void notifyThrough(EventPublisher eventBridge, FunctionInvoker functions) {
        events.connect(eventBridge, functions);
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
        S3Call call = S3Call.of(request.method(), target, request.header("x-amz-copy-source"));
        if (call.kind() == S3Call.Kind.PUT_NOTIFICATION || call.kind() == S3Call.Kind.GET_NOTIFICATION) {
            return CompletableFuture.supplyAsync(() -> notifications.answer(call, request));
        }
        return proxy.endpoint().thenCompose(endpoint -> forwarder.forward(endpoint, target, request))
                .thenApply(response -> {
                    observe(call, request, response);
                    return response;
                });
    }

    /** Notes buckets created and deleted, and sends the events of objects created and removed. */
    private void observe(S3Call call, RestRequest request, RestResponse response) {
        try {
            if (response.status() / 100 != 2) {
                return;
            }
            if (call.kind() == S3Call.Kind.CREATE_BUCKET) {
                buckets.created(call.bucket(), regionOfNewBucket(request));
            } else if (call.kind() == S3Call.Kind.DELETE_BUCKET) {
                buckets.deleted(call.bucket());
            } else {
                ObjectChanges.of(call, request, response, this::sizeOf).forEach(events::send);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read S3's answer to " + request.method() + " " + request.uri(), e);
        }
    }

    /** A CreateBucket's LocationConstraint, or the region its request was signed for. */
    private static String regionOfNewBucket(RestRequest request) {
        Element configuration = request.body().length == 0 ? null : Xml.parse(request.body());
        String constraint = configuration == null ? null : Xml.text(configuration, "LocationConstraint");
        return constraint == null || constraint.isBlank() ? request.region() : constraint.strip();
    }

    private Long sizeOf(String bucket, String key) {
        try {
            return proxy.blobStore().blobMetadata(bucket, key).contentLength();
        } catch (RuntimeException e) {
            return null;
        }
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
