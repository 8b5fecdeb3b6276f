package io.kinesisworkbook.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.emulator.SdkClients;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

class ObjectsTest extends S3TestBase {

    @Test
    void anObjectPutWithTheSdksDefaultChecksumsReadsBackTheSame() {
        List<SdkHttpRequest> sent = new CopyOnWriteArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                sent.add(context.httpRequest());
            }
        };
        String bucket = newBucket();
        try (S3Client recorded = SdkClients.s3(emulator.endpoint(), recorder)) {
            recorded.putObject(b -> b.bucket(bucket).key("hello.txt").contentType("text/plain"),
                    RequestBody.fromString("hello, stream"));

            // What the SDK sent is what this test is about: aws-chunked, with a CRC32 trailer.
            SdkHttpRequest put = sent.get(sent.size() - 1);
            assertThat(put.firstMatchingHeader("Content-Encoding")).hasValue("aws-chunked");
            assertThat(put.firstMatchingHeader("x-amz-trailer")).hasValue("x-amz-checksum-crc32");

            ResponseBytes<GetObjectResponse> object = recorded.getObjectAsBytes(b -> b.bucket(bucket).key("hello.txt")
                    .checksumMode(ChecksumMode.ENABLED));
            assertThat(object.asUtf8String()).isEqualTo("hello, stream");
            assertThat(object.response().contentType()).isEqualTo("text/plain");
            assertThat(object.response().contentLength()).isEqualTo(13);
            // aws-chunked is how the body travelled, not what it is: S3 does not keep it.
            assertThat(object.response().contentEncoding()).isNull();
        }
    }

    @Test
    void headReturnsSizeTypeEtagAndUserMetadata() {
        String bucket = newBucket();
        String etag = s3.putObject(b -> b.bucket(bucket).key("meta").contentType("application/json")
                .metadata(Map.of("source", "clicks")), RequestBody.fromString("{\"a\":1}")).eTag();

        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("meta"));
        assertThat(head.contentLength()).isEqualTo(7);
        assertThat(head.contentType()).isEqualTo("application/json");
        assertThat(head.eTag()).isEqualTo(etag).isEqualTo("\"" + md5Hex("{\"a\":1}") + "\"");
        assertThat(head.metadata()).containsEntry("source", "clicks");
        assertThat(head.lastModified()).isNotNull();
    }

    @Test
    void aDeletedObjectIsNoSuchKey() {
        String bucket = newBucket();
        s3.putObject(b -> b.bucket(bucket).key("gone"), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket(bucket).key("gone"));

        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("gone")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified key does not exist.");
                });
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("gone")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        // Deleting what is not there succeeds, as on S3.
        s3.deleteObject(b -> b.bucket(bucket).key("gone"));
    }

    @Test
    void keysWithSpacesReservedAndNonAsciiCharactersRoundTrip() {
        String bucket = newBucket();
        // Not "." or ".." segments, nor "//": S3Proxy's store keeps objects as files (see the README).
        List<String> keys = List.of("with space/and+plus=equals.txt", "ümlaut/日本語.json", "tilde~(1)", "q?x&y=z#h", "pct%2F");
        for (String key : keys) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
        }
        for (String key : keys) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String()).isEqualTo(key);
        }
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key)
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void listObjectsV2FiltersByPrefixGroupsByDelimiterAndPages() {
        String bucket = newBucket();
        for (String key : List.of("2026/01/01/a", "2026/01/01/b", "2026/01/02/a", "2026/02/01/a", "2027/01/01/a", "top")) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
        }

        ListObjectsV2Response january = s3.listObjectsV2(b -> b.bucket(bucket).prefix("2026/01/"));
        assertThat(january.contents()).extracting(S3Object::key).containsExactly("2026/01/01/a", "2026/01/01/b", "2026/01/02/a");
        assertThat(january.keyCount()).isEqualTo(3);

        ListObjectsV2Response years = s3.listObjectsV2(b -> b.bucket(bucket).delimiter("/"));
        assertThat(years.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("2026/", "2027/");
        assertThat(years.contents()).extracting(S3Object::key).containsExactly("top");

        ListObjectsV2Response months = s3.listObjectsV2(b -> b.bucket(bucket).prefix("2026/").delimiter("/"));
        assertThat(months.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("2026/01/", "2026/02/");

        List<String> paged = new ArrayList<>();
        ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).maxKeys(2));
        paged.addAll(page.contents().stream().map(S3Object::key).toList());
        int pages = 1;
        while (page.isTruncated()) {
            String token = page.nextContinuationToken();
            page = s3.listObjectsV2(b -> b.bucket(bucket).maxKeys(2).continuationToken(token));
            paged.addAll(page.contents().stream().map(S3Object::key).toList());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactly("2026/01/01/a", "2026/01/01/b", "2026/01/02/a", "2026/02/01/a", "2027/01/01/a", "top");

        assertThat(s3.listObjectsV2Paginator(b -> b.bucket(bucket).maxKeys(4)).contents())
                .extracting(S3Object::key).hasSize(6);
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).startAfter("2026/02/01/a")).contents())
                .extracting(S3Object::key).containsExactly("2027/01/01/a", "top");
    }

    @Test
    void copyObjectCopiesBytesAndMetadataOrReplacesThem() {
        String from = newBucket();
        String to = newBucket();
        s3.putObject(b -> b.bucket(from).key("original").contentType("text/csv").metadata(Map.of("rows", "2")),
                RequestBody.fromString("a,b\n1,2\n"));

        s3.copyObject(b -> b.sourceBucket(from).sourceKey("original").destinationBucket(to).destinationKey("copy"));
        ResponseBytes<GetObjectResponse> copy = s3.getObjectAsBytes(b -> b.bucket(to).key("copy"));
        assertThat(copy.asUtf8String()).isEqualTo("a,b\n1,2\n");
        assertThat(copy.response().contentType()).isEqualTo("text/csv");
        assertThat(copy.response().metadata()).containsEntry("rows", "2");

        s3.copyObject(b -> b.sourceBucket(from).sourceKey("original").destinationBucket(to).destinationKey("replaced")
                .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("rows", "many")));
        assertThat(s3.headObject(b -> b.bucket(to).key("replaced")).metadata()).containsEntry("rows", "many");

        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket(from).sourceKey("missing")
                .destinationBucket(to).destinationKey("x")))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void rangedGetsReturnPartOfAnObject() {
        String bucket = newBucket();
        s3.putObject(b -> b.bucket(bucket).key("digits"), RequestBody.fromString("0123456789"));

        ResponseBytes<GetObjectResponse> part = s3.getObjectAsBytes(b -> b.bucket(bucket).key("digits").range("bytes=2-5"));
        assertThat(part.asUtf8String()).isEqualTo("2345");
        assertThat(part.response().contentRange()).isEqualTo("bytes 2-5/10");
    }

    @Test
    void deleteObjectsRemovesManyAtOnce() {
        String bucket = newBucket();
        for (int i = 0; i < 5; i++) {
            String key = "batch/" + i;
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
        }
        var deleted = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("batch/0").build(),
                ObjectIdentifier.builder().key("batch/1").build(),
                ObjectIdentifier.builder().key("batch/9").build())));
        assertThat(deleted.deleted()).hasSize(3);
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key)
                .containsExactly("batch/2", "batch/3", "batch/4");
    }

    @Test
    void aMultipartUploadIsAssembledFromItsParts() {
        String bucket = newBucket();
        byte[] first = randomBytes(5 * 1024 * 1024, 1);
        byte[] second = randomBytes(5 * 1024 * 1024, 2);
        byte[] last = randomBytes(1024, 3);

        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("assembled")).uploadId();
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).hasSize(1);
        List<CompletedPart> parts = new ArrayList<>();
        byte[][] bodies = {first, second, last};
        for (int number = 1; number <= bodies.length; number++) {
            int partNumber = number;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key("assembled").uploadId(uploadId).partNumber(partNumber),
                    RequestBody.fromBytes(bodies[number - 1])).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        }
        assertThat(s3.listParts(b -> b.bucket(bucket).key("assembled").uploadId(uploadId)).parts()).hasSize(3);

        String etag = s3.completeMultipartUpload(b -> b.bucket(bucket).key("assembled").uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts))).eTag();
        // S3's multipart ETag: the MD5 of the parts' MD5s, then the number of parts.
        assertThat(etag).endsWith("-3\"");

        byte[] whole = s3.getObjectAsBytes(b -> b.bucket(bucket).key("assembled")).asByteArray();
        assertThat(whole).hasSize(first.length + second.length + last.length);
        assertThat(java.util.Arrays.copyOfRange(whole, first.length + second.length, whole.length)).isEqualTo(last);
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    @Test
    void anAbortedMultipartUploadLeavesNothing() {
        String bucket = newBucket();
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("abandoned")).uploadId();
        s3.uploadPart(b -> b.bucket(bucket).key("abandoned").uploadId(uploadId).partNumber(1), RequestBody.fromString("part"));

        s3.abortMultipartUpload(b -> b.bucket(bucket).key("abandoned").uploadId(uploadId));
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
    }

    @Test
    void aTenMegabyteObjectRoundTrips() {
        String bucket = newBucket();
        byte[] data = randomBytes(10 * 1024 * 1024, 10);
        s3.putObject(b -> b.bucket(bucket).key("large.bin"), RequestBody.fromBytes(data));

        assertThat(s3.headObject(b -> b.bucket(bucket).key("large.bin")).contentLength()).isEqualTo(data.length);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("large.bin")).asByteArray()).isEqualTo(data);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String md5Hex(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
