package io.kinesisworkbook.lib.backend;

/**
 * S3 bucket names are global on AWS: {@code workbook-logs} is taken by whoever made it first, in
 * any account. On AWS the workbook therefore names a bucket after the account and region it runs in
 * ({@code workbook-logs-123456789012-eu-west-1}), and clean-aws knows its buckets by that shape; a
 * bucket name on a local backend stays as written. (Names, not tags: S3 tags a bucket only after it
 * exists, and a run that stopped in between would leave a bucket nobody could find.)
 */
public final class BucketNames {

    static final String PREFIX = "workbook-";

    private BucketNames() {
    }

    /** The name to create {@code base} under: {@code workbook-<base>} on every backend, made unique on AWS. */
    public static String of(String base, Backend backend, String account, String region) {
        String name = base.startsWith(PREFIX) ? base : PREFIX + base;
        return backend == Backend.AWS ? name + "-" + account + "-" + region : name;
    }

    /** Whether an AWS bucket is one the workbook made in this account and region. */
    public static boolean isOurs(String bucket, String account, String region) {
        return bucket.startsWith(PREFIX) && bucket.endsWith("-" + account + "-" + region);
    }
}
