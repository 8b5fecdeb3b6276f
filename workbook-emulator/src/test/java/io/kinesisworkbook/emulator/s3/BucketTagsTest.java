package io.kinesisworkbook.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/** Bucket tags through the SDK: at CreateBucket and with PutBucketTagging, checked as S3 checks them. */
class BucketTagsTest extends S3TestBase {

    @Test
    void tagsGivenToCreateBucketAreTheBucketsTags() {
        s3.createBucket(b -> b.bucket("tagged-at-birth")
                .createBucketConfiguration(c -> c.tags(Tag.builder().key("created-by").value("kinesis-workbook").build())));

        assertThat(s3.getBucketTagging(b -> b.bucket("tagged-at-birth")).tagSet())
                .containsExactly(Tag.builder().key("created-by").value("kinesis-workbook").build());
    }

    @Test
    void tagsArePutReplacedAndDeleted() {
        String bucket = newBucket();
        assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The TagSet does not exist");
                });

        s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tag("team", "data"), tag("cost-centre", "42"))));
        assertThat(s3.getBucketTagging(b -> b.bucket(bucket)).tagSet()).containsExactly(tag("team", "data"), tag("cost-centre", "42"));
        s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tag("team", "platform"))));
        assertThat(s3.getBucketTagging(b -> b.bucket(bucket)).tagSet()).containsExactly(tag("team", "platform"));

        s3.deleteBucketTagging(b -> b.bucket(bucket));
        assertThatThrownBy(() -> s3.getBucketTagging(b -> b.bucket(bucket))).isInstanceOf(S3Exception.class);
    }

    @Test
    void tagsS3WouldNotTakeAreRefusedWithItsWords() {
        String bucket = newBucket();
        assertInvalid(bucket, List.of(tag("k", "1"), tag("k", "2")), "Cannot provide multiple Tags with the same key");
        assertInvalid(bucket, List.of(tag("aws:team", "x")), "System tags cannot be added/updated by requester");
        assertInvalid(bucket, List.of(tag("k".repeat(129), "x")), "The TagKey you have provided is too long, max 128");
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i <= BucketTags.MAX_TAGS; i++) {
            many.add(tag("k" + i, "v"));
        }
        assertInvalid(bucket, many, "Bucket tag count cannot be greater than 50");
    }

    private void assertInvalid(String bucket, List<Tag> tags, String message) {
        assertThatThrownBy(() -> s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tags))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
