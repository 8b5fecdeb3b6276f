package io.kinesisworkbook.lib.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.lib.LocalAws;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The library asks an endpoint what it is, and refuses one that is not the backend asked for. */
class BackendIdentityTest {

    private static Settings endpointAt(java.net.URI endpoint) {
        return BackendsTest.settings(Map.of("WORKBOOK_ENDPOINT", endpoint.toString()), Map.of(), Map.of());
    }

    @Test
    void theEmulatorIsKnownByItsHealthPage() {
        try (LocalAws local = new LocalAws(EmulatorOptions.defaults())) {
            EngineProbe.Identity identity = EngineProbe.identify(local.emulator.endpoint());
            assertThat(identity.engine()).contains(Engine.WORKBOOK_EMULATOR);
            assertThat(identity.describe()).isEqualTo("the workbook's emulator");
        }
    }

    @Test
    void theEmulatorOnPort4566IsNotTakenForFloci() {
        try (LocalAws local = new LocalAws(EmulatorOptions.defaults())) {
            assertThatThrownBy(() -> Backends.connect(Backend.FLOCI, endpointAt(local.emulator.endpoint())))
                    .isInstanceOf(WorkbookException.class)
                    .hasMessage("WORKBOOK_BACKEND=floci, but what answers at " + local.emulator.endpoint()
                            + " is the workbook's emulator: start Floci there, point WORKBOOK_ENDPOINT at it, "
                            + "or use WORKBOOK_BACKEND=embedded.")
                    .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
        }
    }

    @Test
    void localStackIsKnownWithItsVersionAndAccepted() {
        try (FakeEngine localStack = FakeEngine.localStack()) {
            Connection connection = Backends.connect(Backend.LOCALSTACK, endpointAt(localStack.endpoint()));
            assertThat(connection.engine()).isEqualTo(Engine.LOCALSTACK);
            assertThat(connection.version()).contains("4.9.2");
            assertThat(connection.describe()).isEqualTo("LocalStack (version 4.9.2) at " + localStack.endpoint() + " (us-east-1)");
        }
    }

    @Test
    void flociIsKnownEvenThoughItAlsoAnswersLocalStacksPage() {
        try (FakeEngine floci = FakeEngine.floci()) {
            assertThat(EngineProbe.identify(floci.endpoint()).engine()).contains(Engine.FLOCI);
            assertThat(Backends.connect(Backend.FLOCI, endpointAt(floci.endpoint())).engine()).isEqualTo(Engine.FLOCI);
            assertThatThrownBy(() -> Backends.connect(Backend.LOCALSTACK, endpointAt(floci.endpoint())))
                    .hasMessageStartingWith("WORKBOOK_BACKEND=localstack, but what answers at " + floci.endpoint()
                            + " is Floci 1.5.0: start LocalStack there");
        }
    }

    @Test
    void localStackIsNotTakenForFloci() {
        try (FakeEngine localStack = FakeEngine.localStack()) {
            assertThatThrownBy(() -> Backends.connect(Backend.FLOCI, endpointAt(localStack.endpoint())))
                    .hasMessageContaining("is LocalStack 4.9.2: start Floci there");
        }
    }

    @Test
    void kinesisMockStandsInForLocalStacksKinesisAndSaysSo() {
        try (FakeEngine kinesisMock = FakeEngine.kinesisMock()) {
            Connection connection = Backends.connect(Backend.LOCALSTACK, endpointAt(kinesisMock.endpoint()));
            assertThat(connection.engine()).isEqualTo(Engine.KINESIS_MOCK);
            assertThat(connection.describe()).startsWith("LocalStack (on kinesis-mock) at ");
            assertThat(connection.capabilities().has(Capability.WRITE_THROTTLING)).isFalse();
            assertThat(connection.capabilities().has(Capability.HASH_KEY_RANGES)).isTrue();
        }
    }

    @Test
    void somethingUnknownIsRefusedAndNamedAsSuch() {
        try (FakeEngine other = FakeEngine.somethingElse()) {
            assertThat(EngineProbe.identify(other.endpoint())).isEqualTo(EngineProbe.Identity.UNKNOWN);
            assertThatThrownBy(() -> Backends.connect(Backend.LOCALSTACK, endpointAt(other.endpoint())))
                    .hasMessageContaining("is something that is none of the workbook's emulator, Floci, LocalStack or kinesis-mock");
        }
    }

    @Test
    void nothingAtAllIsNothing() {
        assertThat(EngineProbe.identify(java.net.URI.create("http://127.0.0.1:1")).describe()).isEqualTo("nothing");
    }

    @Test
    void theDescriptionNamesTheEngineOnlyWhereItIsNotTheBackendItself() {
        Connection plain = new Connection(Backend.FLOCI, Optional.of(java.net.URI.create("http://localhost:4566")),
                software.amazon.awssdk.regions.Region.US_EAST_1, Backends.LOCAL_CREDENTIALS, 1);
        assertThat(plain.describe()).isEqualTo("Floci at http://localhost:4566 (us-east-1)");
    }
}
