package io.kinesisworkbook.emulator.lambda.runtime;

import java.net.URL;
import java.security.CodeSource;

/**
 * The parent of every function's class loader: what AWS's Java runtime puts beside a function's own
 * code, and nothing more. That is the JDK, the {@code com.amazonaws:aws-lambda-java-core} library
 * (Context, RequestHandler, RequestStreamHandler, LambdaLogger) and the emulator's
 * {@link FunctionEnvironment} helper.
 *
 * <p>Everything else on the emulator's class path (Netty, Jackson, the AWS SDK, the workbook) stays
 * invisible, so a function that bundles its own Jackson or its own aws-lambda-java-events gets its
 * own, as on AWS. The API classes are the emulator's very own {@link Class} objects, not copies:
 * that is what lets the emulator hand a function a {@code Context} it implements itself.
 */
final class RuntimeApiClassLoader extends ClassLoader {

    private static final String API_PACKAGE = "com.amazonaws.services.lambda.runtime.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader emulatorLoader = RuntimeApiClassLoader.class.getClassLoader();
    /** Where aws-lambda-java-core lives: only classes from there are shared with functions. */
    private final URL coreLocation = locationOf(com.amazonaws.services.lambda.runtime.Context.class);

    RuntimeApiClassLoader() {
        super("lambda-runtime-api", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.equals(FunctionEnvironment.class.getName())) {
            return FunctionEnvironment.class;
        }
        if (name.startsWith(API_PACKAGE)) {
            Class<?> candidate = emulatorLoader.loadClass(name);
            // aws-lambda-java-events shares the package prefix but is a function's own dependency.
            if (coreLocation != null && coreLocation.equals(locationOf(candidate))) {
                return candidate;
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        if (name.endsWith(".class")) {
            String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
            try {
                findClass(className);
                return emulatorLoader.getResource(name);
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
        return null;
    }

    private static URL locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
