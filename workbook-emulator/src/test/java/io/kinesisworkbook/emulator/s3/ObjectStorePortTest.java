package io.kinesisworkbook.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** The in-process port other services use, on the same buckets the S3 API serves. */
class ObjectStorePortTest extends S3TestBase {

    @Test
    void anObjectPutThroughThePortIsReadByTheSdk() {
        String bucket = newBucket();
        ObjectStore store = emulator.objectStore();
        assertThat(store.bucketExists(bucket)).isTrue();
        assertThat(store.bucketExists("never-created")).isFalse();

        store.putObject(bucket, "firehose/2026/11/26/batch-1", "{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8),
                "application/octet-stream");

        ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key("firehose/2026/11/26/batch-1"));
        assertThat(object.asUtf8String()).isEqualTo("{\"a\":1}\n{\"a\":2}\n");
        assertThat(object.response().contentType()).isEqualTo("application/octet-stream");
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("firehose/")).keyCount()).isEqualTo(1);
    }

    @Test
    void anObjectPutByTheSdkIsReadThroughThePort() {
        String bucket = newBucket();
        s3.putObject(b -> b.bucket(bucket).key("code/function.zip"), RequestBody.fromBytes(new byte[] {'P', 'K', 3, 4}));

        assertThat(emulator.objectStore().getObject(bucket, "code/function.zip")).containsExactly('P', 'K', 3, 4);
        assertThat(emulator.objectStore().getObject(bucket, "code/missing.zip")).isNull();
        assertThat(emulator.objectStore().getObject("never-created", "code/function.zip")).isNull();
    }

    @Test
    void aPutIntoAMissingBucketFailsWithTheReason() {
        assertThatThrownBy(() -> emulator.objectStore().putObject("never-created", "k", new byte[] {1}, "application/octet-stream"))
                .isInstanceOf(ObjectStore.ObjectStoreException.class)
                .hasMessageStartingWith("NoSuchBucket");
    }

    @Test
    void aPutReplacesAnObjectWithTheSameKey() {
        String bucket = newBucket();
        emulator.objectStore().putObject(bucket, "k", "first".getBytes(StandardCharsets.UTF_8), "text/plain");
        emulator.objectStore().putObject(bucket, "k", "second".getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("second");
    }
}
