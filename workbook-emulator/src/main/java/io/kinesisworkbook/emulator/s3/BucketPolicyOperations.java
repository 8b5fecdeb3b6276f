package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * PutBucketPolicy, GetBucketPolicy and DeleteBucketPolicy, which S3Proxy does not have: the emulator
 * checks and keeps the policy as S3 does ({@link BucketPolicy}), and {@link S3Service} refuses what
 * it denies.
 */
final class BucketPolicyOperations {

    private final BucketSettings buckets;
    private final Predicate<String> bucketExists;

    BucketPolicyOperations(BucketSettings buckets, Predicate<String> bucketExists) {
        this.buckets = buckets;
        this.bucketExists = bucketExists;
    }

    RestResponse answer(S3Call call, RestRequest request) {
        try {
            if (!bucketExists.test(call.bucket())) {
                throw S3Errors.noSuchBucket(call.bucket());
            }
            return switch (call.kind()) {
                case PUT_POLICY -> {
                    buckets.policy(call.bucket(), BucketPolicy.parse(call.bucket(), request.body()));
                    yield S3Errors.withRequestId(RestResponse.of(204, null, new byte[0]));
                }
                case GET_POLICY -> {
                    BucketPolicy policy = buckets.policy(call.bucket());
                    if (policy == null) {
                        throw S3Errors.noSuchBucketPolicy(call.bucket());
                    }
                    yield S3Errors.withRequestId(RestResponse.of(200, "application/json",
                            policy.text().getBytes(StandardCharsets.UTF_8)));
                }
                default -> {
                    buckets.policy(call.bucket(), null);
                    yield S3Errors.withRequestId(RestResponse.of(204, null, new byte[0]));
                }
            };
        } catch (S3Errors.S3Exception e) {
            return e.toResponse();
        }
    }
}
