package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.http.RestResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * PutBucketPolicy, GetBucketPolicy and DeleteBucketPolicy, which S3Proxy does not have: the emulator
 * checks and keeps the policy as S3 does ({@link BucketPolicy}), and {@link S3Service} refuses what
 * it denies.
 */
final class BucketPolicyOperations extends BucketSettingOperations {

    private final BucketSettings buckets;

    BucketPolicyOperations(BucketSettings buckets, Predicate<String> bucketExists) {
        super(bucketExists);
        this.buckets = buckets;
    }

    @Override
    void put(String bucket, byte[] body) {
        buckets.policy(bucket, BucketPolicy.parse(bucket, body));
    }

    @Override
    RestResponse get(String bucket) {
        BucketPolicy policy = buckets.policy(bucket);
        if (policy == null) {
            throw S3Errors.noSuchBucketPolicy(bucket);
        }
        return RestResponse.of(200, "application/json", policy.text().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    void delete(String bucket) {
        buckets.policy(bucket, null);
    }
}
