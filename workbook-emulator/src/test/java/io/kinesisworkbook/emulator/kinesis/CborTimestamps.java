package io.kinesisworkbook.emulator.kinesis;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How a Kinesis endpoint writes a timestamp in CBOR, read from the raw bytes of a
 * DescribeStreamSummary answer: the CBOR tag before the value, if any, and the value's CBOR type.
 * AWS writes tag 1 around an integer of epoch milliseconds.
 */
final class CborTimestamps {

    /** HTTP/1.1 without an h2c upgrade, and never waiting for ever: a raw request must not hang a test (a busy machine may be slow). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private CborTimestamps() {
    }

    /** {@code tag=1 integer} or, without a tag, {@code tag=none integer}; the field named in a summary's answer. */
    static String describe(URI endpoint, String jsonRequest, String field) {
        try {
            byte[] body = new CBORMapper().writeValueAsBytes(new ObjectMapper().readTree(jsonRequest));
            HttpRequest request = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-amz-cbor-1.1")
                    .header("X-Amz-Target", "Kinesis_20131202.DescribeStreamSummary")
                    // The shape of a signature (kinesis-mock checks it is there; neither side checks its value).
                    .header("X-Amz-Date", "20260101T000000Z")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=a/20260101/us-east-1/kinesis/aws4_request, "
                            + "SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64))
                    .build();
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] answer = response.body();
            try (CBORParser parser = new CBORFactory().createParser(answer)) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.FIELD_NAME && parser.getCurrentName().equals(field)) {
                        JsonToken value = parser.nextToken();
                        int tag = parser.getCurrentTag();
                        return "tag=" + (tag < 0 ? "none" : tag) + " " + (value == JsonToken.VALUE_NUMBER_INT ? "integer"
                                : value == JsonToken.VALUE_NUMBER_FLOAT ? "float" : value.toString());
                    }
                }
            }
            return "no " + field + " (status " + response.statusCode() + ", "
                    + response.headers().firstValue("content-type").orElse("no content type") + ", "
                    + new ObjectMapper().writeValueAsString(new CBORMapper().readTree(answer)) + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
