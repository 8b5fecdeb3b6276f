package io.kinesisworkbook.emulator.s3;

import java.lang.reflect.Field;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * S3Proxy inside the emulator's process: an in-memory blob store, and the S3 server in front of it
 * on a private loopback port that only the emulator's edge talks to.
 *
 * <p>Both are made on first use, so an emulator that never sees an S3 call pays nothing for S3 at
 * start-up (S3Proxy's Jetty takes a few hundred milliseconds to start). The blob store is made
 * without the server when only the {@link ObjectStore} port is used.
 */
final class EmbeddedS3Proxy implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedS3Proxy.class.getName());

    /** Jetty's own default is 200; the edge forwards over a handful of connections. */
    private static final int MAX_THREADS = 32;
    private static final long STOP_TIMEOUT_MILLIS = 200;

    private final String host;
    private BlobStore blobStore;
    private CompletableFuture<URI> endpoint;
    private S3Proxy server;
    private boolean closed;

    /** @param host the loopback address S3Proxy binds to, never a public one */
    EmbeddedS3Proxy(String host) {
        this.host = host;
    }

    /** The store every bucket and object lives in, shared by S3Proxy and the {@link ObjectStore} port. */
    synchronized BlobStore blobStore() {
        if (blobStore == null) {
            blobStore = new TransientNio2BlobStore();
        }
        return blobStore;
    }

    /**
     * Where S3Proxy answers, once it has started. The first call starts it on a thread of its own,
     * so the caller (the edge's I/O thread) never waits for Jetty.
     */
    synchronized CompletableFuture<URI> endpoint() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the S3 service is closed"));
        }
        if (endpoint == null) {
            endpoint = CompletableFuture.supplyAsync(this::start, EmbeddedS3Proxy::onStartThread);
        }
        return endpoint;
    }

    /** Whether S3Proxy has been started (for tests and the start-up measurements). */
    synchronized boolean started() {
        return server != null;
    }

    private URI start() {
        long began = System.nanoTime();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore())
                .endpoint(URI.create("http://" + host + ":0"))
                // Signatures are not checked, as nowhere else in the emulator: the SDK signs with
                // whatever credentials the caller has. aws-chunked bodies are still decoded.
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .jettyMaxThreads(MAX_THREADS)
                .stopTimeout(STOP_TIMEOUT_MILLIS)
                .build();
        makeThreadsDaemons(proxy);
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        synchronized (this) {
            if (closed) {
                stopQuietly(proxy);
                throw new IllegalStateException("the S3 service is closed");
            }
            server = proxy;
        }
        LOG.fine(() -> "S3Proxy started on port " + proxy.getPort() + " in "
                + (System.nanoTime() - began) / 1_000_000 + " ms");
        return URI.create("http://" + host + ":" + proxy.getPort());
    }

    /**
     * Jetty's threads are not daemons, so an emulator that was never closed would keep its JVM
     * alive once S3 had been used; the edge's Netty threads are daemons, and these should be too.
     * S3Proxy does not expose its Jetty server, hence the reflection; if a later S3Proxy renames the
     * field, S3 still works and {@code close()} still stops the threads.
     */
    private static void makeThreadsDaemons(S3Proxy proxy) {
        try {
            Field field = S3Proxy.class.getDeclaredField("server");
            field.setAccessible(true);
            if (field.get(proxy) instanceof Server jetty && jetty.getThreadPool() instanceof QueuedThreadPool pool) {
                pool.setDaemon(true);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "could not make S3Proxy's threads daemons", e);
        }
    }

    private static void onStartThread(Runnable start) {
        Thread thread = new Thread(start, "emulator-s3-start");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        S3Proxy running;
        synchronized (this) {
            closed = true;
            running = server;
            server = null;
        }
        if (running != null) {
            stopQuietly(running);
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.log(Level.FINE, "S3Proxy did not stop cleanly", e);
        }
    }
}
