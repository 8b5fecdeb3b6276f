package io.kinesisworkbook.lib.backend;

import java.net.URI;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Finds (or starts) the backend and checks it can be used, failing in one clear line if not: an
     * endpoint is asked what it is ({@link EngineProbe}), and one that is not the backend asked for
     * is refused with what answers there.
     */
    public static Connection connect(Backend backend, Settings settings) {
        return switch (backend) {
            case EMBEDDED -> local(backend, EmbeddedAws.endpoint(settings), Engine.WORKBOOK_EMULATOR, Optional.empty(), settings);
            case LOCALSTACK, FLOCI -> identified(backend, LocalEmulators.endpoint(backend, settings), settings);
            case AWS -> settings.get(REHEARSAL_ENDPOINT).map(endpoint -> rehearsal(URI.create(endpoint), settings))
                    .orElseGet(() -> aws(settings));
        };
    }

    /**
     * The setting that turns the {@code aws} backend into a rehearsal: its whole code path (cost
     * guard, shard cap, IAM roles, bucket names, clean-aws) against the workbook's emulator at this
     * endpoint, with made-up credentials, so that CI proves it without an account.
     */
    public static final String REHEARSAL_ENDPOINT = "workbook.awsRehearsalEndpoint";

    /** The engines each local backend accepts: LocalStack's Kinesis engine, kinesis-mock, may stand in for it. */
    public static Set<Engine> accepted(Backend backend) {
        return switch (backend) {
            case LOCALSTACK -> EnumSet.of(Engine.LOCALSTACK, Engine.KINESIS_MOCK);
            case FLOCI -> EnumSet.of(Engine.FLOCI);
            case EMBEDDED, AWS -> EnumSet.of(Engine.WORKBOOK_EMULATOR);
        };
    }

    private static Connection identified(Backend backend, URI endpoint, Settings settings) {
        EngineProbe.Identity identity = EngineProbe.identify(endpoint);
        Engine engine = identity.engine().filter(accepted(backend)::contains).orElseThrow(() -> new WorkbookException(
                "WORKBOOK_BACKEND=" + backend.name().toLowerCase(Locale.ROOT) + ", but what answers at " + endpoint + " is "
                        + identity.describe() + ": start " + backend.displayName() + " there, point WORKBOOK_ENDPOINT at it, "
                        + "or use WORKBOOK_BACKEND=embedded."));
        return local(backend, endpoint, engine, identity.version(), settings);
    }

    private static Connection local(Backend backend, URI endpoint, Engine engine, Optional<String> version, Settings settings) {
        Region region = Region.of(settings.get("workbook.region").orElse("us-east-1"));
        return new Connection(backend, Optional.of(endpoint), region, LOCAL_CREDENTIALS, Integer.MAX_VALUE, engine, version);
    }

    private static Connection rehearsal(URI endpoint, Settings settings) {
        EngineProbe.Identity identity = EngineProbe.identify(endpoint);
        if (identity.engine().filter(e -> e == Engine.WORKBOOK_EMULATOR).isEmpty()) {
            throw new WorkbookException("The AWS rehearsal runs against the workbook's emulator only, but what answers at "
                    + endpoint + " (WORKBOOK_AWS_REHEARSAL_ENDPOINT) is " + identity.describe() + ".");
        }
        Region region = Region.of(settings.get("workbook.region").orElse("us-east-1"));
        return new Connection(Backend.AWS, Optional.of(endpoint), region, LOCAL_CREDENTIALS, maxShards(settings),
                Engine.WORKBOOK_EMULATOR, Optional.empty());
    }

    private static int maxShards(Settings settings) {
        return settings.get("workbook.maxShards").map(Integer::parseInt).orElse(CostGuard.DEFAULT_MAX_SHARDS);
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
        return new Connection(Backend.AWS, Optional.empty(), region, credentials, maxShards(settings));
    }
}
