package io.kinesisworkbook.lib.backend;

/**
 * What actually answers at a backend's endpoint, as its own health page says. A backend is what a
 * learner asked for ({@code WORKBOOK_BACKEND=floci}); the engine is what is really there, which is
 * not always the same: anything can listen on port 4566.
 */
public enum Engine {
    /** The workbook's own emulator ({@code workbook-emulator}), in this JVM or shared by {@code ./workbook start}. */
    WORKBOOK_EMULATOR("the workbook's emulator", "/_workbook/health"),
    /** Floci. It also answers some of LocalStack's {@code /_localstack/...} paths, so it is asked first. */
    FLOCI("Floci", "/_floci/health"),
    /** LocalStack. */
    LOCALSTACK("LocalStack", "/_localstack/health"),
    /** kinesis-mock, the Kinesis engine inside LocalStack, run on its own: Kinesis and nothing else. */
    KINESIS_MOCK("kinesis-mock", "/healthcheck"),
    /** Amazon Web Services itself; never probed. */
    AWS("AWS", null);

    private final String displayName;
    private final String healthPath;

    Engine(String displayName, String healthPath) {
        this.displayName = displayName;
        this.healthPath = healthPath;
    }

    public String displayName() {
        return displayName;
    }

    /** The path whose answer identifies this engine; null for AWS. */
    String healthPath() {
        return healthPath;
    }

    /** The engine a backend is meant to be, when nothing was asked. */
    public static Engine expectedFor(Backend backend) {
        return switch (backend) {
            case EMBEDDED -> WORKBOOK_EMULATOR;
            case LOCALSTACK -> LOCALSTACK;
            case FLOCI -> FLOCI;
            case AWS -> AWS;
        };
    }
}
