package io.kinesisworkbook.lib.backend;

import java.net.URI;
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
 */
public record Connection(Backend backend, Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials,
                         int maxShards) {

    /** One line for a notebook: which backend, where. */
    public String describe() {
        return backend.displayName() + endpoint.map(uri -> " at " + uri).orElse("") + " (" + region.id() + ")";
    }
}
