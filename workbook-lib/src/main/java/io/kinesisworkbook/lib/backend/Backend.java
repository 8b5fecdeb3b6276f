package io.kinesisworkbook.lib.backend;

import java.util.Locale;

/** Where the workbook's AWS calls go. Every notebook runs unchanged on each of them. */
public enum Backend {
    /** The workbook's own AWS emulator, started in this JVM: no Docker, no account, no network. */
    EMBEDDED,
    /** LocalStack on port 4566 (or its Kinesis engine, kinesis-mock, on its own). */
    LOCALSTACK,
    /** Floci, a free MIT-licensed emulator that answers on the same port as LocalStack. */
    FLOCI,
    /** Real AWS, through the default credentials and region, with cost guards. */
    AWS;

    /** Reads a backend name as a learner would type it: {@code embedded}, {@code LocalStack}, ... */
    public static Backend named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WorkbookException("Unknown backend '" + name + "': use embedded, localstack, floci or aws.");
        }
    }

    public String displayName() {
        return switch (this) {
            case EMBEDDED -> "embedded emulator";
            case LOCALSTACK -> "LocalStack";
            case FLOCI -> "Floci";
            case AWS -> "AWS";
        };
    }
}
