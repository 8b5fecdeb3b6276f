package io.kinesisworkbook.emulator.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds function deployment packages at test time: compiles handler sources against
 * aws-lambda-java-core (and aws-lambda-java-events when asked) into a temporary directory and zips
 * them, so the handler classes are on no class path the tests run with. Isolation is real.
 */
final class FunctionJars {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<Path> libraries = new ArrayList<>();

    static FunctionJars builder() {
        return new FunctionJars();
    }

    /** A source file; its class name is read from its package and first public type. */
    FunctionJars source(String className, String source) {
        sources.put(className, source);
        return this;
    }

    /** Bundles aws-lambda-java-events in lib/, as a real function does. */
    FunctionJars withEvents() {
        libraries.add(jarOf(com.amazonaws.services.lambda.runtime.events.KinesisEvent.class));
        return this;
    }

    /** A .zip: classes at the root, libraries under lib/ (AWS's layout for Java). */
    byte[] zip() {
        Path classes = compile();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            for (Path library : libraries) {
                zip.putNextEntry(new ZipEntry("lib/" + library.getFileName()));
                zip.write(Files.readAllBytes(library));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private Path compile() {
        try {
            Path root = Files.createTempDirectory("function-src-");
            Path out = Files.createDirectories(root.resolve("classes"));
            List<String> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = root.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                files.add(file.toString());
            }
            List<String> classPath = new ArrayList<>(List.of(jarOf(Context.class).toString(),
                    jarOf(io.kinesisworkbook.emulator.lambda.runtime.FunctionEnvironment.class).toString()));
            libraries.forEach(library -> classPath.add(library.toString()));
            List<String> arguments = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", out.toString(),
                    "-cp", String.join(java.io.File.pathSeparator, classPath)));
            arguments.addAll(files);
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            StringWriter errors = new StringWriter();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = compiler.run(null, null, err, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("compiling the test function failed:\n" + err.toString(StandardCharsets.UTF_8) + errors);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar (or classes directory) a class was loaded from. */
    static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
