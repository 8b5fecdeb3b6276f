package io.kinesisworkbook.lib.backend;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack and Floci: found on their endpoint (http://localhost:4566 unless
 * {@code WORKBOOK_ENDPOINT} says otherwise), or, where Docker is present and nothing answers there,
 * started with Testcontainers for the life of this JVM.
 */
public final class LocalEmulators {

    static final URI DEFAULT_ENDPOINT = URI.create("http://localhost:4566");
    static final String LOCALSTACK_IMAGE = "localstack/localstack:latest";
    static final String FLOCI_IMAGE = "floci/floci:latest";

    private static final Map<Backend, GenericContainer<?>> STARTED = new EnumMap<>(Backend.class);

    private LocalEmulators() {
    }

    /** The endpoint of a running LocalStack or Floci; starts one with Docker when none answers. */
    public static synchronized URI endpoint(Backend backend, Settings settings) {
        URI endpoint = settings.get("workbook.endpoint").map(URI::create).orElse(DEFAULT_ENDPOINT);
        if (isListening(endpoint)) {
            return endpoint;
        }
        if (STARTED.containsKey(backend)) {
            return endpointOf(STARTED.get(backend));
        }
        if (!dockerAvailable()) {
            throw new WorkbookException(backend.displayName() + " is not answering at " + endpoint + " and there is no Docker "
                    + "to start it. Start it (docker compose -f docker/" + backend.name().toLowerCase() + ".yml up -d), set "
                    + "WORKBOOK_ENDPOINT to where it runs, or use WORKBOOK_BACKEND=embedded.");
        }
        GenericContainer<?> container = container(backend, settings);
        container.start();
        STARTED.put(backend, container);
        return endpointOf(container);
    }

    private static GenericContainer<?> container(Backend backend, Settings settings) {
        if (backend == Backend.LOCALSTACK) {
            String token = settings.get("localstack.authToken").orElse(System.getenv("LOCALSTACK_AUTH_TOKEN"));
            if (token == null) {
                throw new WorkbookException("LocalStack's image needs an auth token since March 2026: set LOCALSTACK_AUTH_TOKEN, "
                        + "or use WORKBOOK_BACKEND=floci (free, no token) or embedded.");
            }
            return new GenericContainer<>(DockerImageName.parse(LOCALSTACK_IMAGE))
                    .withEnv("LOCALSTACK_AUTH_TOKEN", token)
                    .withExposedPorts(4566)
                    .waitingFor(Wait.forHttp("/_localstack/health").forPort(4566));
        }
        return new GenericContainer<>(DockerImageName.parse(FLOCI_IMAGE))
                .withExposedPorts(4566)
                .waitingFor(Wait.forListeningPort());
    }

    private static URI endpointOf(GenericContainer<?> container) {
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(4566));
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static boolean isListening(URI endpoint) {
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
