package io.kinesisworkbook.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** What the notebook tests need from the machine: Jupyter's Python, the kernelspec, the repository. */
final class JupyterTools {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path ROOT = MODULE.getParent();
    static final Path JUPYTER_DATA = MODULE.resolve("target/jupyter-it");
    static final Path JUPYTER_CONFIG = MODULE.resolve("target/jupyter-it-config");

    private JupyterTools() {
    }

    /**
     * The Python with Jupyter (Debian's first). Where there is none, the test is skipped with the
     * reason, except in CI, which installs Jupyter, so there a missing Jupyter is a failure.
     */
    static String python() throws Exception {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            if (run(List.of(candidate, "-c", "import nbclient, nbconvert, notebook"), null, 60) == 0) {
                return candidate;
            }
        }
        require(false, "Jupyter is not installed (apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient)");
        return null;
    }

    /**
     * Skips the test where what it needs is missing, printing the reason; in CI, which installs
     * everything the tests need (.ci/run), a missing tool is a failure instead.
     */
    static void require(boolean ready, String reason) {
        if (!ready && System.getenv("CI") != null) {
            throw new AssertionError(reason + ", but CI must run this test: .ci/run installs it");
        }
        if (!ready) {
            System.out.println("SKIPPED: " + reason);
        }
        Assumptions.assumeTrue(ready, reason);
    }

    /** Installs the kernelspec from this build into a data dir of the tests' own. */
    static void installKernelspec() throws Exception {
        int status = run(List.of("bash", MODULE.resolve("jupyter/install-kernelspec.sh").toString(), JUPYTER_DATA.toString()),
                null, 60);
        if (status != 0) {
            throw new AssertionError("install-kernelspec.sh failed with " + status);
        }
    }

    /**
     * Installs the live slideshow as ./workbook start does: a server extension and the classic
     * notebook's button, and JupyterLab's if a built labextension is given.
     */
    static void installLiveSlideshow(Path... labextension) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", ROOT.resolve("tools/slides/install-in-jupyter.mjs").toString(),
                JUPYTER_DATA.toString(), JUPYTER_CONFIG.toString()));
        Stream.of(labextension).forEach(path -> command.add(path.toString()));
        int status = run(command, null, 60);
        if (status != 0) {
            throw new AssertionError("install-in-jupyter.mjs failed with " + status);
        }
    }

    /** Jupyter finds the tests' kernelspec, the live slideshow and its config, as ./workbook start's Jupyter does. */
    static void jupyterEnvironment(Map<String, String> environment) {
        environment.put("JUPYTER_PATH", JUPYTER_DATA.toString());
        environment.put("JUPYTER_CONFIG_PATH", JUPYTER_CONFIG.toString());
        environment.put("PYTHONPATH", JUPYTER_DATA.resolve("workbook-slides/python").toString());
    }

    static int run(List<String> command, Path log, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(ROOT.toFile());
        jupyterEnvironment(builder.environment());
        if (log != null) {
            Files.createDirectories(log.getParent());
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        } else {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command);
        }
        return process.exitValue();
    }
}
