package io.kinesisworkbook.emulator.lambda.runtime;

import java.util.Map;

/**
 * A function's environment variables, for functions that run inside the emulator.
 *
 * <p>On AWS every function has a process of its own, and reads its variables with
 * {@link System#getenv(String)}. Inside the emulator all functions share one JVM and one process
 * environment, which Java cannot change; so the emulator keeps each invocation's variables (the
 * function's {@code Environment.Variables} plus AWS's reserved ones such as
 * {@code AWS_LAMBDA_FUNCTION_NAME} and {@code AWS_REGION}) for the thread that runs it, and for the
 * threads that thread starts. A function reads them with {@code FunctionEnvironment.get("NAME")},
 * which falls back to {@link System#getenv(String)} outside an invocation.
 *
 * <p>Every function's class loader sees this class (and only it of the emulator's). A function
 * that must also run on AWS bundles a copy of this small class under the same name: inside the
 * emulator the emulator's copy wins (its class loaders ask their parent first), and on AWS the
 * bundled copy reads {@code System.getenv}.
 */
public final class FunctionEnvironment {

    private static final InheritableThreadLocal<Map<String, String>> VARIABLES = new InheritableThreadLocal<>();

    private FunctionEnvironment() {
    }

    /** A variable of the running function, or of the process when no function runs on this thread. */
    public static String get(String name) {
        Map<String, String> variables = VARIABLES.get();
        return variables == null ? System.getenv(name) : variables.get(name);
    }

    /** Every variable of the running function (or of the process). */
    public static Map<String, String> all() {
        Map<String, String> variables = VARIABLES.get();
        return variables == null ? System.getenv() : variables;
    }

    static void set(Map<String, String> variables) {
        VARIABLES.set(variables == null ? null : Map.copyOf(variables));
    }

    static void clear() {
        VARIABLES.remove();
    }
}
