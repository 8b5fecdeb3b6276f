package io.kinesisworkbook.exercises;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Exercise 02 (notebook 02-unified-log): counting the connections of two architectures. */
public final class E02Connections {

    private E02Connections() {
    }

    /**
     * Point to point: each source sends to each service that wants its data. {@code wants} maps each
     * source to the services that read it; the answer is the number of (source, service) links.
     */
    public static int pointToPoint(Map<String, Set<String>> wants) {
        return wants.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * A unified log: each source writes to the log once and each service that reads anything reads
     * it once; the answer is sources plus distinct services.
     */
    public static int unifiedLog(Map<String, Set<String>> wants) {
        Set<String> services = new HashSet<>();
        wants.values().forEach(services::addAll);
        return wants.size() + services.size();
    }
}
