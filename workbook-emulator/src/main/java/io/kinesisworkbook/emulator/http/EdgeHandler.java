package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns one HTTP request into one service call and its answer into an HTTP response: the thin
 * protocol layer in front of every {@link TargetService}. Errors leave here in AWS's shape
 * ({@code __type} and {@code message} in the body, {@code x-amzn-ErrorType} in the headers), never
 * as a stack trace.
 */
final class EdgeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = Logger.getLogger(EdgeHandler.class.getName());
    static final String HEALTH_PATH = "/_workbook/health";

    private final EdgeRouter router;

    EdgeHandler(EdgeRouter router) {
        this.router = router;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
        if (request.method().equals(HttpMethod.GET) && request.uri().startsWith(HEALTH_PATH)) {
            writeHealth(context, request);
            return;
        }
        if (RpcV2CborCalls.answer(context, request, router)) {
            return;
        }
        if (!request.headers().contains("X-Amz-Target")) {
            if (QueryCalls.answer(context, request, router)) {
                return;
            }
            RestRequest rest = restRequest(request);
            RestService service;
            try {
                service = router.restServiceFor(rest);
            } catch (IllegalArgumentException malformedUri) {
                writeRest(context, request, RestResponse.json(400, "{\"message\":\"Invalid URI: "
                        + malformedUri.getMessage().replace("\"", "'") + "\"}"), false);
                return;
            }
            if (service != null) {
                answerRest(context, request, service, rest);
                return;
            }
        }
        AwsProtocol protocol = AwsProtocol.fromContentType(request.headers().get(HttpHeaderNames.CONTENT_TYPE));
        String requestId = newRequestId();
        AwsResponse response;
        try {
            response = call(request, protocol);
        } catch (AwsServiceException e) {
            writeError(context, request, protocol, requestId, e);
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "internal failure answering " + request.headers().get("X-Amz-Target"), e);
            writeError(context, request, protocol, requestId, AwsServiceException.internalFailure());
            return;
        }
        if (response instanceof AwsResponse.Structure structure) {
            writeStructure(context, request, protocol, requestId, structure.body());
        } else if (response instanceof AwsResponse.EventStream stream) {
            EventStreamWriter.start(context, request, protocol, requestId, stream.source());
        }
    }

    private RestRequest restRequest(FullHttpRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
        byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        String region = router.regionOf(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        return new RestRequest(request.method().name(), request.uri(), headers, body, region);
    }

    /** Calls a REST service off the I/O thread's back and writes its answer when it comes. */
    private void answerRest(ChannelHandlerContext context, FullHttpRequest request, RestService service, RestRequest rest) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        CompletableFuture<RestResponse> answer;
        try {
            answer = service.handle(rest);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, failure) -> {
            if (failure != null || response == null) {
                LOG.log(Level.WARNING, "internal failure answering " + rest.method() + " " + rest.uri(), failure);
                response = internalFailure();
            }
            try {
                writeRest(context, keepAlive, head, response);
            } catch (RuntimeException e) {
                // a response that cannot be written (a null body, say) still gets an answer
                LOG.log(Level.WARNING, "cannot write the answer to " + rest.method() + " " + rest.uri(), e);
                writeRest(context, false, head, internalFailure());
            }
        });
    }

    private static RestResponse internalFailure() {
        return RestResponse.json(500, "{\"__type\":\"InternalFailure\",\"message\":\"The request processing has "
                + "failed because of an unknown error, exception or failure.\"}");
    }

    private void writeRest(ChannelHandlerContext context, FullHttpRequest request, RestResponse response, boolean head) {
        writeRest(context, HttpUtil.isKeepAlive(request), head, response);
    }

    private static void writeRest(ChannelHandlerContext context, boolean keepAlive, boolean head, RestResponse response) {
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
        response.headers().forEach((name, value) -> http.headers().set(name, value));
        if (!http.headers().contains("x-amzn-RequestId")) {
            http.headers().set("x-amzn-RequestId", newRequestId());
        }
        if (!head || !http.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        }
        HttpUtil.setKeepAlive(http, keepAlive);
        var written = context.writeAndFlush(http);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private AwsResponse call(FullHttpRequest request, AwsProtocol protocol) {
        if (!request.method().equals(HttpMethod.POST)) {
            throw AwsServiceException.unknownOperation(request.headers().get("X-Amz-Target"));
        }
        String target = request.headers().get("X-Amz-Target");
        TargetService service = router.serviceFor(target);
        JsonNode body;
        if (RequestBodies.isCompressed(request)) {
            byte[] bytes = RequestBodies.bytes(request);
            body = protocol.read(new java.io.ByteArrayInputStream(bytes), bytes.length);
        } else {
            body = protocol.read(new ByteBufInputStream(request.content()), request.content().readableBytes());
        }
        String region = router.regionOf(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        return service.handle(new AwsRequest(EdgeRouter.operationOf(target), region, protocol, body));
    }

    private void writeStructure(ChannelHandlerContext context, FullHttpRequest request, AwsProtocol protocol,
                                String requestId, JsonNode body) {
        byte[] bytes = protocol.write(body);
        write(context, request, HttpResponseStatus.OK, protocol.contentType(), requestId, bytes, null);
    }

    private void writeError(ChannelHandlerContext context, FullHttpRequest request, AwsProtocol protocol,
                            String requestId, AwsServiceException error) {
        ObjectNode body = protocol.mapper().createObjectNode();
        body.put("__type", error.errorType());
        body.put("message", error.getMessage());
        if (error.details() != null) {
            body.setAll(error.details());
        }
        write(context, request, HttpResponseStatus.valueOf(error.status()), protocol.contentType(), requestId,
                protocol.write(body), error.errorType(), queryErrorHeader(error));
    }

    /**
     * {@code x-amzn-query-error: InvalidParameterValue;Sender}: how a service that also speaks the
     * query protocol tells JSON and CBOR clients the error's query code.
     */
    static Map<String, String> queryErrorHeader(AwsServiceException error) {
        return error.isQueryCompatible()
                ? Map.of("x-amzn-query-error", error.queryCode() + ";" + (error.status() < 500 ? "Sender" : "Receiver"))
                : Map.of();
    }

    private void writeHealth(ChannelHandlerContext context, FullHttpRequest request) {
        StringBuilder json = new StringBuilder("{\"services\":{");
        String separator = "";
        for (TargetService service : router.services()) {
            json.append(separator).append('"').append(service.name()).append("\":\"running\"");
            separator = ",";
        }
        for (QueryService service : router.queryServices()) {
            if (!(service instanceof TargetService)) {
                json.append(separator).append('"').append(service.name()).append("\":\"running\"");
                separator = ",";
            }
        }
        for (RestService service : router.restServices()) {
            json.append(separator).append('"').append(service.name()).append("\":\"running\"");
            separator = ",";
        }
        json.append("}}");
        write(context, request, HttpResponseStatus.OK, "application/json", newRequestId(),
                json.toString().getBytes(StandardCharsets.UTF_8), null);
    }

    private static void write(ChannelHandlerContext context, FullHttpRequest request, HttpResponseStatus status,
                              String contentType, String requestId, byte[] body, String errorType) {
        write(context, request, status, contentType, requestId, body, errorType, Map.of());
    }

    /** Writes one whole answer; every protocol's answers leave through here. */
    static void write(ChannelHandlerContext context, FullHttpRequest request, HttpResponseStatus status,
                      String contentType, String requestId, byte[] body, String errorType, Map<String, String> headers) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set("x-amzn-RequestId", requestId);
        if (errorType != null) {
            response.headers().set("x-amzn-ErrorType", errorType);
        }
        headers.forEach((name, value) -> response.headers().set(name, value));
        HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
        var future = context.writeAndFlush(response);
        if (!HttpUtil.isKeepAlive(request)) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    static HttpResponse streamHeaders(String requestId) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/vnd.amazon.eventstream")
                .set("x-amzn-RequestId", requestId);
        HttpUtil.setTransferEncodingChunked(response, true);
        return response;
    }

    /** Request ids only need to be unique, not secure: avoid SecureRandom on the hot path. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // A client that goes away mid-request is routine; anything else is worth a line, not a trace.
        LOG.log(Level.FINE, "connection error", cause);
        context.close();
    }
}
