package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.Grading.attempt;
import static io.kinesisworkbook.graders.Grading.check;

import io.kinesisworkbook.exercises.E02Connections;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class E02ConnectionsGrader {

    /** The talk's retail site: who wants which source's data. */
    static final Map<String, Set<String>> WANTS = Map.of(
            "clickstream", Set.of("search", "analytics", "fraud detection"),
            "operational metrics", Set.of("analytics"),
            "orders", Set.of("analytics", "fraud detection"));

    @Test
    void pointToPointCountsEveryPair() {
        check(6, attempt(() -> E02Connections.pointToPoint(WANTS), "sum the sizes of the sets"),
                "point-to-point links", "3 + 1 + 2 links");
    }

    @Test
    void theUnifiedLogCountsEachPartyOnce() {
        check(6, attempt(() -> E02Connections.unifiedLog(WANTS), "sources + distinct services"),
                "unified-log connections", "3 sources + 3 distinct services");
        Map<String, Set<String>> bigger = Map.of("a", Set.of("x", "y", "z", "w"), "b", Set.of("x", "y", "z", "w"),
                "c", Set.of("x", "y", "z", "w"), "d", Set.of("x", "y", "z", "w"));
        check(16, attempt(() -> E02Connections.pointToPoint(bigger), "see above"), "4 sources x 4 services, point to point", "4 x 4");
        check(8, attempt(() -> E02Connections.unifiedLog(bigger), "see above"), "4 sources + 4 services, unified log",
                "count a service once however many sources it reads");
    }
}
