package io.kinesisworkbook.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kinesisworkbook.emulator.PythonScript;
import io.kinesisworkbook.emulator.PythonScriptTest;
import org.junit.jupiter.api.Test;

/** S3 (S3Proxy on the emulator's port) through botocore, path-style as boto3 addresses an endpoint URL. */
class S3BotocoreTest extends PythonScriptTest {

    @Override
    protected PythonScript script() {
        return PythonScript.named("s3_botocore.py").requires("boto3");
    }

    @Test
    void objectsRoundTripWithTheirMetadata() {
        assertThat(seen.get("body").asText()).isEqualTo("hello, s3");
        assertThat(seen.get("range").asText()).isEqualTo("hello");
        assertThat(seen.get("presigned").asText()).isEqualTo("hello, s3");
        assertThat(seen.at("/head/ContentLength").asInt()).isEqualTo(9);
        assertThat(seen.at("/head/ContentType").asText()).isEqualTo("text/plain");
        assertThat(seen.at("/head/Metadata/owner").asText()).isEqualTo("workbook");
        assertThat(seen.at("/head/LastModified/datetime").asText()).startsWith("20");
        assertThat(seen.at("/list/Contents/0/Key").asText()).isEqualTo("dir/hello.txt");
        assertThat(seen.get("buckets").toString()).contains("py-bucket");
        assertThat(seen.get("bucketsAfter").toString()).doesNotContain("py-bucket");
    }

    @Test
    void errorsAreS3sCodes() {
        assertThat(seen.at("/errors/noSuchKey/code").asText()).isEqualTo("NoSuchKey");
        assertThat(seen.at("/errors/noSuchKey/status").asInt()).isEqualTo(404);
        assertThat(seen.at("/errors/noSuchBucket/code").asText()).isEqualTo("NoSuchBucket");
        assertThat(seen.at("/errors/notEmpty/code").asText()).isEqualTo("BucketNotEmpty");
        assertThat(seen.at("/errors/notEmpty/status").asInt()).isEqualTo(409);
    }
}
