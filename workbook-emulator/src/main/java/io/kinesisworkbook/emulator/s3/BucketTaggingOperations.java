package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.http.RestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

/**
 * PutBucketTagging, GetBucketTagging and DeleteBucketTagging, which S3Proxy does not have. Tags given
 * to CreateBucket ({@code CreateBucketConfiguration.Tags}) land here too. What finds them: a
 * clean-up that deletes the buckets a tool tagged as its own.
 */
final class BucketTaggingOperations extends BucketSettingOperations {

    private final BucketSettings buckets;

    BucketTaggingOperations(BucketSettings buckets, Predicate<String> bucketExists) {
        super(bucketExists);
        this.buckets = buckets;
    }

    @Override
    void put(String bucket, byte[] body) {
        buckets.tags(bucket, BucketTags.read(body));
    }

    @Override
    RestResponse get(String bucket) {
        Map<String, String> tags = buckets.tags(bucket);
        if (tags.isEmpty()) {
            throw S3Errors.noSuchTagSet(bucket);
        }
        return RestResponse.of(200, "application/xml", BucketTags.write(tags).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    void delete(String bucket) {
        buckets.tags(bucket, Map.of());
    }
}
