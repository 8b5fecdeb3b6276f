package io.kinesisworkbook.emulator.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.SdkClients;
import io.kinesisworkbook.emulator.Skip;
import io.kinesisworkbook.emulator.dynamodb.DynaliteScenarios.Scenario;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same DynamoDB scenarios ({@link DynaliteScenarios}: expressions, queries, batches,
 * transactions and AWS's errors for bad requests) against the embedded emulator and against
 * dynalite 4.0.0, compared answer by answer: the items, or the error's exception class, code and
 * message. Every difference must be listed in {@link #KNOWN_DIFFERENCES} with what each side
 * answers and which matches AWS, so a new difference fails the build until it is understood, and
 * a listed one that has gone away fails it too, so the list stays true. The comparison is
 * written to {@code target/differential/dynalite.md}, and dynalite's answers, for whoever
 * matches its wording, to {@code target/differential/dynalite-answers.txt}.
 *
 * <p>Runs where {@code DYNALITE_ENDPOINT} is set: {@code tools/dynalite/run-isolated.sh} starts
 * dynalite in a loopback-only network namespace and sets it (CI does this). With
 * {@code DYNALITE_DIFFERENTIAL_SELF_CHECK=true} both sides are dynalite, which proves the harness
 * itself: every scenario must then agree.
 */
class DynaliteDifferentialTest {

    /**
     * Scenario -> what each side answers, and which matches AWS. Keep in step with
     * workbook-emulator/README.md. Where dynalite matches AWS, the entry marks an emulator
     * deviation to fix; fixing it makes the scenario agree, and this test then asks for the entry
     * to go.
     */
    static final Map<String, String> KNOWN_DIFFERENCES = new TreeMap<>(Map.ofEntries(
            Map.entry("TransactWriteItems: a failing condition cancels every action", "emulator: TransactionCanceledException "
                    + "with CancellationReasons [None, ConditionalCheckFailed with the old item, None], nothing written, as AWS "
                    + "(API_TransactWriteItems.html); dynalite has no transactions (README TODO): UnknownOperationException"),
            Map.entry("TransactWriteItems: success", "emulator: both actions applied, as AWS (API_TransactWriteItems.html); "
                    + "dynalite answers UnknownOperationException"),
            Map.entry("condition: ReturnValuesOnConditionCheckFailure", "emulator: ConditionalCheckFailedException carrying the "
                    + "item, as AWS (API_UpdateItem.html, ReturnValuesOnConditionCheckFailure ALL_OLD); dynalite ignores the "
                    + "parameter (architect/dynalite#182)"),
            Map.entry("legacy: ConditionalOperator OR", "emulator: true in both orders: OR holds if at least one condition "
                    + "does, as AWS (LegacyConditionalParameters.ConditionalOperator.html); dynalite stops at the first false "
                    + "condition, so 'false OR true' fails with ConditionalCheckFailedException (its matchesFilter)"),
            Map.entry("update: REMOVE attributes and list elements", "emulator: REMOVE l[0], l[2] of [0, 1, 2, 3] leaves [1, 3]: "
                    + "the indexes name elements of the list before the update, as in AWS's own example (Expressions.UpdateExpressions"
                    + ".html, REMOVE RelatedItems[1], RelatedItems[2]); dynalite removes one at a time and leaves [1, 2]"),
            Map.entry("error: syntax error in a ConditionExpression", "emulator: 'Syntax error; token: \"=\", near: \"= = :v\"', "
                    + "AWS's wording (seen in real AWS answers, e.g. aws/aws-cdk#7591; not in AWS's documentation); dynalite "
                    + "words it as its PEG parser does ('Expected \"#\", \"(\", ... but \"=\" found.')"),
            Map.entry("error: syntax error in an UpdateExpression", "emulator: 'Syntax error; token: \"<EOF>\", near: \",\"', "
                    + "AWS's wording (as above); dynalite: 'Expected \"#\", \"_\", or [a-zA-Z] but end of input found.'")));

    private static final String RUN_HINT = "Run: tools/dynalite/run-isolated.sh ./mvnw -o -pl workbook-emulator test "
            + "-Dtest=DynaliteDifferentialTest";
    private static final Path REPORT = Path.of("target", "differential", "dynalite.md");
    private static final Path ANSWERS = Path.of("target", "differential", "dynalite-answers.txt");

    @Test
    void theEmulatorAndDynaliteAgreeExceptWhereDocumented() throws IOException {
        String dynalite = System.getenv("DYNALITE_ENDPOINT");
        Skip.unless(dynalite != null, "dynalite not running: DYNALITE_ENDPOINT is not set. " + RUN_HINT);
        boolean selfCheck = Boolean.parseBoolean(System.getenv("DYNALITE_DIFFERENTIAL_SELF_CHECK"));
        Map<String, Scenario> scenarios = DynaliteScenarios.all();
        assertThat(scenarios.keySet()).as("KNOWN_DIFFERENCES names only scenarios that exist")
                .containsAll(KNOWN_DIFFERENCES.keySet());

        Map<String, Outcome> outcomes = selfCheck ? dynaliteAgainstItself(scenarios, URI.create(dynalite))
                : emulatorAgainstDynalite(scenarios, URI.create(dynalite));
        String ourSide = selfCheck ? "dynalite (self-check)" : "emulator";
        writeReport(outcomes, ourSide);
        printSummary(outcomes, ourSide, selfCheck);

        Set<String> differences = new TreeSet<>();
        outcomes.forEach((name, outcome) -> {
            if (!outcome.agree()) {
                differences.add(name);
            }
        });
        if (selfCheck) {
            assertThat(differences).as("dynalite against itself must agree everywhere (is the harness deterministic?)").isEmpty();
        } else {
            assertOnlyKnownDifferences(differences);
        }
    }

    private static Map<String, Outcome> emulatorAgainstDynalite(Map<String, Scenario> scenarios, URI dynalite) {
        try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
             DynamoDbClient ours = SdkClients.dynamoDb(emulator.endpoint());
             DynamoDbClient theirs = SdkClients.dynamoDb(dynalite)) {
            return compare(scenarios, ours, theirs);
        }
    }

    /** Both sides dynalite: what proves the harness before the emulator has a DynamoDB to compare. */
    private static Map<String, Outcome> dynaliteAgainstItself(Map<String, Scenario> scenarios, URI dynalite) {
        try (DynamoDbClient first = SdkClients.dynamoDb(dynalite); DynamoDbClient second = SdkClients.dynamoDb(dynalite)) {
            return compare(scenarios, first, second);
        }
    }

    /** Every difference is listed, and every listed difference is still one, so the list stays true. */
    private static void assertOnlyKnownDifferences(Set<String> differences) {
        Set<String> unlisted = new TreeSet<>(differences);
        unlisted.removeAll(KNOWN_DIFFERENCES.keySet());
        Set<String> gone = new TreeSet<>(KNOWN_DIFFERENCES.keySet());
        gone.removeAll(differences);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(unlisted).as("new differences from dynalite, not in KNOWN_DIFFERENCES (see %s)", REPORT).isEmpty();
            softly.assertThat(gone).as("KNOWN_DIFFERENCES entries where both sides now agree: remove them").isEmpty();
        });
    }

    /** What one scenario answered on each side, and how long each side took. */
    record Outcome(String ours, String theirs, long oursMillis, long theirsMillis) {
        boolean agree() {
            return ours.equals(theirs);
        }
    }

    /** Runs each scenario on our side, then on theirs, one at a time: each starts from no tables. */
    private static Map<String, Outcome> compare(Map<String, Scenario> scenarios, DynamoDbClient ours, DynamoDbClient theirs) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        scenarios.forEach((name, scenario) -> {
            long start = System.nanoTime();
            String oursAnswer = run(scenario, ours);
            long middle = System.nanoTime();
            String theirsAnswer = run(scenario, theirs);
            long end = System.nanoTime();
            outcomes.put(name, new Outcome(oursAnswer, theirsAnswer,
                    Duration.ofNanos(middle - start).toMillis(), Duration.ofNanos(end - middle).toMillis()));
        });
        return outcomes;
    }

    static String run(Scenario scenario, DynamoDbClient db) {
        try {
            return scenario.run(db);
        } catch (AwsServiceException e) {
            return DynamoDbFixtures.errorText(e);
        } catch (SdkException e) {
            return DynamoDbFixtures.clientFailureText(e);
        } finally {
            dropTablesQuietly(db);
        }
    }

    /**
     * Clean-up after a scenario. A side that cannot list or delete tables (an emulator without
     * DynamoDB yet) has nothing to clean, and its scenarios' answers already show why.
     */
    private static void dropTablesQuietly(DynamoDbClient db) {
        try {
            DynamoDbFixtures.dropAllTables(db);
        } catch (SdkException e) {
            // Nothing was created on this side.
        }
    }

    private static void printSummary(Map<String, Outcome> outcomes, String ourSide, boolean selfCheck) {
        int width = outcomes.keySet().stream().mapToInt(String::length).max().orElse(10);
        String row = "%-" + width + "s  %-7s  %s%n";
        StringBuilder table = new StringBuilder(String.format("DynamoDB differential: %s vs dynalite 4.0.0%n", ourSide))
                .append(String.format(row, "scenario", "result", "known difference?"));
        long oursMillis = 0;
        long theirsMillis = 0;
        for (Map.Entry<String, Outcome> entry : outcomes.entrySet()) {
            Outcome outcome = entry.getValue();
            String note = selfCheck ? "" : knownDifferenceNote(entry.getKey(), outcome);
            table.append(String.format(row, entry.getKey(), outcome.agree() ? "agree" : "differ", note));
            oursMillis += outcome.oursMillis();
            theirsMillis += outcome.theirsMillis();
        }
        long agreeing = outcomes.values().stream().filter(Outcome::agree).count();
        table.append(String.format("%d scenarios, %d agree, %d differ; %s %d ms, dynalite %d ms%n",
                outcomes.size(), agreeing, outcomes.size() - agreeing, ourSide, oursMillis, theirsMillis));
        outcomes.forEach((name, outcome) -> {
            if (!outcome.agree()) {
                table.append(String.format("DIFFERENCE %s%n  %s: %s%n  dynalite: %s%n", name, ourSide, outcome.ours(), outcome.theirs()));
            }
        });
        System.out.print(table);
    }

    /** Whether a scenario's result is what KNOWN_DIFFERENCES says, in the words the summary table uses. */
    private static String knownDifferenceNote(String scenario, Outcome outcome) {
        boolean listed = KNOWN_DIFFERENCES.containsKey(scenario);
        if (outcome.agree()) {
            return listed ? "listed, but agrees now" : "";
        }
        return listed ? "listed" : "NEW";
    }

    private static void writeReport(Map<String, Outcome> outcomes, String ourSide) throws IOException {
        long differences = outcomes.values().stream().filter(outcome -> !outcome.agree()).count();
        StringBuilder report = new StringBuilder("# ").append(ourSide).append(" vs dynalite 4.0.0\n\n")
                .append(outcomes.size()).append(" scenarios, ").append(differences).append(" differences.\n\n")
                .append("| scenario | same? | ").append(ourSide).append(" | dynalite |\n| --- | --- | --- | --- |\n");
        List<String> answers = new ArrayList<>();
        outcomes.forEach((name, outcome) -> {
            report.append("| ").append(name).append(" | ").append(outcome.agree() ? "yes" : "**no**")
                    .append(" | `").append(cell(outcome.ours())).append("` | `").append(cell(outcome.theirs())).append("` |\n");
            answers.add(name + "\n    " + outcome.theirs() + "\n");
        });
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);
        Files.writeString(ANSWERS, "What dynalite 4.0.0 answered to each scenario of DynaliteDifferentialTest\n\n"
                + String.join("\n", answers));
    }

    private static String cell(String answer) {
        return answer.replace("|", "\\|").replace("`", "'").replace("\n", " ");
    }
}
