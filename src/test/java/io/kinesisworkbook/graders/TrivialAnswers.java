package io.kinesisworkbook.graders;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Proves that a grader cannot be passed without the skill: it runs the grader, as JUnit runs it,
 * with a trivial stand-in (return the input, an empty list, zero, a constant, do nothing) in place of
 * the learner's code, and fails unless at least one of the grader's checks fails.
 *
 * <p>How a grader takes part (E01 as the example; E09, E10 and E11 do the same):
 * <pre>{@code
 * class E01LatencyGrader {
 *     // The exercise's methods as an interface, and the learner's class behind it.
 *     interface Latency { long median(List<Long> millis); long percentile(List<Long> millis, double p); }
 *
 *     static Latency answer() {
 *         return TrivialAnswers.answer(Latency.class, new Latency() { ... calls E01Latency ... });
 *     }
 *     // The checks call answer().median(...), never E01Latency directly.
 * }
 *
 * class E01LatencyTrivialAnswers {
 *     @Test void theMedianOfNothingInParticular() {
 *         TrivialAnswers.mustFail(E01LatencyGrader.class, E01LatencyGrader.Latency.class, "returns zero",
 *                 new Latency() { ... return 0 ... });
 *     }
 * }
 * }</pre>
 * The {@code *TrivialAnswers} classes run in {@code ./mvnw verify} (the graders module), never in
 * {@code ./workbook grade}, whose score table lists only the graders' own checks.
 */
final class TrivialAnswers {

    /** The stand-ins in force while {@link #mustFail} runs a grader; graders run one at a time. */
    private static final Map<Class<?>, Object> STAND_INS = new ConcurrentHashMap<>();

    private TrivialAnswers() {
    }

    /** What a grader checks: the learner's answer, or the stand-in a trivial-answers test put in its place. */
    static <A> A answer(Class<A> api, A learners) {
        Object standIn = STAND_INS.get(api);
        return standIn == null ? learners : api.cast(standIn);
    }

    /** Runs {@code grader} with {@code trivial} in place of the learner's answer and expects a failed check. */
    static <A> void mustFail(Class<?> grader, Class<A> api, String description, A trivial) {
        if (STAND_INS.putIfAbsent(api, trivial) != null) {
            throw new IllegalStateException("a stand-in for " + api.getSimpleName() + " is already in place");
        }
        TestExecutionSummary summary;
        try {
            summary = run(grader);
        } finally {
            STAND_INS.remove(api);
        }
        Assertions.assertTrue(summary.getTestsFoundCount() > 0, () -> grader.getSimpleName() + " has no checks");
        Assertions.assertTrue(summary.getTestsFailedCount() > 0, () -> grader.getSimpleName() + " passes on a trivial answer ("
                + description + "): all " + summary.getTestsSucceededCount() + " checks passed");
        System.out.println(grader.getSimpleName() + " fails on a trivial answer (" + description + "): "
                + summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName()).collect(Collectors.joining(", ")));
    }

    private static TestExecutionSummary run(Class<?> grader) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(grader)).build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, summary);
        return summary.getSummary();
    }
}
