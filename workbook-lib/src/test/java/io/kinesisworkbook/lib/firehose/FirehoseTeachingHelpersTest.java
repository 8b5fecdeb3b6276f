package io.kinesisworkbook.lib.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisworkbook.lib.Workbook;
import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.firehose.BufferingExperiment.BufferingSummary;
import io.kinesisworkbook.lib.firehose.DeliveredObjects.DeliveredObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

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
