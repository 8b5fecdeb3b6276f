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

    /** E02's methods; the grader calls the learner's {@link E02Connections} through them. */
    interface Connections {
        int pointToPoint(Map<String, Set<String>> wants);

        int unifiedLog(Map<String, Set<String>> wants);
    }

    static Connections answer() {
        return TrivialAnswers.answer(Connections.class, new Connections() {
            @Override
            public int pointToPoint(Map<String, Set<String>> wants) {
                return E02Connections.pointToPoint(wants);
            }

            @Override
            public int unifiedLog(Map<String, Set<String>> wants) {
                return E02Connections.unifiedLog(wants);
            }
        });
    }

    @Test
    void pointToPointCountsEveryPair() {
        check(6, attempt(() -> answer().pointToPoint(WANTS), "sum the sizes of the sets"),
                "point-to-point links", "3 + 1 + 2 links");
    }

    @Test
    void theUnifiedLogCountsEachPartyOnce() {
        check(6, attempt(() -> answer().unifiedLog(WANTS), "sources + distinct services"),
                "unified-log connections", "3 sources + 3 distinct services");
        Map<String, Set<String>> bigger = Map.of("a", Set.of("x", "y", "z", "w"), "b", Set.of("x", "y", "z", "w"),
                "c", Set.of("x", "y", "z", "w"), "d", Set.of("x", "y", "z", "w"));
        check(16, attempt(() -> answer().pointToPoint(bigger), "see above"), "4 sources x 4 services, point to point", "4 x 4");
        check(8, attempt(() -> answer().unifiedLog(bigger), "see above"), "4 sources + 4 services, unified log",
                "count a service once however many sources it reads");
    }

    @Test
    void sourcesAndServicesNeedNotBeAsMany() {
        Map<String, Set<String>> twoSources = Map.of("orders", Set.of("billing", "shipping", "fraud", "email", "search"),
                "payments", Set.of("billing", "fraud"));
        check(7, attempt(() -> answer().pointToPoint(twoSources), "sum the sizes of the sets"),
                "point-to-point links for 2 sources read by 5 and 2 services", "5 + 2 links");
        check(7, attempt(() -> answer().unifiedLog(twoSources), "sources + distinct services"),
                "unified-log connections for 2 sources and 5 distinct services", "2 sources + 5 services (billing and fraud once)");
    }
}
