package io.kinesisworkbook.emulator.s3;

import io.kinesisworkbook.emulator.http.RestRequest;
import io.kinesisworkbook.emulator.http.RestResponse;
import java.util.function.Predicate;

/**
 * A bucket setting S3Proxy does not have, kept by the emulator: PUT, GET and DELETE on
 * {@code /bucket?setting}. What every setting shares lives here: the bucket must exist, PUT and
 * DELETE answer 204, every answer carries a request id, and a refusal is S3's error document.
 */
abstract class BucketSettingOperations {

    private final Predicate<String> bucketExists;

    BucketSettingOperations(Predicate<String> bucketExists) {
        this.bucketExists = bucketExists;
    }

    final RestResponse answer(S3Call call, RestRequest request) {
        String bucket = call.bucket();
        try {
            if (!bucketExists.test(bucket)) {
                throw S3Errors.noSuchBucket(bucket);
            }
            RestResponse response = switch (request.method()) {
                case "PUT" -> {
                    put(bucket, request.body());
                    yield RestResponse.of(204, null, new byte[0]);
                }
                case "GET" -> get(bucket);
                default -> {
                    delete(bucket);
                    yield RestResponse.of(204, null, new byte[0]);
                }
            };
            return S3Errors.withRequestId(response);
        } catch (S3Errors.S3Exception e) {
            return e.toResponse();
        }
    }

    /** Checks and keeps the setting a PUT sends; throws S3's error for a malformed one. */
    abstract void put(String bucket, byte[] body);

    /** The setting as S3 returns it; throws S3's error when the bucket has none. */
    abstract RestResponse get(String bucket);

    abstract void delete(String bucket);
}
