package io.kinesisworkbook.lambdas;

/**
 * A function's environment variables, wherever it runs. On AWS, LocalStack and Floci each function
 * has a process of its own and {@link System#getenv} has its variables. Inside the embedded emulator
 * every function shares the emulator's process, so the emulator offers them through its
 * {@code FunctionEnvironment} class, which a function's class loader sees; this class asks it when it
 * is there, by reflection, so the jar needs nothing of the emulator's and runs unchanged everywhere.
 */
final class FunctionSettings {

    private static final String EMULATOR_ENVIRONMENT = "io.kinesisworkbook.emulator.lambda.runtime.FunctionEnvironment";

    private FunctionSettings() {
    }

    /** The variable's value, or null when it is not set. */
    static String get(String name) {
        try {
            Class<?> environment = Class.forName(EMULATOR_ENVIRONMENT, false, FunctionSettings.class.getClassLoader());
            return (String) environment.getMethod("get", String.class).invoke(null, name);
        } catch (ReflectiveOperationException notInTheEmulator) {
            return System.getenv(name);
        }
    }

    static String getOrDefault(String name, String fallback) {
        String value = get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
