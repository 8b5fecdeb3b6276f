package io.kinesisworkbook.lib;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test and says why on the console. Surefire counts skipped tests in its summary but never
 * prints their reasons, so a skip that only told JUnit would look like a test that passed.
 */
public final class Skip {

    private Skip() {
    }

    /** Skips the calling test unless {@code condition} holds. */
    public static void unless(boolean condition, String reason) {
        if (!condition) {
            because(reason);
        }
    }

    /** Skips the calling test. */
    public static void because(String reason) {
        String test = StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> !frame.getClassName().equals(Skip.class.getName())
                        && !frame.getClassName().equals(LocalBackends.class.getName()))
                .findFirst()
                .map(frame -> frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "." + frame.getMethodName())
                .orElse("?"));
        System.out.println("SKIPPED " + test + ": " + reason);
        Assumptions.abort(reason);
    }
}
