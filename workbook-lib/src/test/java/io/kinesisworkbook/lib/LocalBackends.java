package io.kinesisworkbook.lib;

import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.Backends;
import io.kinesisworkbook.lib.backend.Capability;
import io.kinesisworkbook.lib.backend.EngineProbe;
import io.kinesisworkbook.lib.backend.LocalEmulators;
import io.kinesisworkbook.lib.backend.Settings;
import java.net.URI;

/**
 * Whether a test can reach LocalStack or Floci: one that already answers at {@code WORKBOOK_ENDPOINT}
 * (default {@code http://localhost:4566}) and says it is that backend, or else Docker to start one.
 * Where neither, the test is skipped with the reason printed ({@link Skip}).
 */
public final class LocalBackends {

    private LocalBackends() {
    }

    /** Skips the calling test unless {@code backend} can be reached and has every capability it needs. */
    public static void require(Backend backend, Capability... needs) {
        URI endpoint = LocalEmulators.configuredEndpoint(Settings.current());
        if (LocalEmulators.isListening(endpoint)) {
            EngineProbe.Identity identity = EngineProbe.identify(endpoint);
            if (identity.engine().filter(Backends.accepted(backend)::contains).isEmpty()) {
                Skip.because("what answers at " + endpoint + " is " + identity.describe() + ", not "
                        + backend.displayName() + "; set WORKBOOK_ENDPOINT to where " + backend.displayName() + " runs");
            }
            var capabilities = io.kinesisworkbook.lib.backend.Capabilities.of(identity.engine().get());
            for (Capability capability : needs) {
                if (!capabilities.has(capability)) {
                    Skip.because(capabilities.lacking(capability));
                }
            }
            return;
        }
        Skip.unless(LocalEmulators.dockerAvailable(), "nothing answers at " + endpoint + " (WORKBOOK_ENDPOINT) and there is "
                + "no Docker engine to start " + backend.displayName() + "; the embedded backend's tests cover the same "
                + "library paths");
    }
}
