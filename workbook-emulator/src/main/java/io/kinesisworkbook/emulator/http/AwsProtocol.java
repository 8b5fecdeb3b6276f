package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * The body encodings of AWS's RPC protocols. AWS SDKs for Java talk CBOR to Kinesis by default and
 * JSON when told {@code aws.cborEnabled=false}; both carry the same members, so services work on one
 * tree ({@link JsonNode}) and never see the encoding.
 *
 * <p>They differ in a few places only: blobs (base64 text in JSON, byte strings in CBOR),
 * timestamps (epoch seconds in JSON, epoch milliseconds in CBOR 1.1, epoch seconds under CBOR tag 1
 * in Smithy RPC v2 CBOR, ISO 8601 text in the query protocol) and scalars (text in the query
 * protocol's forms). {@link Members} hides all of them.
 *
 * <p>Two of these are not chosen by Content-Type: {@link #RPC_V2_CBOR} is the protocol of requests to
 * {@code /service/NAME/operation/OP} (see {@link RpcV2Cbor}), {@link #QUERY} the protocol of form
 * posts with an {@code Action} (see {@link QueryProtocol}); the query protocol answers in XML.
 */
public enum AwsProtocol {
    JSON_1_0("application/x-amz-json-1.0", new ObjectMapper()),
    JSON_1_1("application/x-amz-json-1.1", new ObjectMapper()),
    CBOR_1_1("application/x-amz-cbor-1.1", new CBORMapper()),
    RPC_V2_CBOR("application/cbor", RpcV2Cbor.mapper()),
    QUERY("text/xml", new ObjectMapper());

    private final String contentType;
    private final ObjectMapper mapper;

    AwsProtocol(String contentType, ObjectMapper mapper) {
        this.contentType = contentType;
        this.mapper = mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** The protocol a request's Content-Type names, or JSON 1.1 when it names none we know. */
    public static AwsProtocol fromContentType(String contentType) {
        if (contentType != null) {
            String type = contentType.toLowerCase(Locale.ROOT);
            for (AwsProtocol protocol : List.of(JSON_1_0, JSON_1_1, CBOR_1_1)) {
                if (type.startsWith(protocol.contentType)) {
                    return protocol;
                }
            }
        }
        return JSON_1_1;
    }

    public String contentType() {
        return contentType;
    }

    /** Whether bodies are CBOR (either CBOR protocol). */
    public boolean isCbor() {
        return this == CBOR_1_1 || this == RPC_V2_CBOR;
    }

    /** Whether timestamps travel as integer epoch milliseconds (AWS's CBOR 1.1 only). */
    boolean timestampsInMillis() {
        return this == CBOR_1_1;
    }

    /** Whether every scalar arrives as text, as in the query protocol's forms. */
    boolean scalarsAsText() {
        return this == QUERY;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Reads a request body; an empty body is an empty object, as AWS treats it. */
    public JsonNode read(InputStream body, int length) {
        if (length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree instanceof NullNode) {
                return mapper.createObjectNode();
            }
            if (!tree.isObject()) {
                throw AwsServiceException.serialization("Start of structure or map found where not expected.");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw AwsServiceException.serialization(isCbor()
                    ? "Unable to parse CBOR request body" : "Unable to parse JSON request body");
        } catch (IOException e) {
            throw AwsServiceException.serialization("Unable to read request body");
        }
    }

    public byte[] write(JsonNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a response body", e);
        }
    }
}
