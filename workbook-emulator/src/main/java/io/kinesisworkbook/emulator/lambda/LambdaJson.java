package io.kinesisworkbook.emulator.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinesisworkbook.emulator.http.AwsProtocol;
import io.kinesisworkbook.emulator.http.AwsServiceException;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.RestResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** JSON in and out of Lambda's API. */
final class LambdaJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Lambda's LastModified: {@code 2024-05-01T12:00:00.000+0000}. */
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT).withZone(ZoneOffset.UTC);

    private LambdaJson() {
    }

    /** A request body's members; an empty body has none. */
    static Members body(byte[] body) {
        if (body.length == 0) {
            return new Members(MAPPER.createObjectNode(), AwsProtocol.JSON_1_1);
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw AwsServiceException.serialization("Start of structure or map found where not expected.");
            }
            return new Members(node, AwsProtocol.JSON_1_1);
        } catch (JsonProcessingException e) {
            throw AwsServiceException.serialization("Could not parse request body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw AwsServiceException.serialization("Could not parse request body");
        }
    }

    static String lastModified(long epochMillis) {
        return LAST_MODIFIED.format(Instant.ofEpochMilli(epochMillis));
    }

    static RestResponse response(int status, JsonNode body) {
        try {
            return RestResponse.of(status, "application/json", MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static RestResponse empty(int status) {
        return RestResponse.of(status, null, new byte[0]);
    }
}
