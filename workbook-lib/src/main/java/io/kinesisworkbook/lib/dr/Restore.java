package io.kinesisworkbook.lib.dr;

import io.kinesisworkbook.lib.view.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Brings a lost bucket back from what the pipeline captured: Athena's restore list says which
 * objects the bucket held and which version of each (its ETag); the copier's copies in the DR
 * bucket hold their bytes. Each is copied back inside S3 (CopyObject: the bytes never leave S3), and
 * the result is compared object by object with what the bucket should hold.
 */
public final class Restore {

    /** What a restore did: objects copied back, and those whose copy was not there (lost for good). */
    public record Restored(int objects, List<String> missingCopies) {
    }

    /** One object's verdict: {@code same}, {@code missing}, {@code different} (another version) or {@code unexpected}. */
    public record Verdict(String key, String expectedEtag, String restoredEtag, String verdict) {
    }

    /** One line of {@link #summary}. */
    public record Count(String verdict, long objects) {
    }

    private final S3Client s3;
    private final String drBucket;

    public Restore(S3Client s3, String drBucket) {
        this.s3 = s3;
        this.drBucket = drBucket;
    }

    /**
     * Copies each object of {@code restoreList} (columns {@code object_key} and {@code etag}, as
     * {@link DrQueries#RESTORE_LIST} gives them) from its copy into {@code bucket}.
     */
    public Restored into(String bucket, Table restoreList) {
        int restored = 0;
        List<String> missing = new ArrayList<>();
        for (Row row : restoreList) {
            String key = row.getString("object_key");
            String copy = DrResources.copyKey(key, row.getString("etag"));
            try {
                s3.copyObject(b -> b.sourceBucket(drBucket).sourceKey(copy).destinationBucket(bucket).destinationKey(key));
                restored++;
            } catch (NoSuchKeyException noCopy) {
                missing.add(key);
            }
        }
        return new Restored(restored, List.copyOf(missing));
    }

    /**
     * The objects of {@code expected} (key to ETag) whose copy of that version is not in the DR bucket
     * yet: empty once the copier has caught up with every change.
     */
    public List<String> missingCopies(Map<String, String> expected) {
        Map<String, String> copies = inventory(s3, drBucket);
        return expected.entrySet().stream().filter(e -> !copies.containsKey(DrResources.copyKey(e.getKey(), e.getValue())))
                .map(Map.Entry::getKey).toList();
    }

    /** A bucket's objects now: key to ETag (without quotes), in key order. */
    public static Map<String, String> inventory(S3Client s3, String bucket) {
        Map<String, String> objects = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            objects.put(object.key(), object.eTag().replace("\"", ""));
        }
        return objects;
    }

    /** Every key of either side with its verdict, in key order. */
    public static List<Verdict> compare(Map<String, String> expected, Map<String, String> restored) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(restored.keySet());
        List<Verdict> verdicts = new ArrayList<>();
        for (String key : keys) {
            String want = expected.get(key);
            String got = restored.get(key);
            String verdict = want == null ? "unexpected" : got == null ? "missing" : want.equals(got) ? "same" : "different";
            verdicts.add(new Verdict(key, want, got, verdict));
        }
        return verdicts;
    }

    /** How many objects got each verdict, as a table. */
    public static Table summary(List<Verdict> verdicts) {
        Map<String, Long> counts = new TreeMap<>();
        verdicts.forEach(v -> counts.merge(v.verdict(), 1L, Long::sum));
        return Tables.fromRecords("objects by verdict", counts.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue())).toList());
    }
}
