package io.kinesisworkbook.emulator.firehose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.xerial.snappy.SnappyFramedOutputStream;
import org.xerial.snappy.SnappyHadoopCompatibleOutputStream;

/**
 * The compression formats of an S3 destination, each with the file extension Firehose appends to
 * the object's key.
 */
enum Compression {
    UNCOMPRESSED(""),
    GZIP(".gz"),
    ZIP(".zip"),
    Snappy(".snappy"),
    HADOOP_SNAPPY(".hsnappy");

    private final String extension;

    Compression(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    static Compression of(String name) {
        if (name == null) {
            return UNCOMPRESSED;
        }
        for (Compression compression : values()) {
            if (compression.name().equals(name)) {
                return compression;
            }
        }
        throw FirehoseErrors.invalidArgument("1 validation error detected: Value '" + name
                + "' at 'compressionFormat' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[UNCOMPRESSED, GZIP, ZIP, Snappy, HADOOP_SNAPPY]");
    }

    /** The object's bytes in this format; a ZIP holds one entry named after the object. */
    byte[] compress(byte[] data, String entryName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(32, data.length / 4));
        try {
            switch (this) {
                case UNCOMPRESSED -> bytes.write(data);
                case GZIP -> write(new GZIPOutputStream(bytes), data);
                case ZIP -> {
                    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                        zip.putNextEntry(new ZipEntry(entryName));
                        zip.write(data);
                        zip.closeEntry();
                    }
                }
                case Snappy -> write(new SnappyFramedOutputStream(bytes), data);
                case HADOOP_SNAPPY -> write(new SnappyHadoopCompatibleOutputStream(bytes), data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress a delivery", e);
        }
        return bytes.toByteArray();
    }

    private static void write(OutputStream stream, byte[] data) throws IOException {
        try (stream) {
            stream.write(data);
        }
    }
}
