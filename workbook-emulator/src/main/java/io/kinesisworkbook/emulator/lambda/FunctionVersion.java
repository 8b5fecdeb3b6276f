package io.kinesisworkbook.emulator.lambda;

import io.kinesisworkbook.emulator.lambda.runtime.DeploymentPackage;
import io.kinesisworkbook.emulator.lambda.runtime.FunctionRuntime;

/**
 * One version of a function as it runs: {@code $LATEST} as of one update, or a published number.
 * Immutable; an update makes a new one, with a runtime (and so execution environments) of its own.
 *
 * @param version      {@code $LATEST} or "1", "2", ...
 * @param config       its configuration
 * @param code         its unpacked code
 * @param runtime      what runs it
 * @param revisionId   changes with every update, for RevisionId preconditions
 * @param lastModified epoch millis of the update that made it
 */
record FunctionVersion(String version, FunctionConfiguration config, DeploymentPackage code, FunctionRuntime runtime,
                       String revisionId, long lastModified) {

    static final String LATEST = "$LATEST";
}
