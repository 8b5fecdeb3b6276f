package io.kinesisworkbook.lib.backend;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** Decides which backend to use and how to reach it. */
public final class Backends {

    /** Local emulators accept any credentials; these make it obvious that they are not real. */
    static final AwsCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("workbook", "workbook"));

    private Backends() {
    }

    /**
     * The backend to use: the explicit choice if there is one, else {@code WORKBOOK_BACKEND} (or
     * {@code -Dworkbook.backend}), else {@code workbook.properties}, else {@link Backend#EMBEDDED}.
     */
    public static Backend resolve(String explicit, Settings settings) {
        if (explicit != null && !explicit.isBlank()) {
            return Backend.named(explicit);
        }
        return settings.get("workbook.backend").map(Backend::named).orElse(Backend.EMBEDDED);
    }

    /** Finds (or starts) the backend and checks it can be used, failing in one clear line if not. */
    public static Connection connect(Backend backend, Settings settings) {
        return switch (backend) {
            case EMBEDDED -> local(backend, EmbeddedAws.endpoint(settings), settings);
            case LOCALSTACK, FLOCI -> local(backend, LocalEmulators.endpoint(backend, settings), settings);
            case AWS -> aws(settings);
        };
    }

    private static Connection local(Backend backend, URI endpoint, Settings settings) {
        Region region = Region.of(settings.get("workbook.region").orElse("us-east-1"));
        return new Connection(backend, Optional.of(endpoint), region, LOCAL_CREDENTIALS, Integer.MAX_VALUE);
    }

    private static Connection aws(Settings settings) {
        Region region;
        try {
            region = settings.get("workbook.region").map(Region::of)
                    .orElseGet(() -> DefaultAwsRegionProviderChain.builder().build().getRegion());
        } catch (SdkClientException e) {
            throw new WorkbookException("No AWS region is set: set AWS_REGION (for example eu-west-1) or run 'aws configure'.");
        }
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new WorkbookException("No AWS credentials found: run 'aws configure' or 'aws sso login', or set AWS_PROFILE "
                    + "(or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY). To stay off AWS, use WORKBOOK_BACKEND=embedded.");
        }
        int maxShards = settings.get("workbook.maxShards").map(Integer::parseInt).orElse(CostGuard.DEFAULT_MAX_SHARDS);
        return new Connection(Backend.AWS, Optional.empty(), region, credentials, maxShards);
    }
}
