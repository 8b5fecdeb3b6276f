package io.kinesisworkbook.graders;

import static io.kinesisworkbook.graders.TrivialAnswers.mustFail;

import io.kinesisworkbook.graders.E02ConnectionsGrader.Connections;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** E02's grader fails on counts that ignore who reads what. */
class E02ConnectionsTrivialAnswersTest {

    @Test
    void aConstant() {
        mustFail(E02ConnectionsGrader.class, Connections.class, "the talk's 6 for both", connections(wants -> 6, wants -> 6));
    }

    @Test
    void twiceTheSources() {
        mustFail(E02ConnectionsGrader.class, Connections.class, "sources x services for one, 2 x sources for the other",
                connections(wants -> wants.size() * wants.size(), wants -> 2 * wants.size()));
    }

    @Test
    void everyServiceCountedForEverySource() {
        mustFail(E02ConnectionsGrader.class, Connections.class, "the unified log counts a service per source it reads",
                connections(wants -> wants.values().stream().mapToInt(Set::size).sum(),
                        wants -> wants.size() + wants.values().stream().mapToInt(Set::size).sum()));
    }

    private static Connections connections(ToIntFunction<Map<String, Set<String>>> pointToPoint,
                                           ToIntFunction<Map<String, Set<String>>> unifiedLog) {
        return new Connections() {
            @Override
            public int pointToPoint(Map<String, Set<String>> wants) {
                return pointToPoint.applyAsInt(wants);
            }

            @Override
            public int unifiedLog(Map<String, Set<String>> wants) {
                return unifiedLog.applyAsInt(wants);
            }
        };
    }
}
