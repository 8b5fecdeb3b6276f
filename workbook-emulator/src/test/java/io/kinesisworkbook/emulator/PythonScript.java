package io.kinesisworkbook.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A second client for the emulator's tests: a Python script under {@code src/test/resources/python/}
 * run against the emulator's endpoint, which prints one JSON document of what it observed for the
 * test to check. The Java SDK forgives what other clients do not; botocore (the AWS CLI's and
 * boto3's core) and a generic CBOR decoder (cbor2) do not.
 *
 * <pre>{@code
 * JsonNode seen = PythonScript.named("kinesis_botocore.py").requires("boto3").runAgainst(emulator.endpoint());
 * assertThat(seen.at("/describe/StreamStatus").asText()).isEqualTo("ACTIVE");
 * }</pre>
 *
 * <p>The script gets the endpoint in {@code WORKBOOK_ENDPOINT}, any credentials and the region
 * {@code us-east-1}, and finds {@code workbook_client.py} (clients, errors and JSON output shared by
 * every script) beside it. The interpreter is the first of {@code $WORKBOOK_PYTHON}, {@code python3}
 * and {@code /usr/bin/python3} that imports the modules the script {@link #requires}; when none does,
 * the test is skipped with a message that says what is missing (and the message is printed).
 */
public final class PythonScript {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;
    /** Which interpreter imports which modules, asked once per test JVM. */
    private static final Map<String, Optional<String>> INTERPRETERS = new ConcurrentHashMap<>();

    private final String name;
    private final List<String> modules = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    private PythonScript(String name) {
        this.name = name;
    }

    /** The script {@code src/test/resources/python/<name>}. */
    public static PythonScript named(String name) {
        return new PythonScript(name);
    }

    /** Python modules the script imports; without an interpreter that has them, the test is skipped. */
    public PythonScript requires(String... moduleNames) {
        modules.addAll(List.of(moduleNames));
        return this;
    }

    /** An environment variable for the script, such as the name of a stream the test prepared. */
    public PythonScript withEnv(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** Runs the script against {@code endpoint} and returns what it printed; fails with its stderr if it fails. */
    public JsonNode runAgainst(URI endpoint) {
        String python = interpreter();
        Path script = script();
        ProcessBuilder builder = new ProcessBuilder(python, script.toString());
        Map<String, String> env = builder.environment();
        env.put("WORKBOOK_ENDPOINT", endpoint.toString());
        env.put("AWS_ACCESS_KEY_ID", "workbook");
        env.put("AWS_SECRET_ACCESS_KEY", "workbook");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        // Nothing from the machine's own AWS configuration may change what the script sends.
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONPATH", script.getParent().toString());
        env.putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<String> stdout = readAsync(process.getInputStream());
            CompletableFuture<String> stderr = readAsync(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not finish within " + TIMEOUT_SECONDS + " s; stderr:\n" + stderr.getNow(""));
            }
            String out = stdout.get();
            if (process.exitValue() != 0) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; stderr:\n" + stderr.get()
                        + "\nstdout:\n" + out);
            }
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + python + " " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while " + name + " ran", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("cannot read the output of " + name, e);
        }
    }

    /**
     * Skips the calling test, with the reason printed, when what the script saw has nothing at
     * {@code pointer} because its botocore did not know the operation or member (Debian's
     * python3-boto3 is older than AWS's newest ones).
     */
    public static void assumeObserved(JsonNode seen, String pointer, String operation) {
        if (seen.at(pointer).isMissingNode()) {
            String reason = "skipped: botocore " + seen.path("botocoreVersion").asText("?") + " does not know "
                    + operation + "; a newer botocore (WORKBOOK_PYTHON) checks it";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
    }

    /** The interpreter that imports every required module; skips the test, saying what is missing, when none does. */
    private String interpreter() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("WORKBOOK_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        String imports = modules.isEmpty() ? "sys" : String.join(", ", modules);
        for (String candidate : candidates) {
            Optional<String> found = INTERPRETERS.computeIfAbsent(candidate + "|" + imports,
                    key -> imports(candidate, imports) ? Optional.of(candidate) : Optional.empty());
            if (found.isPresent()) {
                return found.get();
            }
        }
        String reason = "skipped " + name + ": no Python 3 with " + imports + " (tried " + String.join(", ", candidates)
                + "); on Debian: apt-get install python3 " + debianPackages();
        System.out.println(reason);
        Assumptions.abort(reason);
        return null;
    }

    private String debianPackages() {
        List<String> packages = new ArrayList<>();
        for (String module : modules) {
            packages.add("python3-" + module);
        }
        return String.join(" ", packages);
    }

    private static boolean imports(String python, String modules) {
        try {
            Process process = new ProcessBuilder(python, "-c", "import " + modules)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path script() {
        URL resource = PythonScript.class.getResource("/python/" + name);
        if (resource == null) {
            throw new IllegalArgumentException("no script src/test/resources/python/" + name);
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
