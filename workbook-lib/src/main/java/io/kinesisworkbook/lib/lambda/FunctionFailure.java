package io.kinesisworkbook.lib.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A function's failure in words: Invoke answers a failed function with status 200, a
 * {@code FunctionError} ({@code Unhandled}) and a payload {@code {"errorType", "errorMessage",
 * "stackTrace"}} in place of the answer. Code that read that payload as an answer would fail far
 * from the cause; this says what failed, where.
 */
final class FunctionFailure {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOG_LINES = 5;

    private FunctionFailure() {
    }

    /** "Function log-transform failed (Unhandled): java.lang.IllegalStateException: boom. Its log ends: ..." */
    static String describe(String function, String functionError, String payload, String log) {
        StringBuilder message = new StringBuilder("Function ").append(function).append(" failed (").append(functionError)
                .append("): ").append(errorOf(payload));
        List<String> lines = Arrays.stream(log.strip().split("\n")).filter(line -> !line.isBlank()).toList();
        if (!lines.isEmpty()) {
            message.append(". Its log ends:\n  ")
                    .append(String.join("\n  ", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size())));
        }
        return message.toString();
    }

    private static String errorOf(String payload) {
        try {
            JsonNode error = JSON.readTree(payload);
            if (error != null && error.isObject()) {
                String type = error.path("errorType").asText("");
                String text = error.path("errorMessage").asText("");
                return type.isEmpty() ? text : text.isEmpty() ? type : type + ": " + text;
            }
        } catch (IOException notJson) {
            // fall through: say what came back
        }
        return payload;
    }
}
