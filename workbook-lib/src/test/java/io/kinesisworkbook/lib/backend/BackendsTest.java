package io.kinesisworkbook.lib.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.LocalAws;
import io.kinesisworkbook.lib.Skip;
import io.kinesisworkbook.lib.Workbook;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.Tag;

class BackendsTest {

    static Settings settings(Map<String, String> environment, Map<String, String> system, Map<String, String> file) {
        Properties systemProperties = new Properties();
        systemProperties.putAll(system);
        Properties fileProperties = new Properties();
        fileProperties.putAll(file);
        return new Settings(environment, systemProperties, fileProperties);
    }

    @Test
    void theBackendComesFromTheArgumentThenTheEnvironmentThenTheFileThenEmbedded() {
        Settings all = settings(Map.of("WORKBOOK_BACKEND", "floci"), Map.of(), Map.of("workbook.backend", "aws"));
        assertThat(Backends.resolve("LocalStack", all)).isEqualTo(Backend.LOCALSTACK);
        assertThat(Backends.resolve(null, all)).isEqualTo(Backend.FLOCI);
        assertThat(Backends.resolve(null, settings(Map.of(), Map.of(), Map.of("workbook.backend", "aws")))).isEqualTo(Backend.AWS);
        assertThat(Backends.resolve(null, settings(Map.of(), Map.of(), Map.of()))).isEqualTo(Backend.EMBEDDED);
        assertThat(Backends.resolve(null, settings(Map.of("WORKBOOK_BACKEND", "floci"), Map.of("workbook.backend", "aws"), Map.of())))
                .as("a -D system property beats the environment").isEqualTo(Backend.AWS);
    }

    @Test
    void settingNamesMapToEnvironmentNames() {
        assertThat(Settings.environmentName("workbook.maxShards")).isEqualTo("WORKBOOK_MAX_SHARDS");
        assertThat(Settings.environmentName("workbook.backend")).isEqualTo("WORKBOOK_BACKEND");
    }

    @Test
    void anUnknownBackendIsOneClearLine() {
        assertThatThrownBy(() -> Backends.resolve("kafka", settings(Map.of(), Map.of(), Map.of())))
                .isInstanceOf(WorkbookException.class)
                .hasMessage("Unknown backend 'kafka': use embedded, localstack, floci or aws.")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void anUnreachableLocalEmulatorWithoutDockerSaysWhatToDo() {
        if (LocalEmulators.dockerAvailable()) {
            Skip.because("Docker is present: it would start Floci, so the error for an unreachable one cannot be seen");
        }
        Settings unreachable = settings(Map.of("WORKBOOK_ENDPOINT", "http://127.0.0.1:1"), Map.of(), Map.of());
        assertThatThrownBy(() -> Backends.connect(Backend.FLOCI, unreachable))
                .isInstanceOf(WorkbookException.class)
                .hasMessageContaining("Floci is not answering at http://127.0.0.1:1")
                .hasMessageContaining("WORKBOOK_BACKEND=embedded");
    }

    @Test
    void theEmbeddedBackendStartsOneEmulatorPerJvm() {
        Workbook first = Workbook.connect("embedded");
        Workbook second = Workbook.connect();
        assertThat(second).isSameAs(first);
        assertThat(first.toString()).startsWith("Kinesis Workbook on the embedded emulator at http://127.0.0.1:");
        first.kinesis().createStream(b -> b.streamName("embedded-once").shardCount(1));
        assertThat(second.kinesis().listStreams().streamNames()).contains("embedded-once");
    }

    @Test
    void theEmbeddedBackendUsesTheSharedEmulatorNamedInWorkbookEmulator() {
        try (LocalAws shared = new LocalAws(EmulatorOptions.defaults().withInstantTransitions())) {
            Settings named = settings(Map.of("WORKBOOK_EMULATOR", shared.emulator.endpoint().toString()), Map.of(), Map.of());
            Connection connection = Backends.connect(Backend.EMBEDDED, named);
            assertThat(connection.endpoint()).contains(shared.emulator.endpoint());
        }
    }

    @Test
    void aSharedEmulatorThatDoesNotAnswerIsAnErrorNotAQuietSecondEmulator() {
        Settings dead = settings(Map.of("WORKBOOK_EMULATOR", "http://127.0.0.1:1"), Map.of(), Map.of());
        assertThatThrownBy(() -> EmbeddedAws.endpoint(dead, Duration.ofMillis(300)))
                .isInstanceOf(WorkbookException.class)
                .hasMessageContaining("The shared emulator at http://127.0.0.1:1 (WORKBOOK_EMULATOR) does not answer")
                .hasMessageContaining("restart ./workbook start");
    }

    @Test
    void onAwsTheCostGuardTagsWhatItCreatesAndRefusesBigStreams() {
        try (LocalAws pretendAws = new LocalAws(EmulatorOptions.defaults().withInstantTransitions(), Backend.AWS, 4)) {
            pretendAws.kinesis.createStream(b -> b.streamName("guarded").shardCount(2));
            assertThat(pretendAws.kinesis.listTagsForStream(b -> b.streamName("guarded")).tags())
                    .contains(Tag.builder().key(CostGuard.TAG_KEY).value(CostGuard.TAG_VALUE).build());
            assertThatThrownBy(() -> pretendAws.kinesis.createStream(b -> b.streamName("too-big").shardCount(5)))
                    .isInstanceOf(WorkbookException.class)
                    .hasMessageContaining("cost guard allows 4")
                    .hasMessageContaining("WORKBOOK_MAX_SHARDS=5");
            assertThatThrownBy(() -> pretendAws.kinesis.updateShardCount(b -> b.streamName("guarded").targetShardCount(8)
                    .scalingType("UNIFORM_SCALING"))).hasMessageContaining("cost guard");
            assertThat(pretendAws.kinesis.listStreams().streamNames()).containsExactly("guarded");
        }
    }
}
