package io.kinesisworkbook.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's AWS CLI (botocore: a second reading of the wire protocols, which forgives less than the
 * Java SDK) pointed at an emulator, with a home of its own and throw-away credentials.
 */
public final class AwsCli {

    /** Debian's package puts it here; another {@code aws} on the PATH may be a different major version. */
    private static final Path DEBIAN_CLI = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Path home;

    /** What one command did: its exit code and its output. */
    public record Result(int exitCode, String stdout, String stderr) {

        public JsonNode json() {
            try {
                return JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + stdout + stderr, e);
            }
        }
    }

    private AwsCli(URI endpoint, Path home) {
        this.endpoint = endpoint;
        this.home = home;
    }

    /** The CLI on {@code endpoint}; the calling test is skipped, saying why, where it is not installed. */
    public static AwsCli on(URI endpoint, Path home, String test) {
        if (!Files.isExecutable(DEBIAN_CLI)) {
            String reason = "the AWS CLI is not installed (" + DEBIAN_CLI + "; apt-get install awscli): " + test + " skipped";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return new AwsCli(endpoint, home);
    }

    /** Runs {@code aws ARGUMENTS --output json} and fails unless it exits with 0. */
    public Result ok(String... arguments) throws IOException, InterruptedException {
        Result result = run(arguments);
        if (result.exitCode() != 0) {
            throw new AssertionError("aws " + String.join(" ", arguments) + " failed: " + result.stderr());
        }
        return result;
    }

    public Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DEBIAN_CLI.toString(), "--endpoint-url", endpoint.toString(),
                "--output", "json"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("HOME", home.toString());
        environment.put("AWS_ACCESS_KEY_ID", "workbook");
        environment.put("AWS_SECRET_ACCESS_KEY", "workbook");
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.put("AWS_PAGER", "");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.remove("AWS_PROFILE");
        Path out = home.resolve("stdout.txt");
        Path err = home.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("aws " + String.join(" ", arguments) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
