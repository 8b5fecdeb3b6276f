package io.kinesisworkbook.lib.lambda;

import io.kinesisworkbook.lib.backend.WorkbookException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Deploys Java functions from a jar to any backend, as AWS's own tools do: CreateFunction with the
 * jar as {@code Code.ZipFile} (or UpdateFunctionCode when the function exists), then waits until it
 * is Active.
 *
 * <pre>{@code
 * LambdaFunction transform = aws.lambdas().deploy("log-transform", ModuleJars.of("workbook-lambdas"),
 *         "io.kinesisworkbook.lambdas.LogLineTransform::handleRequest");
 * }</pre>
 */
public final class Lambdas {

    /** Java 21, half a gigabyte, a minute: enough for a transform, still within the free tier's reach. */
    static final int MEMORY_MB = 512;
    static final int TIMEOUT_SECONDS = 60;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final WorkbookRoles roles;
    private final LambdaClient lambda;

    public Lambdas(WorkbookRoles roles, LambdaClient lambda) {
        this.roles = roles;
        this.lambda = lambda;
    }

    /** A deployed function: its name and ARN. */
    public record LambdaFunction(String name, String arn) {
    }

    /** What one successful invocation answered ({@code functionError} is always null: failures throw). */
    public record Invocation(int statusCode, String functionError, String payload, String log) {

        public boolean failed() {
            return functionError != null;
        }
    }

    /** Creates the function, or replaces its code, and waits until it can be invoked. */
    public LambdaFunction deploy(String name, Path jar, String handler) {
        SdkBytes code = SdkBytes.fromByteArray(read(jar));
        try {
            lambda.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA21).handler(handler)
                    .role(roles.lambdaRole()).memorySize(MEMORY_MB).timeout(TIMEOUT_SECONDS)
                    .code(c -> c.zipFile(code)));
        } catch (ResourceConflictException exists) {
            // Redeploying: new code, and the handler and settings of this call, not the old ones.
            awaitReady(name);
            lambda.updateFunctionCode(b -> b.functionName(name).zipFile(code));
            awaitReady(name);
            lambda.updateFunctionConfiguration(b -> b.functionName(name).handler(handler).runtime(Runtime.JAVA21)
                    .memorySize(MEMORY_MB).timeout(TIMEOUT_SECONDS));
        }
        GetFunctionConfigurationResponse ready = awaitReady(name);
        return new LambdaFunction(name, ready.functionArn());
    }

    /**
     * Replaces the function's environment variables (an empty map removes them) and waits until the
     * update is done: invocations from then on see the new ones.
     */
    public void setEnvironment(String name, Map<String, String> variables) {
        awaitReady(name);
        lambda.updateFunctionConfiguration(b -> b.functionName(name).environment(e -> e.variables(variables)));
        awaitReady(name);
    }

    /**
     * Invokes a function synchronously with a JSON event, returning its answer and the tail of its log.
     *
     * @throws WorkbookException when the function failed (Invoke's FunctionError): its error type and
     *                           message, and the end of its log, in place of an answer nobody can use
     */
    public Invocation invoke(String name, String eventJson) {
        InvokeResponse response = lambda.invoke(b -> b.functionName(name).logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String(eventJson)));
        String log = response.logResult() == null ? ""
                : new String(java.util.Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        if (response.functionError() != null) {
            throw new WorkbookException(FunctionFailure.describe(name, response.functionError(), payload, log));
        }
        return new Invocation(response.statusCode(), null, payload, log);
    }

    /** Deletes the function; nothing happens when there is none. */
    public void delete(String name) {
        try {
            lambda.deleteFunction(b -> b.functionName(name));
        } catch (ResourceNotFoundException alreadyGone) {
            // nothing to delete
        }
    }

    private GetFunctionConfigurationResponse awaitReady(String name) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            GetFunctionConfigurationResponse configuration = lambda.getFunctionConfiguration(b -> b.functionName(name));
            boolean active = configuration.state() == null || configuration.state() == State.ACTIVE;
            boolean updated = configuration.lastUpdateStatus() == null
                    || configuration.lastUpdateStatus() != LastUpdateStatus.IN_PROGRESS;
            if (active && updated) {
                return configuration;
            }
            if (configuration.state() == State.FAILED) {
                throw new WorkbookException("Function " + name + " failed to start: " + configuration.stateReason());
            }
            if (System.nanoTime() > deadline) {
                throw new WorkbookException("Function " + name + " was not Active after " + PATIENCE.toSeconds() + " s");
            }
            sleep(200);
        }
    }

    private static byte[] read(Path jar) {
        try {
            return Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new WorkbookException("Cannot read " + jar + ": " + e.getMessage());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbookException("Interrupted while waiting");
        }
    }
}
