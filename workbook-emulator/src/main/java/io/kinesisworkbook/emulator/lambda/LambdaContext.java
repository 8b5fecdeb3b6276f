package io.kinesisworkbook.emulator.lambda;

import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.lambda.runtime.DeploymentPackage;
import io.kinesisworkbook.emulator.lambda.runtime.FunctionExecutor;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** What Lambda's operations share. */
final class LambdaContext {

    final FunctionRegistry functions;
    final FunctionExecutor executor;
    final ObjectStore objects;
    final EmulatorClock clock;
    final long transitionMillis;
    private final Path codeRoot;
    private final AtomicLong packages = new AtomicLong();

    LambdaContext(EmulatorOptions options, ObjectStore objects) {
        this.functions = new FunctionRegistry(options.accountId(), options.clock());
        this.executor = new FunctionExecutor(options.clock());
        this.objects = objects;
        this.clock = options.clock();
        this.transitionMillis = options.transitionDelay().toMillis();
        try {
            this.codeRoot = Files.createTempDirectory("workbook-lambda-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpacks an upload into a directory of its own (AWS's /var/task). */
    DeploymentPackage unpack(byte[] zip) {
        return DeploymentPackage.unpack(zip, codeRoot.resolve("code-" + packages.incrementAndGet()));
    }

    /** When a transition started now ends. */
    long settlesAt() {
        return clock.millis() + transitionMillis;
    }

    void close() {
        executor.close();
        DeploymentPackage.deleteTree(codeRoot);
    }
}
