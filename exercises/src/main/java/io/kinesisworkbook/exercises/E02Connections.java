package io.kinesisworkbook.exercises;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Your exercise. Read the Javadoc of each method, replace the TODO, and run {@code ./workbook grade}.
 *
 * <p>Exercise 02 (notebook 02-unified-log): counting the connections of two architectures. */
public final class E02Connections {

    private E02Connections() {
    }

    /**
     * Point to point: each source sends to each service that wants its data. {@code wants} maps each
     * source to the services that read it; the answer is the number of (source, service) links.
     */
    public static int pointToPoint(Map<String, Set<String>> wants) {
        // TODO: one link per (source, service that wants it) pair.
        throw new UnsupportedOperationException("TODO: exercise E02, pointToPoint");
    }

    /**
     * A unified log: each source writes to the log once and each service that reads anything reads
     * it once; the answer is sources plus distinct services.
     */
    public static int unifiedLog(Map<String, Set<String>> wants) {
        // TODO: one connection per source plus one per distinct service.
        throw new UnsupportedOperationException("TODO: exercise E02, unifiedLog");
    }
}
