package io.kinesisworkbook.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Runs the example in README.md exactly as written, snippet by snippet, in JShell: the engine the
 * Jupyter kernel runs notebook cells with. A README that no longer works fails the build.
 */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRunsAsWritten() throws Exception {
        String code = example(Files.readString(Path.of("README.md")));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream console = System.out;
        // The local engine runs snippets in this JVM, so their System.out is ours: capture it.
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                shell.addToClasspath(entry);
            }
            for (String snippet : snippets(shell, code)) {
                for (SnippetEvent event : shell.eval(snippet)) {
                    if (event.status() == Snippet.Status.REJECTED) {
                        fail("README snippet does not compile: " + snippet + "\n"
                                + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                    }
                    if (event.exception() != null) {
                        fail("README snippet failed: " + snippet, event.exception());
                    }
                }
            }
            assertThat(shell.variables().filter(v -> v.name().equals("received")).findFirst()).isPresent();
        } finally {
            System.setOut(console);
        }
        String printed = output.toString(StandardCharsets.UTF_8);
        console.print(printed);
        assertThat(printed).contains("10000 clicks read from 4 shards");
    }

    static String example(String readme) {
        int start = readme.indexOf("<!-- example:start -->");
        int end = readme.indexOf("<!-- example:end -->");
        String block = readme.substring(start, end);
        return block.substring(block.indexOf("```java") + "```java".length(), block.lastIndexOf("```"));
    }

    /** Splits source into the complete snippets JShell evaluates one at a time. */
    static List<String> snippets(JShell shell, String code) {
        List<String> snippets = new ArrayList<>();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                fail("incomplete snippet in README example: " + remaining);
            }
            snippets.add(info.source());
            remaining = info.remaining();
        }
        return snippets;
    }
}
