package io.kinesisworkbook.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class whose client is a Python script ({@link PythonScript}): one emulator (AWS's
 * behaviour, instant state changes, the wall clock), the script run once against it, and what it
 * saw in {@link #seen} for each test method to check a part of.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PythonScriptTest {

    protected Emulator emulator;
    protected JsonNode seen;

    /** The script this class checks, with what it requires and any variables it needs. */
    protected abstract PythonScript script();

    @BeforeAll
    void runScript() {
        emulator = Emulator.start(EmulatorOptions.defaults().withInstantTransitions());
        seen = script().runAgainst(emulator.endpoint());
    }

    @AfterAll
    void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    /** The members of a JSON object, as sent: to check an error body's casing. */
    protected static List<String> memberNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
