package io.kinesisworkbook.lib.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.lib.Workbook;
import io.kinesisworkbook.lib.backend.Backend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ./workbook pipeline} on the embedded backend: every count reconciled, Athena's answers printed, nothing left. */
class PipelineCommandTest {

    @Test
    void runsThePipelineReconcilesAndRemovesWhatItMade() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Workbook aws = Workbook.connect(Backend.EMBEDDED);
        Reconciliation reconciliation = new PipelineCommand(30, 300, new PrintStream(output, true, StandardCharsets.UTF_8))
                .run(aws);

        assertThat(reconciliation.differences()).isEmpty();
        assertThat(reconciliation.lines()).hasSize(5).allSatisfy(line -> assertThat(line.expected()).isPositive());
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("Reconciliation", "object_key", "Every count agrees.");
        assertThat(aws.s3().listBuckets().buckets()).noneMatch(bucket -> bucket.name().startsWith("dr-cli"));
        assertThat(aws.streams().exists("dr-cli-changes")).isFalse();
    }
}
