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
 * <p>A check that needs a behaviour not every backend models asks first, and is skipped with its
 * reason printed where the backend lacks it (never passed in silence):
 *
 * <pre>{@code
 * if (Check.needs(Capability.WRITE_THROTTLING, "about 1,000 of the 3,000 records accepted, the rest throttled"))
 *     Check.between(1_000, 1_500, acceptedInAll, "records the shard accepted");
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

    /**
     * Whether the backend this notebook runs on has {@code capability}; if not, prints why the check
     * that follows is skipped and what AWS would show instead, and returns false.
     *
     * @param onAws what the check would see on AWS, for the reader of a backend that cannot show it
     */
    public static boolean needs(Capability capability, String onAws) {
        Capabilities backend = Capabilities.current();
        if (backend.has(capability)) {
            return true;
        }
        System.out.println("⊘ skipped: " + backend.lacking(capability) + ". On AWS: " + onAws + ".");
        return false;
    }
}
