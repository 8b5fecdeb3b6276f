package io.kinesisworkbook.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.lib.backend.Capabilities;
import io.kinesisworkbook.lib.backend.Capability;
import io.kinesisworkbook.lib.backend.Engine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks that need a capability: ordinary where the backend has it, said and not checked where not. */
class CheckGivenTest {

    @AfterEach
    void backToTheEmulator() {
        Capabilities.useFor(Engine.WORKBOOK_EMULATOR);
    }

    @Test
    void whereTheBackendHasTheCapabilityTheCheckIsAnOrdinaryOne() {
        Capabilities.useFor(Engine.WORKBOOK_EMULATOR);
        assertThatThrownBy(() -> Check.given(Capability.WRITE_THROTTLING).between(500, 1_500, 31_000, "accepted a second"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("accepted a second");
        assertThat(printed(() -> Check.given(Capability.WRITE_THROTTLING).that(true, "throttled"))).isEqualTo("✔ throttled\n");
    }

    @Test
    void whereItLacksItTheCheckSaysWhyAndWhatThisBackendGaveAndPassesNothingInSilence() {
        Capabilities.useFor(Engine.KINESIS_MOCK);
        String out = printed(() -> Check.given(Capability.WRITE_THROTTLING).between(500, 1_500, 31_000, "accepted a second"));
        assertThat(out).isEqualTo("⊘ not checked: accepted a second (AWS throttles writes beyond a shard's 1 MB/s or "
                + "1,000 records/s; kinesis-mock does not; AWS would give 500.0 to 1500.0, this backend gave 31000.0)\n");
        assertThat(printed(() -> Check.given(Capability.WRITE_THROTTLING).that(false, "throttled")))
                .startsWith("⊘ not checked: throttled (").endsWith("; it did not hold here)\n");
        assertThat(printed(() -> Check.given(Capability.HASH_KEY_RANGES).equal(1, 1, "keys"))).isEqualTo("✔ keys: 1\n");
    }

    @Test
    void theEmulatorAndAwsHaveEveryCapabilityAndFlociLacksWhatTheIssueMeasured() {
        assertThat(Capabilities.of(Engine.WORKBOOK_EMULATOR).missing()).isEmpty();
        assertThat(Capabilities.of(Engine.AWS).missing()).isEmpty();
        assertThat(Capabilities.of(Engine.FLOCI).missing()).contains(Capability.WRITE_THROTTLING,
                Capability.HASH_KEY_RANGES, Capability.DISTINCT_SPLIT_CHILDREN, Capability.UPDATE_SHARD_COUNT,
                Capability.FIREHOSE_KINESIS_SOURCE, Capability.FIREHOSE_LAMBDA_PROCESSOR);
        assertThat(Capabilities.of(Engine.KINESIS_MOCK).missing()).doesNotContain(Capability.HASH_KEY_RANGES,
                Capability.UPDATE_SHARD_COUNT, Capability.MERGE_SHARDS);
        assertThat(EnumSet.allOf(Engine.class)).allSatisfy(engine -> assertThat(Capabilities.of(engine).missing()).isNotNull());
    }

    private static String printed(Runnable check) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            check.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
