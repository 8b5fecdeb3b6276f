package io.kinesisworkbook.lib.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks an endpoint what it is, by the health page each engine serves: the workbook's emulator
 * {@code /_workbook/health}, Floci {@code /_floci/health}, LocalStack {@code /_localstack/health},
 * kinesis-mock {@code /healthcheck}. Floci is asked before LocalStack because it answers some of
 * LocalStack's paths too; the workbook's emulator first because it names itself in its answer.
 *
 * <p>Why ask at all: a learner who sets {@code WORKBOOK_BACKEND=floci} while {@code ./workbook
 * emulator} still holds port 4566 would otherwise run every notebook on the emulator, labelled Floci.
 */
public final class EngineProbe {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineProbe() {
    }

    /**
     * What answers at an endpoint, and its version where its health page says one.
     *
     * @param engine  the engine found; empty when something answers that is none of ours
     * @param version the version it reports, or empty
     * @param nothing true when nothing answers at all
     */
    public record Identity(Optional<Engine> engine, Optional<String> version, boolean nothing) {

        static Identity of(Engine engine, Optional<String> version) {
            return new Identity(Optional.of(engine), version, false);
        }

        static final Identity UNKNOWN = new Identity(Optional.empty(), Optional.empty(), false);
        static final Identity NOTHING = new Identity(Optional.empty(), Optional.empty(), true);

        /** {@code Floci 1.5.2}, {@code the workbook's emulator}, {@code nothing}, ... for one-line messages. */
        public String describe() {
            if (nothing) {
                return "nothing";
            }
            return engine.map(e -> e.displayName() + version.map(v -> " " + v).orElse(""))
                    .orElse("something that is none of the workbook's emulator, Floci, LocalStack or kinesis-mock "
                            + "(none of their health pages answers)");
        }
    }

    /** Identifies the engine at {@code endpoint}. */
    public static Identity identify(URI endpoint) {
        boolean anything = false;
        for (Engine engine : new Engine[] {Engine.WORKBOOK_EMULATOR, Engine.FLOCI, Engine.LOCALSTACK, Engine.KINESIS_MOCK}) {
            Answer answer = get(endpoint.resolve(engine.healthPath()));
            anything |= answer.status() > 0;
            if (answer.status() == 200 && isFrom(engine, answer.body())) {
                return Identity.of(engine, versionIn(answer.body()));
            }
            if (answer.status() < 0) {
                break;  // nothing listens: asking the other paths would only wait again
            }
        }
        return anything ? Identity.UNKNOWN : Identity.NOTHING;
    }

    /**
     * Whether a 200 on an engine's health path is really that engine: the workbook's emulator names
     * itself; Floci and LocalStack answer a JSON object of services; kinesis-mock answers its path
     * and nothing more. (S3 on another engine would answer these paths with an S3 error, never a 200.)
     */
    private static boolean isFrom(Engine engine, String body) {
        return switch (engine) {
            case WORKBOOK_EMULATOR -> json(body).map(j -> "kinesis-workbook".equals(j.path("emulator").asText())).orElse(false);
            case FLOCI, LOCALSTACK -> json(body).map(j -> j.has("services")).orElse(false);
            default -> true;
        };
    }

    private static Optional<String> versionIn(String body) {
        return json(body).map(j -> j.path("version").asText("")).filter(v -> !v.isEmpty());
    }

    private static Optional<JsonNode> json(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** An HTTP answer: status -1 when nothing answered. */
    private record Answer(int status, String body) {
    }

    private static Answer get(URI uri) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
            int status = connection.getResponseCode();
            InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String body = in == null ? "" : new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
            return new Answer(status, body);
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(-1, "");
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }
}
