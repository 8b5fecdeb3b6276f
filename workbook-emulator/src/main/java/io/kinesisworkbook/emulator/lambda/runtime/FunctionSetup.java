package io.kinesisworkbook.emulator.lambda.runtime;

import java.util.Map;

/**
 * What a function's execution environments are made from: one version of its code and configuration.
 * A new code or configuration is a new setup, with new environments (a cold start), as on AWS.
 *
 * @param functionName  the function's name
 * @param functionArn   its unqualified ARN
 * @param version       {@code $LATEST} or a published version number
 * @param region        its region
 * @param handler       {@code package.Class::method} or {@code package.Class}
 * @param timeoutSeconds how long one invocation may run
 * @param memorySize    MB, reported by the Context and the REPORT line
 * @param environment   the variables {@link FunctionEnvironment} hands the function, AWS's reserved ones included
 * @param logStreamName the log stream its environments write to
 */
public record FunctionSetup(String functionName, String functionArn, String version, String region, String handler,
                           int timeoutSeconds, int memorySize, Map<String, String> environment, String logStreamName) {
}
