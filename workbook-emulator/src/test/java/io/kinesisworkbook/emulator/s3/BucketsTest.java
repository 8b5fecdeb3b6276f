package io.kinesisworkbook.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class BucketsTest extends S3TestBase {

    @Test
    void bucketsAreCreatedListedAndDeleted() {
        s3.createBucket(b -> b.bucket("clicks-archive"));
        s3.createBucket(b -> b.bucket("clicks-errors"));

        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains("clicks-archive", "clicks-errors");
        s3.headBucket(b -> b.bucket("clicks-archive"));

        s3.deleteBucket(b -> b.bucket("clicks-errors"));
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name)
                .contains("clicks-archive").doesNotContain("clicks-errors");
    }

    @Test
    void creatingABucketTwiceIsBucketAlreadyOwnedByYou() {
        String bucket = newBucket();
        assertThatThrownBy(() -> s3.createBucket(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(BucketAlreadyOwnedByYouException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyOwnedByYou");
                });
    }

    @Test
    void aMissingBucketIsNoSuchBucket() {
        assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("no-such-bucket")))
                .isInstanceOfSatisfying(NoSuchBucketException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("no-such-bucket")))
                .isInstanceOfSatisfying(NoSuchBucketException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified bucket does not exist");
                });
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("no-such-bucket").key("k"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(NoSuchBucketException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("no-such-bucket")))
                .isInstanceOfSatisfying(NoSuchBucketException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void aBucketThatHoldsObjectsIsNotDeleted() {
        String bucket = newBucket();
        s3.putObject(b -> b.bucket(bucket).key("left-behind"), RequestBody.fromString("x"));

        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                });
        s3.deleteObject(b -> b.bucket(bucket).key("left-behind"));
        s3.deleteBucket(b -> b.bucket(bucket));
    }
}
