package io.kinesisworkbook.emulator.lambda.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON AWS's Java runtime answers for a function that threw:
 * {@code {"errorMessage": ..., "errorType": "java.lang.IllegalStateException", "stackTrace": [...],
 * "cause": {...}}}, the frames as {@link StackTraceElement#toString()} writes them.
 */
final class ErrorDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMULATOR_PACKAGE = "io.kinesisworkbook.emulator.";

    private ErrorDocument() {
    }

    static byte[] of(Throwable error) {
        return bytes(node(error, 0));
    }

    /** An error the runtime reports with a message and type of its own, with {@code cause}'s trace. */
    static byte[] of(String message, String type, Throwable cause) {
        ObjectNode document = JSON.createObjectNode();
        document.put("errorMessage", message);
        document.put("errorType", type);
        ArrayNode trace = document.putArray("stackTrace");
        if (cause != null) {
            userFrames(cause).forEach(trace::add);
        }
        return bytes(document);
    }

    /** A failure outside any Java code, e.g. {@code Sandbox.Timedout}: no stack trace. */
    static byte[] plain(String message, String type) {
        ObjectNode document = JSON.createObjectNode();
        document.put("errorType", type);
        document.put("errorMessage", message);
        return bytes(document);
    }

    private static ObjectNode node(Throwable error, int depth) {
        ObjectNode document = JSON.createObjectNode();
        if (error.getLocalizedMessage() != null) {
            document.put("errorMessage", error.getLocalizedMessage());
        }
        document.put("errorType", error.getClass().getName());
        ArrayNode trace = document.putArray("stackTrace");
        userFrames(error).forEach(trace::add);
        Throwable cause = error.getCause();
        if (cause != null && cause != error && depth < 20) {
            document.set("cause", node(cause, depth + 1));
        }
        return document;
    }

    /**
     * The frames down to the function's handler: the emulator's own frames, and the reflection that
     * called the handler, are the runtime's business, as AWS leaves its runtime's frames out.
     */
    static List<String> userFrames(Throwable error) {
        StackTraceElement[] frames = error.getStackTrace();
        int end = frames.length;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().startsWith(EMULATOR_PACKAGE)) {
                end = i;
                break;
            }
        }
        while (end > 0 && isReflection(frames[end - 1])) {
            end--;
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            lines.add(frames[i].toString());
        }
        return lines;
    }

    private static boolean isReflection(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.startsWith("jdk.internal.reflect.") || type.startsWith("java.lang.reflect.")
                || type.startsWith("java.lang.invoke.");
    }

    /** The log lines AWS's Java runtime writes for an error: the message, then the trace. */
    static String logText(Throwable error) {
        StringWriter text = new StringWriter();
        text.append(error.getLocalizedMessage() == null ? "" : error.getLocalizedMessage())
                .append(": ").append(error.getClass().getName()).append('\n');
        PrintWriter writer = new PrintWriter(text);
        error.printStackTrace(writer);
        writer.flush();
        return text.toString();
    }

    private static byte[] bytes(ObjectNode document) {
        try {
            return JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
