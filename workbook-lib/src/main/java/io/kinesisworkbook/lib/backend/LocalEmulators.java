package io.kinesisworkbook.lib.backend;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
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
    /**
     * Pinned, never {@code latest}: a new release must not change what a notebook shows unnoticed.
     * 4.14.0 is LocalStack's last release that starts without an auth token (its calendar-versioned
     * releases from 2026.03 need one); a token, where set, is passed on all the same.
     */
    static final String LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";
    static final String FLOCI_IMAGE = "floci/floci:1.5.33";
    /** Where both run Lambda functions from: each function is a container they start beside themselves. */
    static final String DOCKER_SOCKET = "/var/run/docker.sock";

    private static final Map<Backend, GenericContainer<?>> STARTED = new EnumMap<>(Backend.class);

    private LocalEmulators() {
    }

    /** The endpoint of a running LocalStack or Floci; starts one with Docker when none answers. */
    public static synchronized URI endpoint(Backend backend, Settings settings) {
        URI endpoint = configuredEndpoint(settings);
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

    /**
     * A container for the backend, given the host's Docker socket: LocalStack and Floci run each
     * Lambda function in a container of its own, which they start through it.
     */
    private static GenericContainer<?> container(Backend backend, Settings settings) {
        String socket = DockerClientFactory.instance().getRemoteDockerUnixSocketPath();
        if (backend == Backend.LOCALSTACK) {
            GenericContainer<?> localStack = new GenericContainer<>(DockerImageName.parse(LOCALSTACK_IMAGE))
                    .withFileSystemBind(socket, DOCKER_SOCKET)
                    .withExposedPorts(4566)
                    .waitingFor(Wait.forHttp("/_localstack/health").forPort(4566));
            settings.get("localstack.authToken").or(() -> Optional.ofNullable(System.getenv("LOCALSTACK_AUTH_TOKEN")))
                    .ifPresent(token -> localStack.withEnv("LOCALSTACK_AUTH_TOKEN", token));
            return localStack;
        }
        return new GenericContainer<>(DockerImageName.parse(FLOCI_IMAGE))
                .withFileSystemBind(socket, DOCKER_SOCKET)
                .withCreateContainerCmdModifier(command -> command.withUser("root"))   // to use the socket
                .withExposedPorts(4566)
                .waitingFor(Wait.forHttp("/_floci/health").forPort(4566));
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

    /** The endpoint the settings name for LocalStack or Floci: {@code WORKBOOK_ENDPOINT}, else port 4566. */
    public static URI configuredEndpoint(Settings settings) {
        return settings.get("workbook.endpoint").map(URI::create).orElse(DEFAULT_ENDPOINT);
    }

    public static boolean isListening(URI endpoint) {
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
