package io.kinesisworkbook.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI, run as a learner runs it against the emulator: a second client that forgives
 * nothing the SDK forgives. Debian's {@code /usr/bin/aws} (CLI v2.9) speaks the query protocol to
 * CloudWatch; a newer CLI on the PATH may speak JSON 1.0 or RPC v2 CBOR.
 */
final class AwsCli {

    /** The output of one run: its exit code, standard output (JSON) and standard error. */
    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out.isBlank() ? "{}" : out);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + out, e);
            }
        }
    }

    private final String executable;
    private final URI endpoint;

    AwsCli(String executable, URI endpoint) {
        this.executable = executable;
        this.endpoint = endpoint;
    }

    /** Debian's CLI if installed, else the first {@code aws} on the PATH, else null. */
    static String find() {
        if (new File("/usr/bin/aws").canExecute()) {
            return "/usr/bin/aws";
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "aws");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }

    Run run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable, "--endpoint-url", endpoint.toString(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_ACCESS_KEY_ID", "workbook");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "workbook");
        builder.environment().put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        builder.environment().put("AWS_PAGER", "");
        builder.environment().put("AWS_MAX_ATTEMPTS", "1");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("aws " + String.join(" ", arguments) + " did not finish in 60 s");
            }
            return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs and expects success; fails with what the CLI said otherwise. */
    JsonNode ok(String... arguments) {
        Run run = run(arguments);
        if (run.exitCode() != 0) {
            throw new AssertionError("aws " + String.join(" ", arguments) + " failed (" + run.exitCode() + "): " + run.err());
        }
        return run.json();
    }
}
