package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

/**
 * PutBucketTagging, GetBucketTagging and DeleteBucketTagging, which S3Proxy does not have. Tags given
 * to CreateBucket ({@code CreateBucketConfiguration.Tags}) land here too. What finds them: a
 * clean-up that deletes the buckets a tool tagged as its own.
 */
final class BucketTaggingOperations {

    private final BucketSettings buckets;
    private final Predicate<String> bucketExists;

    BucketTaggingOperations(BucketSettings buckets, Predicate<String> bucketExists) {
        this.buckets = buckets;
        this.bucketExists = bucketExists;
    }

    RestResponse answer(S3Call call, RestRequest request) {
        try {
            if (!bucketExists.test(call.bucket())) {
                throw S3Errors.noSuchBucket(call.bucket());
            }
            return switch (call.kind()) {
                case PUT_TAGGING -> {
                    buckets.tags(call.bucket(), BucketTags.read(request.body()));
                    yield S3Errors.withRequestId(RestResponse.of(204, null, new byte[0]));
                }
                case GET_TAGGING -> {
                    Map<String, String> tags = buckets.tags(call.bucket());
                    if (tags.isEmpty()) {
                        throw S3Errors.noSuchTagSet(call.bucket());
                    }
                    yield S3Errors.withRequestId(RestResponse.of(200, "application/xml",
                            BucketTags.write(tags).getBytes(StandardCharsets.UTF_8)));
                }
                default -> {
                    buckets.tags(call.bucket(), Map.of());
                    yield S3Errors.withRequestId(RestResponse.of(204, null, new byte[0]));
                }
            };
        } catch (S3Errors.S3Exception e) {
            return e.toResponse();
        }
    }
}
