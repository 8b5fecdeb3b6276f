package io.kinesisworkbook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notebook, executed headlessly by the real Jupyter toolchain (nbclient) and the real
 * workbook kernel, exactly as {@code ./workbook run} executes it. A notebook checks its own results
 * in its last cells, so a wrong result fails here; this test also checks it drew its charts.
 *
 * <p>{@code -Dworkbook.notebooks.load=N} runs them while N other CPU-bound processes keep the cores
 * busy, as on a learner's laptop doing something else, to catch a check that only a fast, idle
 * machine passes. CI runs them without: two notebooks at a time, beside the graders' module
 * ({@code -T 1C}), are load enough there, and a busy loop more put CI over its 15 minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebooksIT {

    static final Path OUTPUT = JupyterTools.MODULE.resolve("target/notebooks-it");
    /**
     * Notebooks run at once: a notebook mostly waits (KCL leases, Firehose buffers, Flink windows), so
     * two share two cores well; three at once were slower in CI than two (the kernels compete for CPU).
     */
    static final int AT_ONCE = 2;
    String python;
    final List<Process> load = new ArrayList<>();
    final Map<String, Future<Integer>> runs = new ConcurrentHashMap<>();
    ExecutorService runner;

    @BeforeAll
    void kernel() throws Exception {
        python = JupyterTools.python();
        JupyterTools.installKernelspec();
        int busy = Integer.getInteger("workbook.notebooks.load", 0);
        for (int i = 0; i < busy; i++) {
            load.add(new ProcessBuilder("yes").redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        if (busy > 0) {
            System.out.println("NotebooksIT: the notebooks run while " + busy + " busy processes keep the cores busy");
        }
        // All start now, AT_ONCE at a time, the largest first: a long notebook started last would run
        // alone at the end. Each test then waits for its own notebook.
        runner = Executors.newFixedThreadPool(AT_ONCE);
        List<String> largestFirst = notebooks().sorted(Comparator.comparingLong(NotebooksIT::size).reversed()).toList();
        for (String notebook : largestFirst) {
            runs.put(notebook, runner.submit(() -> execute(notebook)));
        }
    }

    @AfterAll
    void stopLoad() {
        runner.shutdownNow();
        load.forEach(Process::destroy);
    }

    private int execute(String notebook) throws Exception {
        return JupyterTools.run(List.of(python, "workbook-kernel/jupyter/run-notebooks.py", "--output-dir",
                OUTPUT.toString(), "notebooks/" + notebook), OUTPUT.resolve(notebook.replace(".ipynb", ".log")), 900);
    }

    private static long size(String notebook) {
        try {
            return Files.size(JupyterTools.ROOT.resolve("notebooks").resolve(notebook));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<String> notebooks() throws Exception {
        try (Stream<Path> files = Files.list(JupyterTools.ROOT.resolve("notebooks"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb")).sorted().toList().stream();
        }
    }

    @Test
    void aFailingCellIsReportedInPlainTextWithoutColourCodes() throws Exception {
        Path failing = OUTPUT.resolve("failing/fails.ipynb");
        Files.createDirectories(failing.getParent());
        Files.writeString(failing, """
                {"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
                            "source": ["Check.that(1 + 1 == 3, \\"arithmetic still works\\");"]}],
                 "metadata": {"kernelspec": {"name": "kinesis-workbook", "display_name": "Kinesis Workbook (Java)",
                                             "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        Path log = OUTPUT.resolve("failing/fails.log");
        int status = JupyterTools.run(List.of(python, "workbook-kernel/jupyter/run-notebooks.py", "--output-dir",
                failing.getParent().resolve("out").toString(), failing.toString()), log, 300);
        String output = Files.readString(log);
        assertThat(status).as("exit status; output:%n%s", output).isEqualTo(1);
        assertThat(output).contains("Check failed: arithmetic still works").doesNotContain("\u001b");
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void executesWithoutErrorsAndChecksItself(String notebook) throws Exception {
        Path log = OUTPUT.resolve(notebook.replace(".ipynb", ".log"));
        int status = runs.get(notebook).get();   // started in kernel(), AT_ONCE at a time
        assertThat(status).as("run-notebooks.py exit status; its output:%n%s", Files.readString(log)).isZero();

        JsonNode executed = new ObjectMapper().readTree(OUTPUT.resolve(notebook).toFile());
        List<String> types = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean drew = false;
        for (JsonNode cell : executed.get("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                types.add(output.get("output_type").asText());
                output.path("text").forEach(line -> text.append(line.asText()));
                output.path("data").fieldNames().forEachRemaining(types::add);
                // A chart is a PNG (XChart), or PNGs in a grid of HTML (a dashboard); a picture of
                // shards or leases is an SVG inside HTML.
                String html = output.path("data").path("text/html").toString();
                drew |= output.path("data").has("image/png") || html.contains("<svg") || html.contains("data:image/png");
            }
        }
        assertThat(echoedCells(executed)).as("cells whose last statement's value the kernel echoed: keep it in a variable")
                .isEmpty();
        assertThat(types).doesNotContain("error");
        assertThat(drew).as("the notebook drew a picture (a PNG chart or an SVG)").isTrue();
        assertThat(text.toString()).contains("✔").doesNotContain("Check failed");
        assertThat(OUTPUT.resolve(notebook.replace(".ipynb", ".html"))).exists();
    }

    /**
     * Cells with an execute_result, as "id: source": notebooks show results with Show and println, so
     * an execute_result is a value echoed by mistake (the kernel echoes a call's value even after a ';').
     */
    static List<String> echoedCells(JsonNode executed) {
        List<String> echoed = new ArrayList<>();
        for (JsonNode cell : executed.get("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                if (output.get("output_type").asText().equals("execute_result")) {
                    StringBuilder source = new StringBuilder();
                    cell.path("source").forEach(line -> source.append(line.asText()));
                    echoed.add(cell.path("id").asText() + ": " + source);
                }
            }
        }
        return echoed;
    }
}
