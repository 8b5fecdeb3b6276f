package io.kinesisworkbook.lib;

import java.util.Objects;

/**
 * The check cells at the end of every notebook: each states what the notebook computed and fails
 * the notebook (and so the build) when it is not so. A passing check prints one line, so a reader
 * sees what was verified.
 *
 * <pre>{@code
 * Check.that(received.size() == 10_000, "every click was read back");
 * Check.equal("Hello, Kinesis!", record.data().asUtf8String(), "the record read back");
 * }</pre>
 */
public final class Check {

    private Check() {
    }

    public static void that(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("Check failed: " + what);
        }
        System.out.println("✔ " + what);
    }

    public static void equal(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("Check failed: " + what + ": expected " + expected + " but was " + actual);
        }
        System.out.println("✔ " + what + ": " + actual);
    }

    /** {@code value} lies in [{@code low}, {@code high}]. */
    public static void between(double low, double high, double value, String what) {
        if (value < low || value > high) {
            throw new AssertionError("Check failed: " + what + ": expected between " + low + " and " + high + " but was " + value);
        }
        System.out.println("✔ " + what + ": " + value);
    }
}
