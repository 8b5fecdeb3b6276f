package io.kinesisworkbook.emulator.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * A request's body as the service reads it. AWS SDKs compress large bodies of some operations
 * (CloudWatch's PutMetricData above 10 KB, AWS's "requestCompression" trait) and say so with
 * {@code Content-Encoding: gzip}; such bodies are inflated here, up to the edge's request limit.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    static boolean isCompressed(FullHttpRequest request) {
        String encoding = request.headers().get(HttpHeaderNames.CONTENT_ENCODING);
        return encoding != null && encoding.trim().equalsIgnoreCase("gzip") && request.content().isReadable();
    }

    static byte[] bytes(FullHttpRequest request) {
        byte[] raw = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), raw);
        if (!isCompressed(request)) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            byte[] inflated = in.readNBytes(EdgeServer.MAX_REQUEST_BYTES + 1);
            if (inflated.length > EdgeServer.MAX_REQUEST_BYTES) {
                throw AwsServiceException.clientError("RequestEntityTooLarge", "The request body is too large once "
                        + "decompressed.");
            }
            return inflated;
        } catch (IOException notGzip) {
            throw AwsServiceException.serialization("The request body is not valid gzip: " + notGzip.getMessage());
        }
    }
}
