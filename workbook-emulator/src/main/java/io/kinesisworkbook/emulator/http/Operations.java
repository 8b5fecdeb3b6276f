package io.kinesisworkbook.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A target service's operations by name: each service registers its own, and the request's
 * operation finds its handler, or AWS's UnknownOperationException.
 */
public final class Operations {

    private final String targetPrefix;
    private final Map<String, Function<AwsRequest, AwsResponse>> byName = new TreeMap<>();

    public Operations(String targetPrefix) {
        this.targetPrefix = targetPrefix;
    }

    /** An operation that answers a structure, as nearly all do. */
    public void structure(String name, Function<AwsRequest, JsonNode> handler) {
        byName.put(name, request -> AwsResponse.of(handler.apply(request)));
    }

    /** An operation that may answer otherwise, such as an event stream. */
    public void response(String name, Function<AwsRequest, AwsResponse> handler) {
        byName.put(name, handler);
    }

    /** The operations, by name, for a service's documentation and tests. */
    public Set<String> names() {
        return byName.keySet();
    }

    public AwsResponse call(AwsRequest request) {
        Function<AwsRequest, AwsResponse> handler = byName.get(request.operation());
        if (handler == null) {
            throw AwsServiceException.unknownOperation(targetPrefix + "." + request.operation());
        }
        return handler.apply(request);
    }
}
