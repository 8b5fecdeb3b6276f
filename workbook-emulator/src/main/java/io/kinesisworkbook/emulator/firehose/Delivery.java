package io.kinesisworkbook.emulator.firehose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.EmulatorClock;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.logging.Logger;

/**
 * What the delivery thread does for one delivery stream on each tick: write what S3 refused before,
 * read new records from the source stream, deliver every buffer that is due (transform,
 * concatenate, compress, write to S3), and write failed records under the error output prefix.
 *
 * <p>At least once: an object leaves the pending queue only once S3 has taken it, so an S3 outage
 * delays delivery and loses nothing; records leave the buffer only into such objects.
 */
final class Delivery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());

    private final ObjectStore store;
    private final LambdaProcessor processor;
    private final SourceReader source;
    private final EmulatorClock clock;
    private final FirehoseMetrics metrics;

    Delivery(ObjectStore store, LambdaProcessor processor, SourceReader source, EmulatorClock clock,
             FirehoseMetrics metrics) {
        this.store = store;
        this.processor = processor;
        this.source = source;
        this.clock = clock;
        this.metrics = metrics;
    }

    void run(DeliveryStream stream, String region) {
        if (!stream.isActive()) {
            return;
        }
        synchronized (stream.deliveryLock) {
            if (!writePending(stream)) {
                return;   // S3 refuses: stop reading the source too, rather than buffer without end
            }
            if (stream.sourceStreamArn() != null) {
                source.read(stream);
            }
            while (stream.isDue(clock.millis())) {
                List<BufferedRecord> batch = stream.takeBatch();
                try {
                    prepareObjects(stream, region, batch);
                } catch (RuntimeException e) {
                    stream.putBack(batch);   // nothing is lost: the next tick tries again
                    throw e;
                }
                if (!writePending(stream)) {
                    return;
                }
            }
        }
    }

    // --- making objects ----------------------------------------------------------------------------

    /** Turns a batch into the objects to write: the delivered records, and the failed ones under the error prefix. */
    private void prepareObjects(DeliveryStream stream, String region, List<BufferedRecord> batch) {
        S3Destination destination = stream.destination();
        LambdaProcessor.Outcome outcome = processor.process(stream, region, batch);
        Instant oldest = Instant.ofEpochMilli(batch.get(0).arrivalMillis());
        if (!outcome.delivered().isEmpty()) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            outcome.delivered().forEach(record -> data.writeBytes(record.data()));
            metrics.deliveringToS3(stream.name(), outcome.delivered().size(), data.size(), oldest.toEpochMilli(),
                    clock.millis());
            String key = Prefixes.objectKey(destination.prefix(), stream.name(), stream.version(), oldest,
                    destination.compression());
            byte[] body = destination.compression().compress(data.toByteArray(), key.substring(key.lastIndexOf('/') + 1));
            stream.pending().add(new DeliveryStream.PendingObject(destination.bucket(), key, body,
                    "application/octet-stream"));
        }
        if (!outcome.failed().isEmpty()) {
            String key = Prefixes.errorObjectKey(destination.errorOutputPrefix(), "processing-failed", stream.name(),
                    stream.version(), oldest);
            stream.pending().add(new DeliveryStream.PendingObject(destination.bucket(), key, errorLines(outcome.failed()),
                    "application/octet-stream"));
        }
    }

    /** One JSON document a line for each failed record, in the shape AWS writes under processing-failed/. */
    private static byte[] errorLines(List<LambdaProcessor.Failed> failed) {
        StringBuilder lines = new StringBuilder();
        for (LambdaProcessor.Failed record : failed) {
            ObjectNode line = JSON.createObjectNode()
                    .put("attemptsMade", record.attempts())
                    .put("arrivalTimestamp", record.source().arrivalMillis())
                    .put("errorCode", record.errorCode())
                    .put("errorMessage", record.errorMessage())
                    .put("attemptEndingTimestamp", record.endedMillis())
                    .put("rawData", Base64.getEncoder().encodeToString(record.source().data()))
                    .put("lambdaArn", record.lambdaArn());
            lines.append(line).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the pending objects in order; false when S3 refused one (it stays, for the next tick). */
    private boolean writePending(DeliveryStream stream) {
        while (!stream.pending().isEmpty()) {
            DeliveryStream.PendingObject object = stream.pending().peekFirst();
            try {
                if (!store.bucketExists(object.bucket())) {
                    metrics.s3Put(stream.name(), false, clock.millis());
                    stream.noteDeliveryProblem("S3.NoSuchBucket: bucket " + object.bucket() + " does not exist", LOG);
                    return false;   // as AWS: keep retrying (for up to 24 hours) until the bucket exists
                }
                store.putObject(object.bucket(), object.key(), object.data(), object.contentType());
            } catch (RuntimeException unavailable) {
                metrics.s3Put(stream.name(), false, clock.millis());
                stream.noteDeliveryProblem("S3 refused " + object.key() + ": " + unavailable.getMessage(), LOG);
                return false;
            }
            metrics.s3Put(stream.name(), true, clock.millis());
            stream.pending().pollFirst();
        }
        return true;
    }
}
