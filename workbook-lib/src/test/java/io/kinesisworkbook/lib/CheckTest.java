package io.kinesisworkbook.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A passing check prints a line a slide has room for; a failing one says everything. */
class CheckTest {

    @Test
    void aShortValueIsPrintedWhole() {
        assertThat(printed(() -> Check.equal(Map.of("a", 1), Map.of("a", 1), "counts"))).isEqualTo("✔ counts: {a=1}\n");
    }

    @Test
    void aLongMapIsPrintedByItsStartAndItsSizeWhenItPassesAndWholeWhenItFails() {
        Map<String, Integer> windows = new TreeMap<>();
        IntStream.range(0, 57).forEach(i -> windows.put("2026-12-03T10:22:%02dZ|mobile".formatted(i), i));
        String line = printed(() -> Check.equal(new TreeMap<>(windows), windows, "every window"));
        assertThat(line).startsWith("✔ every window: {2026-12-03T10:22:00Z|mobile=0").endsWith("… (57 entries)\n");
        assertThat(line.length()).isLessThan(160);

        Map<String, Integer> other = new TreeMap<>(windows);
        other.put("2026-12-03T10:22:56Z|mobile", -1);
        assertThatThrownBy(() -> Check.equal(other, windows, "every window"))
                .hasMessageContaining("|mobile=-1}").hasMessageContaining("|mobile=56}");
    }

    private static String printed(Runnable check) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            check.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
