package io.kinesisworkbook.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Bucket policies through the SDK: kept as given, checked as S3 checks them, their denials applied. */
class BucketPolicyTest extends S3TestBase {

    private static String denyWrites(String bucket, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"drill\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/" + resource + "\"}]}";
    }

    @Test
    void aPolicyIsGivenBackAsItWasPutAndDeleted() {
        String bucket = newBucket();
        String policy = denyWrites(bucket, "*");

        s3.putBucketPolicy(b -> b.bucket(bucket).policy(policy));

        assertThat(s3.getBucketPolicy(b -> b.bucket(bucket)).policy()).isEqualTo(policy);
        s3.deleteBucketPolicy(b -> b.bucket(bucket));
        assertThatThrownBy(() -> s3.getBucketPolicy(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The bucket policy does not exist");
                });
    }

    @Test
    void aDenialRefusesWritesUnderItsResourceOnlyUntilItIsDeleted() {
        String bucket = newBucket();
        s3.putBucketPolicy(b -> b.bucket(bucket).policy(denyWrites(bucket, "captured/*")));

        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key("captured/a.gz"), RequestBody.fromString("a")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:root is not "
                            + "authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::" + bucket
                            + "/captured/a.gz\" with an explicit deny in a resource-based policy");
                });
        s3.putObject(b -> b.bucket(bucket).key("results/q.csv"), RequestBody.fromString("elsewhere is fine"));
        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("results/q.csv")
                .destinationBucket(bucket).destinationKey("captured/copy.csv")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key("captured/big")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("results/q.csv")).asUtf8String()).isEqualTo("elsewhere is fine");

        s3.deleteBucketPolicy(b -> b.bucket(bucket));
        s3.putObject(b -> b.bucket(bucket).key("captured/a.gz"), RequestBody.fromString("a"));
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("captured/")).keyCount()).isEqualTo(1);
    }

    @Test
    void writesThroughThePortAreDeniedToo() {
        String bucket = newBucket();
        s3.putBucketPolicy(b -> b.bucket(bucket).policy(denyWrites(bucket, "*")));

        assertThatThrownBy(() -> emulator.objectStore().putObject(bucket, "firehose/1.gz", new byte[] {1}, "application/octet-stream"))
                .isInstanceOf(ObjectStore.ObjectStoreException.class)
                .hasMessageStartingWith("AccessDenied: User: arn:aws:iam::000000000000:root is not authorized to perform: "
                        + "s3:PutObject");

        s3.deleteBucketPolicy(b -> b.bucket(bucket));
        emulator.objectStore().putObject(bucket, "firehose/1.gz", new byte[] {1}, "application/octet-stream");
    }

    @Test
    void deniedReadsAndDeletesAndWhatIsNotApplied() {
        String bucket = newBucket();
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v"));
        s3.putBucketPolicy(b -> b.bucket(bucket).policy("{\"Statement\":["
                + "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"s3:Get*\",\"S3:DELETEOBJECT\"],"
                + "\"Resource\":[\"arn:aws:s3:::" + bucket + "/*\"]},"
                + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::"
                + bucket + "/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"));

        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket(bucket).key("k")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("s3:DeleteObject on resource: \"arn:aws:s3:::" + bucket + "/k\""));
        // A statement with a Condition is kept but not applied: the emulator cannot evaluate conditions.
        s3.putObject(b -> b.bucket(bucket).key("other"), RequestBody.fromString("written"));
    }

    @Test
    void policiesS3WouldNotTakeAreRefusedWithItsWords() {
        String bucket = newBucket();
        assertMalformed(bucket, "not json", "Policies must be valid JSON and the first byte must be '{'");
        assertMalformed(bucket, "{\"Version\":\"2012-10-17\"}", "Missing required field Statement");
        assertMalformed(bucket, "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::"
                + bucket + "/*\"}]}", "Missing required field Principal");
        assertMalformed(bucket, "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"someone\"},"
                + "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}", "Invalid principal in policy");
        assertMalformed(bucket, "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"ec2:RunInstances\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}", "Policy has invalid action");
        assertMalformed(bucket, "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::another-bucket/*\"}]}", "Policy has invalid resource");
        assertThatThrownBy(() -> s3.putBucketPolicy(b -> b.bucket("never-created").policy(denyWrites("never-created", "*"))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket"));
    }

    @Test
    void aDeletedBucketForgetsItsPolicy() {
        String bucket = newBucket();
        s3.putBucketPolicy(b -> b.bucket(bucket).policy(denyWrites(bucket, "*")));
        s3.deleteBucket(b -> b.bucket(bucket));
        s3.createBucket(b -> b.bucket(bucket));

        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes("v".getBytes(StandardCharsets.UTF_8)));
    }

    private void assertMalformed(String bucket, String policy, String message) {
        assertThatThrownBy(() -> s3.putBucketPolicy(b -> b.bucket(bucket).policy(policy)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }
}
