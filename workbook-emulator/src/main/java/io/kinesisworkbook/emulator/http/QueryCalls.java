package io.kinesisworkbook.emulator.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The edge's query-protocol front ({@link QueryProtocol}): takes forms posted as
 * {@code application/x-www-form-urlencoded} (or sent as a GET's query string) that a
 * {@link QueryService} claims, and answers in XML ({@link QueryXml}). Forms no query service claims
 * go on to the REST services.
 */
final class QueryCalls {

    private static final Logger LOG = Logger.getLogger(QueryCalls.class.getName());
    private static final String XML = "text/xml";

    private QueryCalls() {
    }

    /** Answers the request if it is a query-protocol form for one of our query services. */
    static boolean answer(ChannelHandlerContext context, FullHttpRequest request, EdgeRouter router) {
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        String requestId = EdgeHandler.newRequestId();
        String form;
        try {
            form = formOf(request);
        } catch (AwsServiceException unreadable) { // a body that says it is gzip and is not
            QueryService signedFor = router.queryServiceFor(authorization, null);
            if (signedFor == null) {
                return false;
            }
            writeError(context, request, signedFor, requestId, unreadable);
            return true;
        }
        if (form == null) {
            return false;
        }
        QueryService service = router.queryServiceFor(authorization, QueryProtocol.versionOf(form));
        if (service == null) {
            return false;
        }
        try {
            QueryProtocol.Call call = QueryProtocol.parse(form);
            AwsRequest awsRequest = new AwsRequest(call.action(), router.regionOf(authorization), AwsProtocol.QUERY,
                    call.body());
            AwsResponse response = service.handle(awsRequest);
            if (!(response instanceof AwsResponse.Structure structure)) {
                throw new IllegalStateException("the query protocol answers structures only, not " + response);
            }
            EdgeHandler.write(context, request, HttpResponseStatus.OK, XML, requestId,
                    QueryXml.response(call.action(), service.xmlNamespace(), requestId, structure.body()), null, Map.of());
        } catch (AwsServiceException e) {
            writeError(context, request, service, requestId, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "internal failure answering a " + service.name() + " form", e);
            writeError(context, request, service, requestId, AwsServiceException.internalFailure());
        }
        return true;
    }

    private static void writeError(ChannelHandlerContext context, FullHttpRequest request, QueryService service,
                                   String requestId, AwsServiceException error) {
        EdgeHandler.write(context, request, HttpResponseStatus.valueOf(error.status()), XML, requestId,
                QueryXml.error(service.xmlNamespace(), requestId, error.queryCode(), error.getMessage(), error.status() < 500),
                null, Map.of());
    }

    /** The form a request carries: a urlencoded POST body, or a GET's query string with an Action; else null. */
    private static String formOf(FullHttpRequest request) {
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (request.method().equals(HttpMethod.POST) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith(QueryProtocol.FORM_CONTENT_TYPE)) {
            return new String(RequestBodies.bytes(request), StandardCharsets.UTF_8);
        }
        int query = request.uri().indexOf('?');
        if (request.method().equals(HttpMethod.GET) && query >= 0) {
            String parameters = request.uri().substring(query + 1);
            if (parameters.startsWith("Action=") || parameters.contains("&Action=")) {
                return parameters;
            }
        }
        return null;
    }
}
