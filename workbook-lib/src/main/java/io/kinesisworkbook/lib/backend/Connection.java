package io.kinesisworkbook.lib.backend;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Everything an AWS SDK client needs to reach a backend.
 *
 * @param backend     which backend this is
 * @param endpoint    the endpoint to override with; empty on AWS, where the SDK knows its own
 * @param region      the region every client uses
 * @param credentials the credentials every client signs with
 * @param maxShards   on AWS, the most shards a stream may have (the cost guard); unlimited elsewhere
 * @param engine      what really answers there, as its health page said ({@link EngineProbe})
 * @param version     the engine's version where it reports one
 */
public record Connection(Backend backend, Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials,
                         int maxShards, Engine engine, Optional<String> version) {

    /** A connection to the engine the backend is meant to be, not asked (tests, and AWS). */
    public Connection(Backend backend, Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials,
                      int maxShards) {
        this(backend, endpoint, region, credentials, maxShards, Engine.expectedFor(backend), Optional.empty());
    }

    /** What this backend can and cannot show (see {@link Capabilities}). */
    public Capabilities capabilities() {
        return Capabilities.of(engine);
    }

    /**
     * One line for a notebook: which backend, what really answers, where. For example
     * {@code LocalStack (on kinesis-mock) at http://127.0.0.1:4567 (us-east-1)}.
     */
    public String describe() {
        List<String> details = new ArrayList<>();
        if (engine != Engine.expectedFor(backend)) {
            details.add("on " + engine.displayName());
        }
        version.ifPresent(v -> details.add("version " + v));
        String what = backend.displayName() + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
        return what + endpoint.map(uri -> " at " + uri).orElse("") + " (" + region.id() + ")";
    }
}
