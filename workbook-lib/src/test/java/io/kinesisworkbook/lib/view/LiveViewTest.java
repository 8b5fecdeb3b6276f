package io.kinesisworkbook.lib.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class LiveViewTest {

    @BeforeEach
    void resetKernel() {
        FakeKernelGlobal.CALLS.clear();
    }

    @Test
    void inJupyterTheTableAndTheChartAreEachReplacedInPlace() throws Exception {
        Display jupyter = new JupyterDisplay(FakeKernelGlobal.class);

        try (LiveView view = new LiveView(jupyter, "starting", 20)) {
            view.update("1 row", pages(1), null);
            view.update("2 rows", pages(2), Charts.bars("views").category("/", 1));
            view.update("3 rows", pages(3), Charts.bars("views").category("/", 3));
        }

        List<FakeKernelGlobal.Call> calls = FakeKernelGlobal.CALLS;
        assertThat(calls).filteredOn(c -> c.method().equals("display")).extracting(FakeKernelGlobal.Call::mime)
                .containsExactly("text/html", "image/png");
        String tableId = calls.get(0).id();
        String chartId = calls.stream().filter(c -> c.mime().equals("image/png")).findFirst().orElseThrow().id();
        assertThat(calls).filteredOn(c -> c.method().equals("updateDisplay"))
                .allMatch(c -> c.id().equals(c.mime().equals("image/png") ? chartId : tableId));
        FakeKernelGlobal.Call lastTable = calls.stream().filter(c -> c.mime().equals("text/html")).reduce((a, b) -> b).orElseThrow();
        assertThat((String) lastTable.value()).contains("3 rows").contains("/page-3");
    }

    @Test
    void aTerminalRewritesTheStatusAndPrintsTheTableOnceAtTheEnd() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

        try (LiveView view = new LiveView(new TerminalDisplay(() -> out, null), "starting", 20)) {
            view.update("1 row", pages(1), null);
            view.update("2 rows", pages(2), Charts.bars("views").category("/", 2));
        }

        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("\r2 rows").containsOnlyOnce("/page-1").containsOnlyOnce("[chart] views");
        assertThat(printed.indexOf("/page-2")).isGreaterThan(printed.lastIndexOf("\r"));
    }

    private static Table pages(int rows) {
        StringColumn page = StringColumn.create("page");
        IntColumn views = IntColumn.create("views");
        for (int i = 1; i <= rows; i++) {
            page.append("/page-" + i);
            views.append(i);
        }
        return Table.create("views", page, views);
    }
}
