package io.kinesisworkbook.emulator.lambda.runtime;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * What one invocation wrote, as its CloudWatch log stream would hold it: the runtime's START, END
 * and REPORT lines, the function's {@link LambdaLogger} lines and, while it runs, its thread's
 * {@code System.out} and {@code System.err}.
 */
public final class InvocationLog implements LambdaLogger {

    /** What {@code X-Amz-Log-Type: Tail} returns: the last 4 KB. */
    static final int TAIL_BYTES = 4096;
    /** A runaway function cannot fill the heap: past this the oldest half is dropped. */
    private static final int MAX_BYTES = 1 << 20;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile boolean closed;

    /** A LambdaLogger line: written as given, with a line break added when it has none. */
    @Override
    public void log(String message) {
        log(String.valueOf(message).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void log(byte[] message) {
        append(message, 0, message.length);
        if (message.length == 0 || message[message.length - 1] != '\n') {
            append(new byte[] {'\n'}, 0, 1);
        }
    }

    /** A line of the runtime's own (START, END, REPORT, errors). */
    synchronized void line(String text) {
        log(text);
    }

    /** Raw output of System.out or System.err: kept as written. */
    synchronized void append(byte[] data, int offset, int length) {
        bytes.write(data, offset, length);
        if (bytes.size() > MAX_BYTES) {
            byte[] all = bytes.toByteArray();
            bytes.reset();
            bytes.write(all, all.length / 2, all.length - all.length / 2);
        }
    }

    /** After END, output from threads the function left running is no longer this invocation's. */
    void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** {@code X-Amz-Log-Result}: the base64 of the last 4 KB. */
    public synchronized String tailBase64() {
        byte[] all = bytes.toByteArray();
        byte[] tail = all.length <= TAIL_BYTES ? all : Arrays.copyOfRange(all, all.length - TAIL_BYTES, all.length);
        return Base64.getEncoder().encodeToString(tail);
    }
}
