package io.kinesisworkbook.lib.s3;

import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.Connection;
import io.kinesisworkbook.lib.backend.WorkbookException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Buckets the workbook creates, on any backend: a name that is free, creation in the connection's
 * region, a policy that refuses writes for a while (a drill), and deletion with everything in them.
 *
 * <p><b>Names.</b> S3's bucket names are global: {@code dr-primary} is someone else's on AWS. So on
 * AWS {@link #uniqueName} appends the account and the region ({@code dr-primary-123456789012-eu-west-1}),
 * which no other account can hold and which stays the same from run to run, so a notebook run twice
 * finds its own bucket. The local backends have nobody else's buckets, and keep the short name.
 *
 * <p>On AWS the cost guard tags every bucket created, and {@code ./workbook clean-aws} empties and
 * deletes what it tagged.
 */
public final class Buckets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final int DELETE_BATCH = 1_000;

    private final S3Client s3;
    private final Connection connection;
    private final String accountId;

    /** @param accountId the connection's account (see {@code AwsClients.account()}) */
    public Buckets(S3Client s3, Connection connection, String accountId) {
        this.s3 = s3;
        this.connection = connection;
        this.accountId = accountId;
    }

    /** {@code base} on local backends; {@code base-ACCOUNT-REGION} on AWS, where bucket names are global. */
    public String uniqueName(String base) {
        String name = connection.backend() == Backend.AWS ? base + "-" + accountId + "-" + connection.region().id() : base;
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new WorkbookException("\"" + name + "\" is not a bucket name S3 takes: 3 to 63 lower-case letters, digits, "
                    + "dots and hyphens" + (name.equals(base) ? "" : " (the workbook adds the account and region on AWS: "
                    + "keep the base name under 35 characters)"));
        }
        return name;
    }

    /** Creates the bucket in the connection's region; a bucket of this account's by that name is kept as it is. */
    public void create(String bucket) {
        try {
            Region region = connection.region();
            s3.createBucket(b -> {
                b.bucket(bucket);
                // us-east-1 takes no LocationConstraint; every other region needs its own.
                if (connection.backend() == Backend.AWS && !region.equals(Region.US_EAST_1)) {
                    b.createBucketConfiguration(c -> c.locationConstraint(region.id()));
                }
            });
        } catch (BucketAlreadyOwnedByYouException kept) {
            // made by an earlier run
        }
    }

    public boolean exists(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Every object under {@code prefix}, in key order. */
    public List<S3Object> list(String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().toList();
    }

    /**
     * Deletes every object in the bucket, then the bucket: what losing it looks like, and what a
     * clean-up does. A bucket that is not there is left alone. Returns how many objects were deleted.
     */
    public int emptyAndDelete(String bucket) {
        if (!exists(bucket)) {
            return 0;
        }
        return deleteWithObjects(s3, bucket);
    }

    /** Deletes every object in an existing bucket, then the bucket (clean-aws's way too); returns how many objects. */
    public static int deleteWithObjects(S3Client s3, String bucket) {
        List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
        int deleted = deleteObjects(s3, bucket, keys);
        s3.deleteBucket(b -> b.bucket(bucket));
        return deleted;
    }

    /** Deletes objects by key, a thousand a request (DeleteObjects' limit); returns how many. */
    public int deleteObjects(String bucket, List<String> keys) {
        return deleteObjects(s3, bucket, keys);
    }

    private static int deleteObjects(S3Client s3, String bucket, List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = new ArrayList<>();
            for (String key : keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH))) {
                batch.add(ObjectIdentifier.builder().key(key).build());
            }
            s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        }
        return keys.size();
    }

    /**
     * A bucket policy that denies {@code s3:PutObject} under {@code prefix} to everyone: S3 refuses
     * those writes, Firehose's included, until {@link #allowWrites} removes it. It replaces the bucket's
     * policy, if it had one.
     */
    public String denyWrites(String bucket, String prefix) {
        String policy = """
                {"Version": "2012-10-17", "Statement": [{"Sid": "drill-refuse-writes", "Effect": "Deny",
                 "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::%s/%s*"}]}"""
                .formatted(bucket, prefix);
        s3.putBucketPolicy(b -> b.bucket(bucket).policy(policy));
        return policy;
    }

    /** Deletes the bucket's policy. */
    public void allowWrites(String bucket) {
        s3.deleteBucketPolicy(b -> b.bucket(bucket));
    }
}
