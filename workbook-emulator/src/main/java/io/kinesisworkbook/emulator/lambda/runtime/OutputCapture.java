package io.kinesisworkbook.emulator.lambda.runtime;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Sends what a function prints with {@code System.out} and {@code System.err} into its invocation's
 * log, as AWS does with a function's standard output.
 *
 * <p>There is one System.out per JVM, so the emulator puts a dispatching stream in its place: a
 * write from a thread that runs a function (or a thread that function started) goes to that
 * invocation's log; every other write goes to the stream that was there before, unchanged. Whoever
 * replaces System.out later (a notebook kernel capturing a cell) takes the capture away until the
 * next invocation puts it back in front of the new stream.
 */
final class OutputCapture {

    private static final InheritableThreadLocal<InvocationLog> CURRENT = new InheritableThreadLocal<>();

    private OutputCapture() {
    }

    /** Routes this thread's output to {@code log} until {@link #end()}. */
    static void begin(InvocationLog log) {
        install();
        CURRENT.set(log);
    }

    static void end() {
        CURRENT.remove();
    }

    private static synchronized void install() {
        if (!(System.out instanceof Dispatching)) {
            System.setOut(new Dispatching(System.out));
        }
        if (!(System.err instanceof Dispatching)) {
            System.setErr(new Dispatching(System.err));
        }
    }

    /** A PrintStream whose every write is routed by the writing thread. */
    private static final class Dispatching extends PrintStream {
        Dispatching(PrintStream original) {
            super(new Router(original), true, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static final class Router extends OutputStream {
        private final PrintStream original;

        Router(PrintStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            InvocationLog log = CURRENT.get();
            if (log != null && !log.isClosed()) {
                log.append(data, offset, length);
            } else {
                original.write(data, offset, length);
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
