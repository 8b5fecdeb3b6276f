package io.kinesisworkbook.lib;

import io.kinesisworkbook.lib.backend.Capabilities;
import io.kinesisworkbook.lib.backend.Capability;
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
 *
 * <p>A check that needs a behaviour not every backend models says so, and is not checked, with
 * its reason and this backend's value printed, where the backend lacks it (never passed in silence):
 *
 * <pre>{@code
 * Check.given(Capability.WRITE_THROTTLING).between(1_000, 1_500, acceptedInAll, "records the shard accepted");
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
        System.out.println("✔ " + what + ": " + shown(actual));
    }

    /** Longest value a passing check prints whole: a slide has room for a line or two, not a map of 57 windows. */
    static final int SHOWN_LENGTH = 120;

    /**
     * A passing check's value as it is printed: whole when short, else its start and, for a map or a
     * collection, how many entries it has. (A failing check prints both values whole.)
     */
    static String shown(Object value) {
        String text = String.valueOf(value);
        if (text.length() <= SHOWN_LENGTH) {
            return text;
        }
        int size = value instanceof java.util.Map<?, ?> map ? map.size()
                : value instanceof java.util.Collection<?> collection ? collection.size() : -1;
        return text.substring(0, SHOWN_LENGTH) + "…" + (size >= 0 ? " (" + size + " entries)" : "");
    }

    /** {@code value} lies in [{@code low}, {@code high}]. */
    public static void between(double low, double high, double value, String what) {
        if (value < low || value > high) {
            throw new AssertionError("Check failed: " + what + ": expected between " + low + " and " + high + " but was " + value);
        }
        System.out.println("✔ " + what + ": " + value);
    }

    /**
     * The checks that follow need {@code capability}: on a backend that has it they run as usual; on
     * one that lacks it each prints why it is not checked and what this backend showed instead, and
     * passes nothing in silence: {@code Check.given(Capability.WRITE_THROTTLING).between(...)}.
     */
    public static Given given(Capability capability) {
        return new Given(capability, Capabilities.current());
    }

    /** Checks that run only where the backend has a capability ({@link #given}). */
    public static final class Given {

        private final Capability capability;
        private final Capabilities backend;

        private Given(Capability capability, Capabilities backend) {
            this.capability = capability;
            this.backend = backend;
        }

        public void that(boolean condition, String what) {
            if (backend.has(capability)) {
                Check.that(condition, what);
            } else {
                skipped(what, condition ? "it held here anyway" : "it did not hold here");
            }
        }

        public void equal(Object expected, Object actual, String what) {
            if (backend.has(capability)) {
                Check.equal(expected, actual, what);
            } else {
                skipped(what, "AWS would give " + expected + ", this backend gave " + actual);
            }
        }

        public void between(double low, double high, double value, String what) {
            if (backend.has(capability)) {
                Check.between(low, high, value, what);
            } else {
                skipped(what, "AWS would give " + low + " to " + high + ", this backend gave " + value);
            }
        }

        private void skipped(String what, String here) {
            System.out.println("⊘ not checked: " + what + " (" + backend.lacking(capability) + "; " + here + ")");
        }
    }
}
