package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One decoded RPC call: which operation, in which region, with which members.
 *
 * @param operation the part of {@code X-Amz-Target} after the dot, e.g. {@code PutRecord}
 * @param region    the region of the request's signature, or the emulator's default region
 * @param protocol  the body encoding the client used; the response uses the same
 * @param body      the request's members
 */
public record AwsRequest(String operation, String region, AwsProtocol protocol, JsonNode body) {

    public Members members() {
        return new Members(body, protocol);
    }

    /** A new, empty response structure in this request's encoding. */
    public ObjectNode newObject() {
        return protocol.mapper().createObjectNode();
    }
}
