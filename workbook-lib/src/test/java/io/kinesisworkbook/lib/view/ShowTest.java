package io.kinesisworkbook.lib.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ShowTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    private Display previous;

    @BeforeEach
    void resetKernel() {
        FakeKernelGlobal.CALLS.clear();
    }

    @AfterEach
    void restoreDisplay() {
        if (previous != null) {
            Show.use(previous);
        }
    }

    @Test
    void withoutTheKernelOutputIsText() {
        assertThat(JupyterDisplay.find()).isEmpty();
        assertThat(Show.current()).isInstanceOf(TerminalDisplay.class);
        assertThat(Show.inJupyter()).isFalse();
    }

    @Test
    void terminalPrintsTablesAsText() {
        previous = Show.use(new TerminalDisplay(() -> out, null));

        Show.table(shards());

        assertThat(printed()).contains("shardId-000000000000").contains("records").doesNotContain("<td");
    }

    @Test
    void terminalPrintsANoteForAChart() {
        previous = Show.use(new TerminalDisplay(() -> out, null));

        Show.chart(Charts.bars("Connections").category("point-to-point", 12));

        assertThat(printed()).isEqualTo("[chart] Connections (800x400, 1 series) (set WORKBOOK_CHART_DIR or call saveAs(path) for a PNG)\n");
    }

    @Test
    void terminalSavesChartsWhenGivenAFolder(@TempDir Path dir) throws Exception {
        previous = Show.use(new TerminalDisplay(() -> out, dir));

        Show.chart(Charts.bars("Events per second!").category("a", 1));

        Path file = dir.resolve("events-per-second.png");
        assertThat(Files.readAllBytes(file)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(printed()).contains("saved to " + file);
    }

    @Test
    void terminalShowsHtmlWithoutTags() {
        previous = Show.use(new TerminalDisplay(() -> out, null));

        Show.html("<p>Shards: <b>4</b> &amp; consumers &lt;2&gt;</p>");

        assertThat(printed()).isEqualTo("Shards: 4 & consumers <2>\n");
    }

    @Test
    void inTheKernelChartsGoAsBase64Png() throws Exception {
        previous = Show.use(new JupyterDisplay(FakeKernelGlobal.class));
        BarChart chart = Charts.bars("Connections").category("unified log", 7);

        Show.chart(chart);

        assertThat(FakeKernelGlobal.CALLS).hasSize(1);
        FakeKernelGlobal.Call call = FakeKernelGlobal.CALLS.get(0);
        assertThat(call.method()).isEqualTo("display");
        assertThat(call.mime()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode((String) call.value())).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void inTheKernelTablesGoAsHtml() throws Exception {
        previous = Show.use(new JupyterDisplay(FakeKernelGlobal.class));

        Show.table(shards());

        FakeKernelGlobal.Call call = FakeKernelGlobal.CALLS.get(0);
        assertThat(call.mime()).isEqualTo("text/html");
        assertThat((String) call.value()).startsWith("<table").contains("<td style=\"text-align:left\">shardId-000000000000</td>");
    }

    private String printed() {
        return captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static Table shards() {
        return Table.create("shards", StringColumn.create("shard", "shardId-000000000000"), IntColumn.create("records", new int[] {42}));
    }
}
