package io.kinesisworkbook.lib.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisworkbook.lib.LocalBackends;
import io.kinesisworkbook.lib.Workbook;
import io.kinesisworkbook.lib.backend.Backend;
import io.kinesisworkbook.lib.backend.Capability;
import io.kinesisworkbook.lib.lambda.Lambdas;
import io.kinesisworkbook.lib.lambda.ModuleJars;
import io.kinesisworkbook.lib.producer.Producer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Notebook 08's pipeline through the library, on every local backend: the workbook-lambdas jar,
 * deployed unchanged, transforms log lines that Firehose reads from a data stream and writes to S3
 * as GZIP. The embedded backend always runs it; LocalStack and Floci where one answers at
 * {@code WORKBOOK_ENDPOINT} or Docker can start one (skipped, with the reason, elsewhere, and on a
 * backend that lacks a Firehose feature it needs).
 */
class FirehosePipelineTest {

    private static final String HANDLER = "io.kinesisworkbook.lambdas.LogLineTransform::handleRequest";

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"EMBEDDED", "LOCALSTACK", "FLOCI"})
    void theTransformJarDeploysUnchangedAndFirehoseDeliversItsOutput(Backend backend) throws Exception {
        requireBackend(backend);
        Workbook aws = Workbook.connect(backend);
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String stream = "pipeline-" + suffix;
        String function = "pipeline-transform-" + suffix;
        String delivery = "pipeline-delivery-" + suffix;
        String bucket = "pipeline-" + suffix;
        aws.streams().create(stream, 1);
        Lambdas lambdas = aws.lambdas();
        try {
            var transform = lambdas.deploy(function, ModuleJars.of("workbook-lambdas"), HANDLER);
            aws.deliveryStreams().fromStream(delivery, stream, S3Delivery.to(bucket)
                    .prefixes("logs/", "errors/").buffering(1, 1).compression("GZIP").transform(transform.arn()));
            try (Producer producer = aws.producer(stream).build()) {
                producer.send("app-1", "2026-11-26T10:15:30Z INFO app-1 GET / 200 5ms");
                producer.send("app-1", "2026-11-26T10:15:31Z DEBUG app-1 cache hit");
                producer.send("app-1", "not a log line");
            }

            List<String> delivered = awaitLines(aws, bucket, "logs/", 1);
            List<String> failed = awaitLines(aws, bucket, "errors/", 1);

            assertThat(delivered).containsExactly("{\"timestamp\":\"2026-11-26T10:15:30Z\",\"level\":\"INFO\","
                    + "\"host\":\"app-1\",\"message\":\"GET / 200 5ms\"}");
            assertThat(failed).singleElement().satisfies(line -> assertThat(line).contains("\"errorCode\""));
            assertThat(DeliveredObjects.under(aws.s3(), bucket, "logs/")).allSatisfy(o -> assertThat(o.key()).endsWith(".gz"));
        } finally {
            aws.deliveryStreams().delete(delivery);
            lambdas.delete(function);
            aws.streams().delete(stream);
        }
    }

    private static List<String> awaitLines(Workbook aws, String bucket, String prefix, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        List<String> lines = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            lines = DeliveredObjects.under(aws.s3(), bucket, prefix).stream().flatMap(o -> o.lines().stream()).toList();
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(200);
        }
        return lines;
    }

    private static void requireBackend(Backend backend) {
        if (backend != Backend.EMBEDDED) {
            LocalBackends.require(backend, Capability.LAMBDA, Capability.FIREHOSE_KINESIS_SOURCE,
                    Capability.FIREHOSE_LAMBDA_PROCESSOR);
        }
    }
}
