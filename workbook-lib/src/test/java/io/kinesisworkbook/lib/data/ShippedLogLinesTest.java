package io.kinesisworkbook.lib.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedLogLinesTest {

    @Test
    void countsEachKindOfLineTheShipperSends() {
        ShippedLogLines shipped = ShippedLogLines.from(AppLogs.seeded(8), 1_000);
        List<String> lines = shipped.lines();
        assertThat(shipped.logLines()).isEqualTo(1_000);
        assertThat(lines).hasSize(shipped.logLines() + shipped.debugLines() + shipped.notLogLines());
        assertThat(lines.stream().filter(line -> line.matches("\\S+ (INFO|WARN|ERROR) \\S+ .+"))).hasSize(1_000);
        assertThat(lines.stream().filter(line -> line.contains(" DEBUG "))).hasSize(shipped.debugLines());
        assertThat(lines.stream().filter(line -> line.startsWith("\tat "))).hasSize(shipped.notLogLines());
        assertThat(shipped.debugLines()).isGreaterThan(200);
        assertThat(shipped.notLogLines()).isGreaterThan(5);
        assertThat(ShippedLogLines.from(AppLogs.seeded(8), 1_000).lines()).as("seeded: the same every run").isEqualTo(lines);
    }
}
