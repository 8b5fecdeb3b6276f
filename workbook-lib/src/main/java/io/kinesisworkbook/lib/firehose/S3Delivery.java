package io.kinesisworkbook.lib.firehose;

/**
 * Where and how a delivery stream writes to S3.
 *
 * @param bucket        the bucket (created if missing)
 * @param prefix        the key prefix, e.g. {@code logs/!{timestamp:yyyy/MM/dd}/}; null for Firehose's default time prefix
 * @param errorPrefix   where failed records go, e.g. {@code errors/!{firehose:error-output-type}/}; null for the default
 * @param bufferSeconds deliver at least this often (0 to 900; AWS's default is 300)
 * @param bufferMb      or when this much is buffered (1 to 128; AWS's default is 5)
 * @param compression   UNCOMPRESSED, GZIP, ZIP or Snappy (what {@link DeliveredObjects} can read back)
 * @param transformArn  the transform Lambda's ARN, or null for none
 */
public record S3Delivery(String bucket, String prefix, String errorPrefix, int bufferSeconds, int bufferMb,
                         String compression, String transformArn) {

    /** AWS's defaults: no prefix, 300 s or 5 MB, uncompressed, no transform. */
    public static S3Delivery to(String bucket) {
        return new S3Delivery(bucket, null, null, 300, 5, "UNCOMPRESSED", null);
    }

    public S3Delivery prefixes(String newPrefix, String newErrorPrefix) {
        return new S3Delivery(bucket, newPrefix, newErrorPrefix, bufferSeconds, bufferMb, compression, transformArn);
    }

    public S3Delivery buffering(int seconds, int megabytes) {
        return new S3Delivery(bucket, prefix, errorPrefix, seconds, megabytes, compression, transformArn);
    }

    public S3Delivery compression(String format) {
        return new S3Delivery(bucket, prefix, errorPrefix, bufferSeconds, bufferMb, format, transformArn);
    }

    public S3Delivery transform(String lambdaArn) {
        return new S3Delivery(bucket, prefix, errorPrefix, bufferSeconds, bufferMb, compression, lambdaArn);
    }
}
