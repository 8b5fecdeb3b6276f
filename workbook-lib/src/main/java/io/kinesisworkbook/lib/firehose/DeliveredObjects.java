package io.kinesisworkbook.lib.firehose;

import io.kinesisworkbook.lib.backend.WorkbookException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;
import org.xerial.snappy.SnappyFramedInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads back what a delivery stream wrote: the objects under a prefix, decompressed by their extension. */
public final class DeliveredObjects {

    private DeliveredObjects() {
    }

    /** One delivered object. {@link #text()} is its content, decompressed. */
    public record DeliveredObject(String key, long size, Instant lastModified, byte[] content) {

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }

        /** The content's lines: one record a line when the records end with a newline. */
        public List<String> lines() {
            return text().lines().toList();
        }
    }

    /**
     * Every object under {@code prefix}, in key order (for Firehose's keys, time order), decompressed.
     * A key listed but gone by the time it is read is left out: on AWS an object can be deleted between
     * the two calls, and the embedded emulator's S3 can list a PutObject still being written (its
     * emulator README says why); a caller that waits for objects lists again.
     */
    public static List<DeliveredObject> under(S3Client s3, String bucket, String prefix) {
        List<DeliveredObject> objects = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            byte[] stored;
            try {
                stored = s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray();
            } catch (NoSuchKeyException goneSinceListed) {
                continue;
            }
            objects.add(new DeliveredObject(object.key(), object.size(), object.lastModified(),
                    decompress(object.key(), stored)));
        }
        return objects;
    }

    /**
     * Waits until the objects under {@code prefix} hold {@code lines} lines in all (Firehose delivers
     * when its buffering interval ends, later on a busy machine), and returns them.
     *
     * @throws WorkbookException if they do not within {@code timeout}, naming how many lines there were
     */
    public static List<DeliveredObject> awaitLines(S3Client s3, String bucket, String prefix, int lines, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<DeliveredObject> objects = under(s3, bucket, prefix);
            int delivered = objects.stream().mapToInt(o -> o.lines().size()).sum();
            if (delivered >= lines) {
                return objects;
            }
            if (System.nanoTime() > deadline) {
                throw new WorkbookException(delivered + " of " + lines + " lines were under s3://" + bucket + "/" + prefix
                        + " after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    /**
     * Undoes Firehose's compression, which the key's extension names (.gz, .zip, .snappy). HADOOP_SNAPPY
     * objects (.hsnappy) are for Hadoop's own readers and come back as they are.
     */
    static byte[] decompress(String key, byte[] data) {
        try {
            if (key.endsWith(".gz")) {
                return readAll(new GZIPInputStream(new ByteArrayInputStream(data)));
            }
            if (key.endsWith(".zip")) {
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
                    return zip.getNextEntry() == null ? new byte[0] : zip.readAllBytes();
                }
            }
            if (key.endsWith(".snappy")) {
                return readAll(new SnappyFramedInputStream(new ByteArrayInputStream(data)));
            }
            return data;
        } catch (IOException e) {
            throw new WorkbookException("Cannot decompress " + key + ": " + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
