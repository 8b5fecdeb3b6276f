package io.kinesisworkbook.emulator.http;

import java.util.concurrent.CompletableFuture;

/**
 * A service reached by method and path (AWS's REST protocols), such as Lambda
 * ({@code /2015-03-31/functions/...}) or S3 ({@code /bucket/key}).
 *
 * <p>The answer is a future, so a call that takes its time (a Lambda function running) does not
 * hold the edge's I/O thread.
 */
public interface RestService {

    /** The service's short name, as in a signature's credential scope and in health reports. */
    String name();

    /** Whether this service answers the request; the edge asks each service in turn. */
    boolean accepts(RestRequest request);

    /**
     * Answers one request. Errors are answered, in the service's own shape, inside the response; a
     * future that fails is answered as an internal failure.
     */
    CompletableFuture<RestResponse> handle(RestRequest request);
}
