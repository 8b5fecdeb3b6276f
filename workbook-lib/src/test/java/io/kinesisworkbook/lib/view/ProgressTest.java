package io.kinesisworkbook.lib.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void terminalRedrawsOneLineInPlaceOnSystemOut() {
        String output = captureSystemOut(() -> {
            Display previous = Show.use(new TerminalDisplay(() -> System.out, null));
            try (Progress progress = Progress.of("Producing", 4)) {
                for (int i = 0; i < 4; i++) {
                    progress.step();
                }
            } finally {
                Show.use(previous);
            }
        });

        String[] frames = output.split("\r");
        assertThat(frames).hasSize(1 + 4 + 1); // first draw, one per 25 %, the final draw at close
        assertThat(frames[0]).startsWith("Producing [..............................]   0%  0/4");
        assertThat(frames[2]).startsWith("Producing [###############...............]  50%  2/4");
        assertThat(frames[5]).startsWith("Producing [##############################] 100%  4/4").endsWith(System.lineSeparator());
        assertThat(output.split(System.lineSeparator(), -1)).as("a single line, ended once").hasSize(2);
    }

    @Test
    void redrawsOnlyWhenThePercentageChanges() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

        try (Progress progress = new Progress("Producing", 10_000, new TerminalDisplay(() -> out, null))) {
            for (int i = 0; i < 10_000; i++) {
                progress.step();
            }
        }

        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(count(output, '\r')).isEqualTo(100 + 1); // 1 % .. 100 %, then the final draw at close
        assertThat(output).contains("100%  10,000/10,000");
    }

    @Test
    void aShorterLineWipesTheRestOfTheLongerOne() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Display.LiveOutput line = new TerminalDisplay(() -> out, null).live("", "long line");

        line.update("", "short");

        assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("long line\rshort    ");
    }

    @Test
    void concurrentStepsAreAllCountedAndTheBarNeverGoesBack() throws InterruptedException {
        FakeKernelGlobal.CALLS.clear();
        Progress progress;
        try {
            progress = new Progress("Consuming", 8_000, new JupyterDisplay(FakeKernelGlobal.class));
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 8_000; i++) {
            pool.execute(progress::step);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        progress.close();
        progress.close();

        assertThat(progress.done()).isEqualTo(8_000);
        assertThat(FakeKernelGlobal.CALLS.get(0).method()).isEqualTo("display");
        assertThat(FakeKernelGlobal.CALLS.subList(1, FakeKernelGlobal.CALLS.size()))
                .allSatisfy(call -> assertThat(call.id()).isEqualTo("display-1"))
                .extracting(call -> percentIn((String) call.value()))
                .isSorted()
                .endsWith(100, 100);
        assertThat((String) FakeKernelGlobal.CALLS.get(FakeKernelGlobal.CALLS.size() - 1).value())
                .contains("<progress value=\"8000\" max=\"8000\"");
    }

    private static int percentIn(String html) {
        return Integer.parseInt(html.replaceAll(".*Consuming (\\d+)%.*", "$1"));
    }

    private static String captureSystemOut(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
