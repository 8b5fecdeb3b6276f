package io.kinesisworkbook.emulator.lambda.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's code as uploaded (a .zip or a .jar), unpacked into a directory the way AWS's Java
 * runtime reads {@code /var/task}: classes and resources at the root, and every {@code lib/*.jar}
 * on the class path after them.
 */
public final class DeploymentPackage {

    /** AWS's limit on a function's unzipped code (250 MB). */
    public static final long MAX_UNZIPPED_BYTES = 262_144_000L;

    private final Path directory;
    private final String sha256;
    private final long size;

    private DeploymentPackage(Path directory, String sha256, long size) {
        this.directory = directory;
        this.sha256 = sha256;
        this.size = size;
    }

    /**
     * Checks and unpacks an upload.
     *
     * @throws InvalidPackageException with AWS's words when it is not a zip or is too large unzipped
     */
    public static DeploymentPackage unpack(byte[] zip, Path directory) {
        try {
            Files.createDirectories(directory);
            long unzipped = 0;
            int entries = 0;
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    entries++;
                    Path target = directory.resolve(entry.getName()).normalize();
                    if (!target.startsWith(directory)) {
                        continue; // a "../" entry: AWS's unzip would not write outside /var/task either
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    unzipped += Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    if (unzipped > MAX_UNZIPPED_BYTES) {
                        throw new InvalidPackageException("Unzipped size must be smaller than " + MAX_UNZIPPED_BYTES + " bytes");
                    }
                }
            } catch (java.util.zip.ZipException e) {
                entries = 0;
            }
            if (entries == 0) {
                deleteTree(directory);
                throw new InvalidPackageException("Could not unzip uploaded file. Please check your file, then try to upload again.");
            }
            Files.write(zipFileOf(directory), zip);
            return new DeploymentPackage(directory, sha256(zip), zip.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidPackageException e) {
            deleteTree(directory);
            throw e;
        }
    }

    /** CodeSha256: the base64 of the SHA-256 of the upload, as AWS gives it. */
    public String sha256() {
        return sha256;
    }

    /** CodeSize: the upload's bytes. */
    public long size() {
        return size;
    }

    public Path directory() {
        return directory;
    }

    /** The upload as it came, for GetFunction's Code.Location. */
    public byte[] zip() {
        try {
            return Files.readAllBytes(zipFileOf(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path zipFileOf(Path directory) {
        return directory.resolveSibling(directory.getFileName() + ".zip");
    }

    /** The class path AWS's Java runtime builds: the root, then {@code lib/*.jar} in name order. */
    URL[] classPath() {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(directory.toUri().toURL());
            Path lib = directory.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return urls.toArray(URL[]::new);
    }

    /** Removes the unpacked files. */
    public void delete() {
        deleteTree(directory);
        try {
            Files.deleteIfExists(zipFileOf(directory));
        } catch (IOException e) {
            // Best effort, as for the directory.
        }
    }

    /** Deletes a directory and everything in it, as far as it can. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a temporary directory that stays behind does no harm.
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An upload AWS would refuse; the message is AWS's. */
    public static final class InvalidPackageException extends RuntimeException {
        public InvalidPackageException(String message) {
            super(message, null, false, false);
        }
    }
}
