package io.kinesisworkbook.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.emulator.AwsCli;
import io.kinesisworkbook.emulator.Emulator;
import io.kinesisworkbook.emulator.EmulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bucket policies and tags through the AWS CLI; skipped, with the reason printed, where it is missing. */
class BucketSettingsCliTest {

    @TempDir
    Path home;
    private Emulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private AwsCli cli() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        return AwsCli.on(emulator.endpoint(), home, "BucketSettingsCliTest");
    }

    @Test
    void aPolicyThatDeniesWritesIsPutAppliedAndDeleted() throws Exception {
        AwsCli aws = cli();
        aws.ok("s3api", "create-bucket", "--bucket", "cli-policy");
        String policy = "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::cli-policy/*\"}]}";
        aws.ok("s3api", "put-bucket-policy", "--bucket", "cli-policy", "--policy", policy);
        assertThat(aws.ok("s3api", "get-bucket-policy", "--bucket", "cli-policy").json().get("Policy").asText()).isEqualTo(policy);

        Path body = Files.writeString(home.resolve("note.txt"), "refused");
        AwsCli.Result refused = aws.run("s3api", "put-object", "--bucket", "cli-policy", "--key", "note.txt", "--body", body.toString());
        assertThat(refused.exitCode()).isEqualTo(254);
        assertThat(refused.stderr()).contains("(AccessDenied) when calling the PutObject operation: User: "
                + "arn:aws:iam::000000000000:root is not authorized to perform: s3:PutObject");

        aws.ok("s3api", "delete-bucket-policy", "--bucket", "cli-policy");
        aws.ok("s3api", "put-object", "--bucket", "cli-policy", "--key", "note.txt", "--body", body.toString());
        AwsCli.Result none = aws.run("s3api", "get-bucket-policy", "--bucket", "cli-policy");
        assertThat(none.stderr()).contains("(NoSuchBucketPolicy) when calling the GetBucketPolicy operation: "
                + "The bucket policy does not exist");
        AwsCli.Result malformed = aws.run("s3api", "put-bucket-policy", "--bucket", "cli-policy", "--policy", "[]");
        assertThat(malformed.stderr()).contains("(MalformedPolicy) when calling the PutBucketPolicy operation: "
                + "Policies must be valid JSON and the first byte must be '{'");
    }

    @Test
    void tagsArePutAndRead() throws Exception {
        AwsCli aws = cli();
        aws.ok("s3api", "create-bucket", "--bucket", "cli-tags");
        aws.ok("s3api", "put-bucket-tagging", "--bucket", "cli-tags", "--tagging",
                "{\"TagSet\":[{\"Key\":\"created-by\",\"Value\":\"kinesis-workbook\"}]}");

        var tags = aws.ok("s3api", "get-bucket-tagging", "--bucket", "cli-tags").json().get("TagSet");
        assertThat(tags.get(0).get("Key").asText()).isEqualTo("created-by");
        assertThat(tags.get(0).get("Value").asText()).isEqualTo("kinesis-workbook");
        aws.ok("s3api", "delete-bucket-tagging", "--bucket", "cli-tags");
        assertThat(aws.run("s3api", "get-bucket-tagging", "--bucket", "cli-tags").stderr()).contains("(NoSuchTagSet)");
    }
}
