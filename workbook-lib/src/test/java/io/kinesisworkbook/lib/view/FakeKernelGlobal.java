package io.kinesisworkbook.lib.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the rapaio kernel's {@code org.rapaio.jupyter.kernel.global.Global}: same static method
 * signatures, but it records the calls instead of sending Jupyter messages.
 */
final class FakeKernelGlobal {

    record Call(String method, String id, String mime, Object value) {
    }

    static final List<Call> CALLS = new ArrayList<>();

    private FakeKernelGlobal() {
    }

    public static String display(String mime, Object value) {
        String id = "display-" + (CALLS.size() + 1);
        CALLS.add(new Call("display", id, mime, value));
        return id;
    }

    public static void updateDisplay(String id, String mime, Object value) {
        CALLS.add(new Call("updateDisplay", id, mime, value));
    }
}
