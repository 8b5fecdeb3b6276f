package io.kinesisworkbook.emulator.lambda;

import java.util.List;
import java.util.Map;

/**
 * What CreateFunction and UpdateFunctionConfiguration set: everything of a version but its code.
 *
 * @param runtime          java17 or java21
 * @param handler          {@code package.Class::method} or {@code package.Class}
 * @param role             the execution role's ARN (checked for form only: the emulator has no IAM)
 * @param timeout          seconds, 1-900
 * @param memorySize       MB, 128-10240
 * @param description      free text, up to 256 characters
 * @param variables        Environment.Variables
 * @param architectures    x86_64 or arm64 (reported only: the JVM is the JVM)
 * @param ephemeralStorage /tmp size in MB (reported only)
 */
record FunctionConfiguration(String runtime, String handler, String role, int timeout, int memorySize,
                             String description, Map<String, String> variables, List<String> architectures,
                             int ephemeralStorage) {

    static final int DEFAULT_TIMEOUT = 3;
    static final int DEFAULT_MEMORY = 128;

    FunctionConfiguration {
        variables = Map.copyOf(variables);
        architectures = List.copyOf(architectures);
    }
}
