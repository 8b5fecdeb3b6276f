package io.kinesisworkbook.lib.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.lib.Workbook;
import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.firehose.BufferingExperiment.BufferingSummary;
import io.kinesisworkbook.lib.firehose.DeliveredObjects.DeliveredObject;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Notebook 08's helpers: the buffering experiment and a retried batch against the embedded emulator, the rest on their own. */
class FirehoseTeachingHelpersTest {

    @Test
    void aShorterBufferingIntervalWritesMoreObjectsSoonerAndEveryRecordArrives() throws Exception {
        Workbook aws = Workbook.connect(Backend.EMBEDDED);
        String bucket = "buffering-test-" + System.nanoTime() % 1_000_000;
        BufferingExperiment.Result result = BufferingExperiment.into(aws.deliveryStreams(), aws.firehose(), aws.s3(), bucket)
                .intervals(1, 3).feedFor(Duration.ofSeconds(3)).run();

        List<BufferingSummary> summary = result.summary();
        assertThat(summary).extracting(BufferingSummary::deliveryStream).containsExactly("buffer-1s", "buffer-3s");
        assertThat(result.fed()).isEqualTo(600);   // 30 batches of 20 in 3 s
        assertThat(summary).allSatisfy(row -> assertThat(row.records()).isEqualTo(result.fed()));
        assertThat(summary.get(0).objects()).isGreaterThan(summary.get(1).objects());
        assertThat(summary.get(0).medianWaitMs()).isLessThan(summary.get(1).medianWaitMs());
        assertThat(summary).allSatisfy(row -> assertThat(row.maxWaitMs()).isGreaterThanOrEqualTo(row.medianWaitMs()));
        assertThat(result.chart("records").seriesNames()).containsExactly("sent", "in S3, 1 s interval", "in S3, 3 s interval");
        assertThat(aws.firehose().listDeliveryStreams().deliveryStreamNames()).doesNotContain("buffer-1s", "buffer-3s");
    }

    @Test
    void aKeyListedButGoneWhenReadIsLeftOut() throws Exception {
        Workbook aws = Workbook.connect(Backend.EMBEDDED);
        String bucket = "gone-test-" + System.nanoTime() % 1_000_000;
        aws.s3().createBucket(b -> b.bucket(bucket));
        aws.s3().putObject(b -> b.bucket(bucket).key("orders/1.json"), RequestBody.fromString("{\"id\":1}\n"));
        // A listing that names one more key than S3 can serve: S3Proxy's name for a PutObject still being
        // written, or on AWS an object deleted between the two calls.
        S3Client listsAPhantom = listingAlso(aws.s3(), "orders/1.json-5f0c9a40-phantom");

        List<DeliveredObject> objects = DeliveredObjects.under(listsAPhantom, bucket, "orders/");

        assertThat(objects).extracting(DeliveredObject::key).containsExactly("orders/1.json");
        assertThat(objects.get(0).lines()).containsExactly("{\"id\":1}");
    }

    /** {@code s3}, except that its ListObjectsV2 answers also name {@code phantomKey}. */
    private static S3Client listingAlso(S3Client s3, String phantomKey) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("listObjectsV2") && args != null && args.length == 1
                    && args[0] instanceof ListObjectsV2Request request) {
                ListObjectsV2Response real = s3.listObjectsV2(request);
                List<S3Object> contents = new ArrayList<>(real.contents());
                contents.add(S3Object.builder().key(phantomKey).size(1L).lastModified(Instant.now()).build());
                return real.toBuilder().contents(contents).keyCount(contents.size()).build();
            }
            if (method.getName().equals("listObjectsV2Paginator")) {
                // The interface's own paginator, so that its pages come from the listObjectsV2 above.
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                return method.invoke(s3, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class}, handler);
    }

    @Test
    void aBatchSentTwiceLandsTwiceAndOnlyItsIdsTellTheCopiesApart() throws Exception {
        Workbook aws = Workbook.connect(Backend.EMBEDDED);
        String bucket = "twice-test-" + System.nanoTime() % 1_000_000;
        String stream = "twice-" + System.nanoTime() % 1_000_000;
        aws.deliveryStreams().directPut(stream, S3Delivery.to(bucket).prefixes("orders/", null).buffering(1, 1));
        List<String> lines = IntStream.range(0, 50).mapToObj(i -> "{\"id\":" + i + "}").toList();
        aws.firehose().putRecordBatch(b -> b.deliveryStreamName(stream).records(FirehoseLines.of(lines)));
        aws.firehose().putRecordBatch(b -> b.deliveryStreamName(stream).records(FirehoseLines.of(lines)));
        try {
            List<String> landed = DeliveredObjects.awaitLines(aws.s3(), bucket, "orders/", 100, Duration.ofSeconds(60))
                    .stream().flatMap(o -> o.lines().stream()).toList();
            assertThat(landed).hasSize(100);
            assertThat(landed.stream().distinct()).containsExactlyInAnyOrderElementsOf(lines);
            assertThatThrownBy(() -> DeliveredObjects.awaitLines(aws.s3(), bucket, "orders/", 101, Duration.ofMillis(300)))
                    .isInstanceOf(WorkbookException.class).hasMessageContaining("100 of 101 lines");
        } finally {
            aws.deliveryStreams().delete(stream);
        }
    }

    @Test
    void aTransformEventCarriesEachLineInBase64AndItsAnswerReadsBack() {
        String event = TransformEvent.of("first line", "second line");
        assertThat(event).contains("\"recordId\":\"1\"", "\"recordId\":\"2\"",
                base64("first line"), base64("second line"), "\"invocationId\"");
        String payload = "{\"records\":[{\"recordId\":\"1\",\"result\":\"Ok\",\"data\":\"" + base64("{\"a\":1}\n") + "\"},"
                + "{\"recordId\":\"2\",\"result\":\"Dropped\"}]}";
        assertThat(TransformEvent.answers(payload)).containsExactly(new TransformEvent.Answer("1", "Ok", "{\"a\":1}"),
                new TransformEvent.Answer("2", "Dropped", ""));
        assertThatThrownBy(() -> TransformEvent.answers("not json")).isInstanceOf(WorkbookException.class);
    }

    @Test
    void theErrorOutputGivesBackEachFailedRecordAsItArrived() {
        String document = "{\"attemptsMade\":1,\"errorCode\":\"Lambda.ProcessingFailedStatus\",\"rawData\":\""
                + base64("\tat com.example.Cart.total(Cart.java:42)") + "\"}";
        DeliveredObject object = new DeliveredObject("errors/x", 10, Instant.EPOCH,
                (document + "\n" + document + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(ErrorOutput.of(List.of(object))).hasSize(2).allSatisfy(failed -> {
            assertThat(failed.errorCode()).isEqualTo("Lambda.ProcessingFailedStatus");
            assertThat(failed.attemptsMade()).isEqualTo(1);
            assertThat(failed.rawData()).isEqualTo("\tat com.example.Cart.total(Cart.java:42)");
        });
    }

    @Test
    void firehoseLinesEndEachRecordWithANewline() {
        assertThat(FirehoseLines.of(List.of("a", "b"))).extracting(r -> r.data().asUtf8String()).containsExactly("a\n", "b\n");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
