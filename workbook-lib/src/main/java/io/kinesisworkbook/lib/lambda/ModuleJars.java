package io.kinesisworkbook.lib.lambda;

import io.kinesisworkbook.lib.backend.WorkbookException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds the deployment jar a Maven module of this project built ({@code <module>/target/<module>-*.jar}),
 * from the working directory or any of its parents, so a notebook in {@code notebooks/} finds it.
 */
public final class ModuleJars {

    private ModuleJars() {
    }

    public static Path of(String module) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path target = dir.resolve(module).resolve("target");
            if (Files.isDirectory(dir.resolve(module))) {
                return newestJar(target, module);
            }
        }
        throw notBuilt(module);
    }

    private static Path newestJar(Path target, String module) {
        if (!Files.isDirectory(target)) {
            throw notBuilt(module);
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().startsWith(module + "-"))
                    .filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().startsWith("original-"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> notBuilt(module));
        } catch (IOException e) {
            throw new WorkbookException("Cannot read " + target + ": " + e.getMessage());
        }
    }

    private static WorkbookException notBuilt(String module) {
        return new WorkbookException("The " + module + " jar is not built yet: run ./mvnw -q -pl " + module
                + " package (./workbook start and ./workbook run build it for you).");
    }
}
