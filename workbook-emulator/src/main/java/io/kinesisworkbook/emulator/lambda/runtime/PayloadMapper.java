package io.kinesisworkbook.emulator.lambda.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Date;

/**
 * Turns an invocation's JSON into a handler's input object and its result back into JSON, with the
 * rules of AWS's Java runtime.
 *
 * <p>Plain types (String, Map, List, numbers, POJOs) use the runtime's Jackson settings: bean
 * properties by standard bean naming and case-sensitive, unknown properties ignored, a single value
 * accepted where a list is expected, nulls left out of results, java.time types supported.
 *
 * <p>The classes of {@code aws-lambda-java-events} (any class in
 * {@code com.amazonaws.services.lambda.runtime.events}) get what AWS's runtime gets from its
 * per-event mix-ins: member names match whatever their case ({@code Records} fills
 * {@code setRecords}, {@code eventSourceARN} fills {@code setEventSourceARN}) and dates are epoch
 * seconds with a fraction ({@code approximateArrivalTimestamp: 1545084650.987}), as the events AWS's
 * services send carry them. That is what KinesisEvent and KinesisFirehoseEvent need; the events
 * whose JSON does not follow their Java names in any case (a few of the DynamoDB stream shapes) are
 * not mapped.
 */
final class PayloadMapper {

    static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

    private final ObjectMapper pojos = baseBuilder().build()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final ObjectMapper events = baseBuilder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .addModule(new SimpleModule("lambda-events")
                    .addDeserializer(Date.class, new EpochSecondsDateDeserializer())
                    .addSerializer(Date.class, new EpochSecondsDateSerializer()))
            .build()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * One per function setup: Jackson caches what it learns of a function's classes, and a mapper
     * that lives as long as the setup lets a replaced function's class loader be collected.
     */
    PayloadMapper() {
    }

    TypeFactory types() {
        return pojos.getTypeFactory();
    }

    private static JsonMapper.Builder baseBuilder() {
        return JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
                        JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                        JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .enable(MapperFeature.USE_STD_BEAN_NAMING)
                .disable(MapperFeature.AUTO_DETECT_CREATORS, MapperFeature.INFER_PROPERTY_MUTATORS,
                        MapperFeature.USE_GETTERS_AS_SETTERS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
                .addModule(new JavaTimeModule());
    }

    static boolean isEventType(Class<?> type) {
        return type.getName().startsWith(EVENTS_PACKAGE);
    }

    /** Reads the event into the handler's input type. */
    Object read(byte[] json, Type type) throws IOException {
        JavaType javaType = pojos.getTypeFactory().constructType(type);
        ObjectMapper mapper = isEventType(javaType.getRawClass()) ? events : pojos;
        if (json.length == 0) {
            return null;
        }
        return mapper.readValue(json, javaType);
    }

    /** Writes a handler's result; null (and a void method) give {@code null}. */
    byte[] write(Object value) throws IOException {
        if (value == null) {
            return "null".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        ObjectMapper mapper = isEventType(value.getClass()) ? events : pojos;
        return mapper.writeValueAsBytes(value);
    }

    /** Dates in AWS's events: epoch seconds, maybe with a fraction; ISO-8601 text is read too. */
    private static final class EpochSecondsDateDeserializer extends JsonDeserializer<Date> {
        @Override
        public Date deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal seconds = parser.getDecimalValue();
                return new Date(seconds.movePointRight(3).longValue());
            }
            if (token == JsonToken.VALUE_STRING) {
                return Date.from(java.time.Instant.parse(parser.getText()));
            }
            return (Date) context.handleUnexpectedToken(Date.class, parser);
        }
    }

    private static final class EpochSecondsDateSerializer extends JsonSerializer<Date> {
        @Override
        public void serialize(Date value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeNumber(BigDecimal.valueOf(value.getTime()).movePointLeft(3));
        }
    }
}
