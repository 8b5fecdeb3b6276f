package io.kinesisworkbook.emulator.athena.engine;

import io.kinesisworkbook.emulator.athena.QueryFailure;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The S3 objects that queries have read, as local files that DuckDB reads, keyed by object and
 * ETag: an object is fetched and prepared once, and again only when it changes.
 *
 * <p>Why files: the emulator's S3 keeps objects in S3Proxy's in-memory store, which DuckDB cannot
 * see; DuckDB's own S3 reader (httpfs) is an extension to download, which the emulator must not;
 * and DuckDB's JSON and Parquet readers are fastest on files, in parallel. Preparing a file is also
 * where the JSON SerDes' rules are applied (see {@link JsonLines}) and where GZIP is undone, by the
 * object's extension as Athena decides it.
 */
final class ObjectCache {

    private final Path directory;
    private final ObjectStore store;
    /** The file each object was last prepared into, so that an overwritten object's old file goes. */
    private final Map<String, Path> current = new HashMap<>();

    ObjectCache(Path directory, ObjectStore store) {
        this.directory = directory;
        this.store = store;
    }

    /** A Parquet object, as it is. */
    Path parquet(TableFile file) {
        return prepare(file, "raw", ".parquet", (data, out) -> out.write(data));
    }

    /** A JSON object, decompressed and normalised as the table's SerDe reads it. */
    Path jsonLines(TableFile file, JsonLines serde, String serdeVariant) {
        return prepare(file, serdeVariant, ".json", (data, out) -> serde.copy(decompressed(file, data), out, file.path()));
    }

    private interface Writer {
        void write(byte[] data, OutputStream out) throws IOException;
    }

    private Path prepare(TableFile file, String variant, String suffix, Writer writer) {
        String objectId = hash(file.bucket() + "/" + file.key() + "#" + variant);
        Path target = directory.resolve(objectId + "-" + hash(file.eTag()).substring(0, 16) + suffix);
        if (Files.exists(target)) {
            return target;
        }
        byte[] data = store.getObject(file.bucket(), file.key());
        if (data == null) {
            throw QueryFailure.data("HIVE_CANNOT_OPEN_SPLIT", "Error opening Hive split " + file.path()
                    + ": The specified key does not exist.");
        }
        Path partial = directory.resolve(objectId + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            writer.write(data, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path previous = current.put(objectId, target);
        if (previous != null && !previous.equals(target)) {
            previous.toFile().delete();
        }
        return target;
    }

    /** Athena picks a text file's codec by its extension; {@code .gz} is GZIP, no extension is plain. */
    private static byte[] decompressed(TableFile file, byte[] data) throws IOException {
        String key = file.key().toLowerCase(Locale.ROOT);
        if (key.endsWith(".gz") || key.endsWith(".gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw QueryFailure.data("HIVE_CURSOR_ERROR", "Not in GZIP format: " + file.path());
            }
        }
        for (String other : new String[] {".bz2", ".snappy", ".zst", ".lz4", ".deflate", ".lzo"}) {
            if (key.endsWith(other)) {
                throw QueryFailure.of("NOT_SUPPORTED", "The embedded emulator reads GZIP (.gz) or uncompressed text, not "
                        + other + " (" + file.path() + ")");
            }
        }
        return data;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
