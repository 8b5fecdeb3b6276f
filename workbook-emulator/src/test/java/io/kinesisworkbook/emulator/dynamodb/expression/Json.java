package io.kinesisworkbook.emulator.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helpers: JSON written with single quotes, and AWS's ValidationException. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);

    private Json() {
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static ObjectNode item(String text) {
        return (ObjectNode) json(text);
    }

    static ExpressionContext context(String names, String values) {
        return new ExpressionContext(names == null ? null : json(names), values == null ? null : json(values));
    }

    static void assertValidation(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(AwsServiceException.class)
                .hasMessage(message)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((AwsServiceException) e).errorType())
                        .isEqualTo("ValidationException"));
    }
}
