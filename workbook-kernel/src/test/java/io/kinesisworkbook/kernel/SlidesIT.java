package io.kinesisworkbook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The slides in headless Chromium. The offline decks ({@code ./workbook slides}) of a fixture and
 * of the notebooks NotebooksIT executed (this class runs after it and reuses its executed copies):
 * each reaches reveal's ready with the notebook's slides, charts as images, speaker notes in the
 * speaker view, and nothing fetched from outside the deck's folder; every slide is measured at
 * 1280x720. And the live slideshow: in classic Notebook 6 from the toolbar, and on jupyter_server
 * (the server of Notebook 7 and JupyterLab) from its URL, cells run on their slides on the
 * notebook's own kernel, a display redrawn in place included. And the JupyterLab/Notebook 7 button,
 * a prebuilt labextension built from npm, loaded as JupyterLab loads it (with a stand-in for the
 * application: no JupyterLab can be installed here). Screenshots are left in target/slides-it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlidesIT {

    static final Path OUTPUT = JupyterTools.MODULE.resolve("target/slides-it");
    static final Path FIXTURE = JupyterTools.MODULE.resolve("src/test/resources/slides-fixture.ipynb");
    /** The notebooks whose slides must all fit 1280x720; the teaching pass adds each one it fixes. */
    static final Path MUST_FIT = JupyterTools.MODULE.resolve("src/test/resources/slides-must-fit.txt");
    // In the fixture, cell 3 defines a variable and cell 6 (on the next slide) prints it in capitals;
    // cell 12 draws a progress bar and redraws it in place (update_display_data) until it is full.
    static final int DEFINING_CELL = 3;
    static final String DEFINING_CELL_OUTPUT = "Hello, slides";
    static final int USING_CELL = 6;
    static final String USING_CELL_OUTPUT = "HELLO, SLIDES";
    static final int PROGRESS_CELL = 12;
    static final String PROGRESS_CELL_FINAL_OUTPUT = "Drawing 100% (4/4";

    private final Map<String, Path> notebooks = new LinkedHashMap<>();
    private final Map<String, JsonNode> facts = new LinkedHashMap<>();

    @BeforeAll
    void decks() throws Exception {
        BrowserTools.requireSlidesTools();
        notebooks.put("slides-fixture", executedFixture());
        notebooks.putAll(executedNotebooks());
        Path decks = OUTPUT.resolve("decks");
        List<String> build = new ArrayList<>(List.of("--output-dir", decks.toString()));
        notebooks.values().forEach(notebook -> build.add(notebook.toString()));
        Path buildLog = OUTPUT.resolve("build-decks.log");
        assertThat(BrowserTools.node("tools/slides/build-decks.mjs", build, buildLog, 120))
                .as("build-decks.mjs; its output:%n%s", Files.readString(buildLog)).isZero();

        List<String> open = new ArrayList<>(List.of(OUTPUT.resolve("facts.json").toString(), OUTPUT.resolve("screenshots").toString()));
        notebooks.keySet().forEach(name -> open.add(decks.resolve(name + ".html").toString()));
        Path log = OUTPUT.resolve("deck-facts.log");
        assertThat(BrowserTools.node("tools/browser-test/deck-facts.mjs", open, log, 300))
                .as("deck-facts.mjs; its output:%n%s", Files.readString(log)).isZero();
        new ObjectMapper().readTree(OUTPUT.resolve("facts.json").toFile()).forEach(fact -> facts.put(fact.get("deck").asText(), fact));
    }

    /** The fixture executed by the real kernel (it is committed without outputs, as every notebook is). */
    private static Path executedFixture() throws Exception {
        JupyterTools.installKernelspec();
        Path executed = OUTPUT.resolve("fixture");
        Path log = OUTPUT.resolve("fixture.log");
        int status = JupyterTools.run(List.of(JupyterTools.python(), "workbook-kernel/jupyter/run-notebooks.py",
                "--output-dir", executed.toString(), FIXTURE.toString()), log, 300);
        assertThat(status).as("run-notebooks.py on the fixture; its output:%n%s", Files.readString(log)).isZero();
        return executed.resolve(FIXTURE.getFileName());
    }

    /** NotebooksIT's executed copies that are newer than their notebook; the others are named and left out. */
    private static Map<String, Path> executedNotebooks() throws Exception {
        Map<String, Path> executed = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(JupyterTools.ROOT.resolve("notebooks"))) {
            for (Path notebook : files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList()) {
                Path copy = NotebooksIT.OUTPUT.resolve(notebook.getFileName());
                String name = notebook.getFileName().toString().replace(".ipynb", "");
                if (Files.exists(copy) && Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(notebook)) > 0) {
                    executed.put(name, copy);
                } else {
                    System.out.println("SKIPPED the deck of " + name + ": no current executed copy in " + NotebooksIT.OUTPUT
                            + " (NotebooksIT writes it)");
                }
            }
        }
        return executed;
    }

    @Test
    void offlineDecksShowEverySlideChartAndNoteWithNothingFetchedFromOutside() throws Exception {
        assertThat(facts.get("slides-fixture").path("speakerNotes").path("shown").asText())
                .as("the fixture's first speaker notes, in the speaker view")
                .isEqualTo(NotebookSlides.of(FIXTURE).firstNotes().strip());
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, Path> notebook : notebooks.entrySet()) {
            NotebookSlides expected = NotebookSlides.of(notebook.getValue());
            JsonNode fact = facts.get(notebook.getKey());
            String deck = notebook.getKey() + ": ";
            softly.assertThat(fact.path("failure").asText("")).as(deck + "failure").isEmpty();
            softly.assertThat(fact.path("ready").asBoolean()).as(deck + "reveal.js ready").isTrue();
            softly.assertThat(fact.path("errors")).as(deck + "errors on the page").isEmpty();
            softly.assertThat(fact.path("outside")).as(deck + "requests outside the deck's folder").isEmpty();
            softly.assertThat(fact.path("totalSlides").asInt()).as(deck + "slides").isEqualTo(expected.slides());
            softly.assertThat(fact.path("images").asInt()).as(deck + "charts as images").isEqualTo(expected.charts());
            softly.assertThat(fact.path("notes").asInt()).as(deck + "slides with speaker notes").isEqualTo(expected.slidesWithNotes());
            if (expected.slidesWithNotes() > 0) {
                JsonNode speakerView = fact.path("speakerNotes");
                softly.assertThat(speakerView.path("inDeck").asText()).as(deck + "the first notes, in the deck").isNotBlank();
                softly.assertThat(speakerView.path("shown").asText()).as(deck + "the first notes, in the speaker view")
                        .isEqualTo(speakerView.path("inDeck").asText());
            }
        }
        softly.assertAll();
    }

    @Test
    void noSlideOverflowsInTheNotebooksThatMustFit() throws Exception {
        List<String> mustFit = Files.readAllLines(MUST_FIT).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        List<String> failures = new ArrayList<>();
        for (String notebook : notebooks.keySet()) {
            SlideOverflow overflow = SlideOverflow.of(notebook, facts.get(notebook).get("measurement"));
            System.out.println(overflow.table());
            if (mustFit.contains(notebook) && overflow.overflows()) {
                failures.add(notebook);
            }
        }
        System.out.println("Must fit (" + MUST_FIT.getFileName() + "): " + mustFit);
        assertThat(failures).as("notebooks listed in %s with slides that do not fit 1280x720 (tables above)", MUST_FIT).isEmpty();
    }

    @Test
    void liveSlideshowRunsACellOnTheNotebooksKernelInClassicNotebook() throws Exception {
        String python = JupyterTools.python();
        try (JupyterServer jupyter = startWithFixture(python, JupyterServer.Kind.CLASSIC_NOTEBOOK, "classic")) {
            Path log = OUTPUT.resolve("classic/browser.log");
            int status = BrowserTools.node("tools/browser-test/live-slideshow.mjs", List.of(
                    jupyter.url("notebooks/slides-fixture.ipynb"), OUTPUT.resolve("classic").toString(),
                    String.valueOf(DEFINING_CELL), String.valueOf(USING_CELL), USING_CELL_OUTPUT), log, 300);
            assertThat(status).as("live slideshow; its output:%n%s%nJupyter's log:%n%s", Files.readString(log), jupyter.logText()).isZero();
        }
    }

    @Test
    void liveSlideshowPickedFromItsListRunsCellsOnJupyterServer() throws Exception {
        String python = JupyterTools.python();
        requireJupyterServer(python);
        try (JupyterServer jupyter = startWithFixture(python, JupyterServer.Kind.JUPYTER_SERVER, "jupyter-server")) {
            Path log = OUTPUT.resolve("jupyter-server/browser.log");
            int status = BrowserTools.node("tools/browser-test/live-deck-page.mjs", List.of(
                    jupyter.url("workbook-slides/"), "slides-fixture.ipynb", OUTPUT.resolve("jupyter-server").toString(),
                    String.valueOf(DEFINING_CELL), DEFINING_CELL_OUTPUT, String.valueOf(USING_CELL), USING_CELL_OUTPUT,
                    String.valueOf(PROGRESS_CELL), PROGRESS_CELL_FINAL_OUTPUT), log, 300);
            assertThat(status).as("live slideshow; its output:%n%s%nJupyter's log:%n%s", Files.readString(log), jupyter.logText()).isZero();
        }
    }

    @Test
    void jupyterLabExtensionBuildsFromNpmAndItsButtonOpensTheSlideshow() throws Exception {
        Path labextension = BrowserTools.SLIDES.resolve("labextension");
        JupyterTools.require(Files.isDirectory(labextension.resolve("node_modules/@jupyterlab/builder")),
                "no JupyterLab extension builder: run npm ci in tools/slides/labextension");
        Path log = OUTPUT.resolve("labextension.log");
        assertThat(BrowserTools.node("tools/slides/labextension/build.mjs", List.of(), log, 120))
                .as("build.mjs; its output:%n%s", Files.readString(log)).isZero();
        Path built = JupyterTools.ROOT.resolve("target/slides-labextension");
        Path checkLog = OUTPUT.resolve("labextension-check.log");
        assertThat(BrowserTools.node("tools/browser-test/labextension-check.mjs",
                List.of(built.toString(), OUTPUT.resolve("labextension").toString()), checkLog, 120))
                .as("labextension-check.mjs; its output:%n%s", Files.readString(checkLog)).isZero();
        JupyterTools.installLiveSlideshow(built);
        assertThat(JupyterTools.JUPYTER_DATA.resolve("labextensions/kinesis-workbook-slides/package.json")).exists();
    }

    /** A server with the live slideshow installed, serving a copy of the fixture (Jupyter saves what it serves). */
    private static JupyterServer startWithFixture(String python, JupyterServer.Kind kind, String name) throws Exception {
        JupyterTools.installKernelspec();
        JupyterTools.installLiveSlideshow();
        Path served = Files.createDirectories(OUTPUT.resolve(name).resolve("notebooks"));
        Files.copy(FIXTURE, served.resolve("slides-fixture.ipynb"), StandardCopyOption.REPLACE_EXISTING);
        return JupyterServer.start(python, kind, served, OUTPUT.resolve(name).resolve("jupyter.log"));
    }

    private static void requireJupyterServer(String python) throws Exception {
        JupyterTools.require(JupyterTools.run(List.of(python, "-c", "import jupyter_server"), null, 60) == 0,
                "jupyter_server is not installed (Debian: apt-get install python3-jupyter-server)");
    }
}
