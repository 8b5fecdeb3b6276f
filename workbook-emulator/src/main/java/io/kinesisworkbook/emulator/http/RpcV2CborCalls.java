package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The edge's Smithy RPC v2 CBOR front ({@link RpcV2Cbor}): takes {@code POST /service/NAME/operation/OP}
 * calls marked {@code smithy-protocol: rpc-v2-cbor}, hands them to the {@link RpcV2CborService}
 * named in the path, and writes its answer or error in CBOR.
 */
final class RpcV2CborCalls {

    private static final Logger LOG = Logger.getLogger(RpcV2CborCalls.class.getName());

    private RpcV2CborCalls() {
    }

    /** Answers the request if it is an RPC v2 CBOR call; false leaves it to the other protocols. */
    static boolean answer(ChannelHandlerContext context, FullHttpRequest request, EdgeRouter router) {
        String protocolHeader = request.headers().get(RpcV2Cbor.PROTOCOL_HEADER);
        if (!RpcV2Cbor.PROTOCOL_NAME.equals(protocolHeader)) {
            return false;
        }
        String requestId = EdgeHandler.newRequestId();
        RpcV2Cbor.Address address = RpcV2Cbor.addressOf(request.uri());
        RpcV2CborService service = address == null ? null : router.rpcV2ServiceFor(address.service());
        if (service == null || !request.method().equals(HttpMethod.POST)) {
            // Smithy's servers answer a path that names no operation they have with 404.
            writeError(context, request, requestId, "", new AwsServiceException("UnknownOperationException",
                    "Unknown operation " + request.method() + " " + request.uri(), 404));
            return true;
        }
        try {
            byte[] bytes = RequestBodies.bytes(request);
            JsonNode body = AwsProtocol.RPC_V2_CBOR.read(new java.io.ByteArrayInputStream(bytes), bytes.length);
            String region = router.regionOf(request.headers().get(HttpHeaderNames.AUTHORIZATION));
            AwsResponse response = service.handle(new AwsRequest(address.operation(), region, AwsProtocol.RPC_V2_CBOR, body));
            if (!(response instanceof AwsResponse.Structure structure)) {
                throw new IllegalStateException("RPC v2 CBOR answers structures only, not " + response);
            }
            EdgeHandler.write(context, request, HttpResponseStatus.OK, AwsProtocol.RPC_V2_CBOR.contentType(), requestId,
                    AwsProtocol.RPC_V2_CBOR.write(structure.body()), null, protocolHeaders());
        } catch (AwsServiceException e) {
            writeError(context, request, requestId, service.shapeNamespace(), e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "internal failure answering " + request.uri(), e);
            writeError(context, request, requestId, service.shapeNamespace(), AwsServiceException.internalFailure());
        }
        return true;
    }

    /**
     * An error's CBOR body: {@code __type} is the error's shape id ({@code com.amazonaws.cloudwatch#...})
     * for the service's own errors, the bare name for the protocol's (SerializationException, ...).
     */
    private static void writeError(ChannelHandlerContext context, FullHttpRequest request, String requestId,
                                   String namespace, AwsServiceException error) {
        ObjectNode body = AwsProtocol.RPC_V2_CBOR.mapper().createObjectNode();
        boolean serviceError = !namespace.isEmpty() && error.isQueryCompatible();
        body.put("__type", serviceError ? namespace + "#" + error.errorType() : error.errorType());
        body.put("message", error.getMessage());
        if (error.details() != null) {
            body.setAll(error.details());
        }
        Map<String, String> headers = protocolHeaders();
        headers.putAll(EdgeHandler.queryErrorHeader(error));
        EdgeHandler.write(context, request, HttpResponseStatus.valueOf(error.status()),
                AwsProtocol.RPC_V2_CBOR.contentType(), requestId, AwsProtocol.RPC_V2_CBOR.write(body), null, headers);
    }

    private static Map<String, String> protocolHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RpcV2Cbor.PROTOCOL_HEADER, RpcV2Cbor.PROTOCOL_NAME);
        return headers;
    }
}
