package io.kinesisworkbook.emulator.lambda.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The method a function's {@code Handler} names, found as AWS's Java runtime finds it.
 *
 * <ul>
 *   <li>{@code package.Class}: the class implements {@link RequestStreamHandler} (bytes in, bytes
 *       out) or {@link RequestHandler} (JSON read into its input type, its result written as JSON);
 *       the method is {@code handleRequest}.</li>
 *   <li>{@code package.Class::method}: a public method of that name taking
 *       {@code (InputStream, OutputStream[, Context])}, or {@code ([input[, Context]])}; of several
 *       overloads the one with the most parameters wins. It may be static.</li>
 * </ul>
 */
final class HandlerMethod {

    private final Class<?> handlerClass;
    private final Method method;
    private final boolean stream;
    private final Type inputType;
    private final PayloadMapper mapper;

    private HandlerMethod(Class<?> handlerClass, Method method, boolean stream, Type inputType, PayloadMapper mapper) {
        this.mapper = mapper;
        this.handlerClass = handlerClass;
        this.method = method;
        this.stream = stream;
        this.inputType = inputType;
    }

    /**
     * Loads (and initialises) the handler class and finds its method.
     *
     * @throws HandlerNotFoundException with AWS's message and error type
     */
    static HandlerMethod resolve(String handler, ClassLoader loader, PayloadMapper mapper) throws Throwable {
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String methodName = separator < 0 ? null : handler.substring(separator + 2);
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new HandlerNotFoundException("Class not found: " + className, "java.lang.ClassNotFoundException", e);
        } catch (ExceptionInInitializerError e) {
            throw e.getCause() == null ? e : e.getCause();
        }
        if (methodName == null) {
            if (RequestStreamHandler.class.isAssignableFrom(type)) {
                return byName(type, "handleRequest", true, mapper);
            }
            if (RequestHandler.class.isAssignableFrom(type)) {
                return byName(type, "handleRequest", false, mapper);
            }
            throw new HandlerNotFoundException("Class " + className + " does not implement RequestHandler "
                    + "or RequestStreamHandler, so the handler must name a method: " + className + "::method",
                    "java.lang.RuntimeException", null);
        }
        return byName(type, methodName, false, mapper);
    }

    private static HandlerMethod byName(Class<?> type, String name, boolean streamOnly, PayloadMapper mapper) {
        List<Method> candidates = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> isStreamSignature(m) || (!streamOnly && isObjectSignature(m)))
                .sorted(Comparator.comparingInt(Method::getParameterCount).reversed()
                        .thenComparing(m -> isStreamSignature(m) ? 0 : 1))
                .toList();
        if (candidates.isEmpty()) {
            throw new HandlerNotFoundException("No public method named " + name
                    + " with appropriate method signature found on class " + type.getName(),
                    "java.lang.RuntimeException", null);
        }
        Method method = candidates.get(0);
        method.setAccessible(true);
        boolean stream = isStreamSignature(method);
        Type input = !stream && method.getParameterCount() > 0 && method.getParameterTypes()[0] != Context.class
                ? inputType(type, method, mapper.types()) : null;
        return new HandlerMethod(type, method, stream, input, mapper);
    }

    private static boolean isStreamSignature(Method m) {
        Class<?>[] p = m.getParameterTypes();
        return (p.length == 2 || p.length == 3) && p[0] == InputStream.class && p[1] == OutputStream.class
                && (p.length == 2 || p[2] == Context.class);
    }

    private static boolean isObjectSignature(Method m) {
        Class<?>[] p = m.getParameterTypes();
        return p.length == 0 || p.length == 1 || (p.length == 2 && p[1] == Context.class);
    }

    /** The input's generic type, with the class's type arguments bound (RequestHandler<KinesisEvent, Void>). */
    private static Type inputType(Class<?> type, Method method, TypeFactory types) {
        JavaType owner = types.constructType(type);
        if (RequestHandler.class.isAssignableFrom(type) && method.getName().equals("handleRequest")) {
            JavaType[] parameters = owner.findTypeParameters(RequestHandler.class);
            if (parameters.length == 2) {
                return parameters[0];
            }
        }
        return types.resolveMemberType(method.getGenericParameterTypes()[0], owner.getBindings());
    }

    /** A new instance for an execution environment; null for a static method. */
    Object newInstance() throws Throwable {
        if (Modifier.isStatic(method.getModifiers())) {
            return null;
        }
        try {
            var constructor = handlerClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new HandlerNotFoundException("Class " + handlerClass.getName()
                    + " has no public zero-argument constructor", "java.lang.RuntimeException", e);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Runs the handler on one event.
     *
     * @throws PayloadException when the event does not fit the input type or the result cannot be written
     * @throws Throwable        whatever the function threw
     */
    byte[] invoke(Object instance, byte[] payload, Context context) throws Throwable {
        Object[] arguments;
        ByteArrayOutputStream output = null;
        if (stream) {
            output = new ByteArrayOutputStream();
            InputStream input = new ByteArrayInputStream(payload);
            arguments = method.getParameterCount() == 3
                    ? new Object[] {input, output, context} : new Object[] {input, output};
        } else {
            Object input = null;
            if (inputType != null) {
                try {
                    input = mapper.read(payload, inputType);
                } catch (java.io.IOException e) {
                    throw new PayloadException("An error occurred during JSON parsing", e);
                }
            }
            arguments = switch (method.getParameterCount()) {
                case 0 -> new Object[0];
                case 1 -> method.getParameterTypes()[0] == Context.class ? new Object[] {context} : new Object[] {input};
                default -> new Object[] {input, context};
            };
        }
        Object result;
        try {
            result = method.invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (stream) {
            return output.toByteArray();
        }
        try {
            return mapper.write(result);
        } catch (java.io.IOException e) {
            throw new PayloadException("An error occurred during JSON serialization of response", e);
        }
    }

    /** The handler cannot be found or made: AWS reports these with its own message and type. */
    static final class HandlerNotFoundException extends RuntimeException {
        final String errorType;

        HandlerNotFoundException(String message, String errorType, Throwable cause) {
            super(message, cause);
            this.errorType = errorType;
        }
    }

    /** The event could not be read into the handler's input, or its result not written. */
    static final class PayloadException extends RuntimeException {
        PayloadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
