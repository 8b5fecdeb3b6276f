package io.kinesisworkbook.lib.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * EventBridge events about objects created in and deleted from three versioned buckets: the
 * source of the talk's disaster-recovery pipeline.
 *
 * <p>Most events are uploads; about one in seven deletes an object uploaded earlier, so a consumer
 * that replays them in order ends with the same objects as the bucket. Sizes are log-normal per
 * bucket (small PDFs, photos, large Parquet files); uploads over 100 MB are multipart, as the
 * AWS SDKs do, and their ETag has the {@code -parts} suffix. A hot key is an object,
 * {@code "bucket/key"}, that is overwritten again and again.
 */
public final class S3Activity extends EventGenerator<S3ObjectEvent, S3Activity> {

    private static final double DELETE_SHARE = 0.15;
    private static final long MULTIPART_THRESHOLD = 100L << 20;
    private static final long PART_SIZE = 8L << 20;
    private static final int MAX_TRACKED_OBJECTS = 10_000;
    private static final String HEX = "0123456789abcdef";
    private static final String UPPER_ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String ALPHANUMERIC = UPPER_ALPHANUMERIC + "abcdefghijklmnopqrstuvwxyz";

    private static final List<BucketProfile> BUCKETS = List.of(
            new BucketProfile("orders-archive", "invoices/", ".pdf", 120_000),
            new BucketProfile("customer-uploads", "photos/", ".jpg", 2_500_000),
            new BucketProfile("analytics-lake", "events/", ".parquet", 40_000_000));

    private final List<StoredObject> stored = new ArrayList<>();
    private String region = "us-east-1";
    private String account = "123456789012";
    private long sequencer;

    private S3Activity(long seed) {
        super(seed);
        sequencer = 0x617F0829932900L + random().nextInt(1 << 30);
    }

    public static S3Activity seeded(long seed) {
        return new S3Activity(seed);
    }

    /** The buckets' region (default us-east-1); the backup region is the consumer's business. */
    public S3Activity region(String region) {
        requireNotStarted();
        this.region = region;
        return this;
    }

    /** The 12-digit AWS account that owns the buckets and makes the requests. */
    public S3Activity account(String accountId) {
        requireNotStarted();
        this.account = accountId;
        return this;
    }

    /** The hot key names one object as {@code "bucket/key"}, e.g. {@code "customer-uploads/logo.png"}. */
    @Override
    public S3Activity withHotKey(String bucketAndKey, double share) {
        if (bucketAndKey.indexOf('/') <= 0) {
            throw new IllegalArgumentException("an S3 hot key is \"bucket/key\", was " + bucketAndKey);
        }
        return super.withHotKey(bucketAndKey, share);
    }

    @Override
    protected S3ObjectEvent nextEvent(Instant time) {
        if (isHotKeyTurn()) {
            int slash = hotKey().indexOf('/');
            return created(time, profileOf(hotKey().substring(0, slash)), hotKey().substring(slash + 1));
        }
        if (!stored.isEmpty() && chance(DELETE_SHARE)) {
            return deleted(time, removeRandomStored());
        }
        BucketProfile bucket = pick(BUCKETS);
        String key = newKey(bucket, time);
        if (stored.size() < MAX_TRACKED_OBJECTS) {
            stored.add(new StoredObject(bucket.name(), key));
        }
        return created(time, bucket, key);
    }

    private S3ObjectEvent created(Instant time, BucketProfile bucket, String key) {
        long size = Math.max(1, Math.round(logNormal(bucket.medianBytes(), 1.0)));
        boolean multipart = size > MULTIPART_THRESHOLD;
        String etag = randomChars(32, HEX) + (multipart ? "-" + (size + PART_SIZE - 1) / PART_SIZE : "");
        String reason = multipart ? "CompleteMultipartUpload" : chance(0.1) ? "CopyObject" : "PutObject";
        var object = new S3ObjectEvent.S3Object(key, size, etag, versionId(), nextSequencer());
        return event(time, S3ObjectEvent.OBJECT_CREATED, bucket.name(), object, reason, null);
    }

    private S3ObjectEvent deleted(Instant time, StoredObject target) {
        var object = new S3ObjectEvent.S3Object(target.key(), null, null, versionId(), nextSequencer());
        return event(time, S3ObjectEvent.OBJECT_DELETED, target.bucket(), object, "DeleteObject",
                "Delete Marker Created");
    }

    private S3ObjectEvent event(Instant time, String detailType, String bucket, S3ObjectEvent.S3Object object,
                                String reason, String deletionType) {
        var detail = new S3ObjectEvent.Detail("0", new S3ObjectEvent.Bucket(bucket), object,
                randomChars(16, UPPER_ALPHANUMERIC), account, sourceIp(), reason, deletionType);
        return new S3ObjectEvent("0", uuid().toString(), detailType, "aws.s3", account,
                time.truncatedTo(ChronoUnit.SECONDS), region, List.of("arn:aws:s3:::" + bucket), detail);
    }

    /** Keys are partitioned by day, as most teams lay out their buckets. */
    private String newKey(BucketProfile bucket, Instant time) {
        LocalDate day = LocalDate.ofInstant(time, ZoneOffset.UTC);
        return bucket.prefix() + day.toString().replace('-', '/') + "/" + randomChars(12, HEX) + bucket.extension();
    }

    /** Removes and returns a random stored object (swapping in the last keeps removal cheap). */
    private StoredObject removeRandomStored() {
        int index = random().nextInt(stored.size());
        StoredObject target = stored.get(index);
        stored.set(index, stored.get(stored.size() - 1));
        stored.remove(stored.size() - 1);
        return target;
    }

    /** Sequencers only grow, so consumers can order changes to one key. */
    private String nextSequencer() {
        sequencer += 1 + random().nextInt(1_000);
        return String.format("%018X", sequencer);
    }

    private String versionId() {
        return randomChars(32, ALPHANUMERIC);
    }

    private String sourceIp() {
        return "10.0." + random().nextInt(256) + "." + (1 + random().nextInt(254));
    }

    private String randomChars(int length, String alphabet) {
        StringBuilder chars = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            chars.append(alphabet.charAt(random().nextInt(alphabet.length())));
        }
        return chars.toString();
    }

    private static BucketProfile profileOf(String bucket) {
        return BUCKETS.stream()
                .filter(profile -> profile.name().equals(bucket))
                .findFirst()
                .orElse(new BucketProfile(bucket, "", "", 100_000));
    }

    private record BucketProfile(String name, String prefix, String extension, long medianBytes) {
    }

    private record StoredObject(String bucket, String key) {
    }
}
