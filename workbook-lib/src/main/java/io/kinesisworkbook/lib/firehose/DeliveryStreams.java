package io.kinesisworkbook.lib.firehose;

import io.kinesisworkbook.lib.backend.WorkbookException;
import io.kinesisworkbook.lib.lambda.WorkbookRoles;
import java.time.Duration;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.firehose.model.CreateDeliveryStreamRequest;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.ProcessorParameterName;
import software.amazon.awssdk.services.firehose.model.ProcessorType;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;

/**
 * Creates Firehose delivery streams to S3 on any backend, with the role, the bucket and the wait
 * until ACTIVE that AWS needs, and deletes them.
 */
public final class DeliveryStreams {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final WorkbookRoles roles;
    private final KinesisClient kinesis;
    private final FirehoseClient firehose;
    private final S3Client s3;

    public DeliveryStreams(WorkbookRoles roles, KinesisClient kinesis, FirehoseClient firehose, S3Client s3) {
        this.roles = roles;
        this.kinesis = kinesis;
        this.firehose = firehose;
        this.s3 = s3;
    }

    /** A delivery stream that reads a Kinesis data stream (from its newest record on) and writes to S3. */
    public String fromStream(String name, String stream, S3Delivery delivery) {
        String streamArn = kinesis.describeStreamSummary(b -> b.streamName(stream)).streamDescriptionSummary()
                .streamARN();
        String role = roles.firehoseRole();
        return create(CreateDeliveryStreamRequest.builder().deliveryStreamName(name)
                .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
                .kinesisStreamSourceConfiguration(s -> s.kinesisStreamARN(streamArn).roleARN(role)), delivery, role);
    }

    /** A delivery stream that producers write to with PutRecord and PutRecordBatch. */
    public String directPut(String name, S3Delivery delivery) {
        String role = roles.firehoseRole();
        return create(CreateDeliveryStreamRequest.builder().deliveryStreamName(name)
                .deliveryStreamType(DeliveryStreamType.DIRECT_PUT), delivery, role);
    }

    private String create(CreateDeliveryStreamRequest.Builder request, S3Delivery delivery, String role) {
        createBucket(delivery.bucket());
        String arn = firehose.createDeliveryStream(request.extendedS3DestinationConfiguration(destination(delivery, role))
                .build()).deliveryStreamARN();
        awaitActive(request.build().deliveryStreamName());
        return arn;
    }

    private static ExtendedS3DestinationConfiguration destination(S3Delivery delivery, String role) {
        ExtendedS3DestinationConfiguration.Builder destination = ExtendedS3DestinationConfiguration.builder()
                .bucketARN("arn:aws:s3:::" + delivery.bucket()).roleARN(role)
                .prefix(delivery.prefix()).errorOutputPrefix(delivery.errorPrefix())
                .bufferingHints(h -> h.intervalInSeconds(delivery.bufferSeconds()).sizeInMBs(delivery.bufferMb()))
                .compressionFormat(delivery.compression());
        if (delivery.transformArn() != null) {
            destination.processingConfiguration(p -> p.enabled(true).processors(processor -> processor
                    .type(ProcessorType.LAMBDA)
                    .parameters(parameter -> parameter.parameterName(ProcessorParameterName.LAMBDA_ARN)
                            .parameterValue(delivery.transformArn()))));
        }
        return destination.build();
    }

    private void createBucket(String bucket) {
        try {
            // Outside us-east-1 S3 wants the region named, or it refuses (IllegalLocationConstraintException).
            String region = s3.serviceClientConfiguration().region().id();
            s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(region.equals("us-east-1") ? null
                    : CreateBucketConfiguration.builder().locationConstraint(region).build()));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // a bucket kept from an earlier run
        }
    }

    /** Deletes a delivery stream and waits until it is gone; buffered records are not delivered. */
    public void delete(String name) {
        try {
            firehose.deleteDeliveryStream(b -> b.deliveryStreamName(name));
        } catch (ResourceNotFoundException alreadyGone) {
            return;
        }
        await(name, null);
    }

    private void awaitActive(String name) {
        await(name, DeliveryStreamStatus.ACTIVE);
    }

    /** Polls until the stream has {@code status}, or is gone when {@code status} is null. */
    private void await(String name, DeliveryStreamStatus status) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            DeliveryStreamStatus now;
            try {
                now = firehose.describeDeliveryStream(b -> b.deliveryStreamName(name)).deliveryStreamDescription()
                        .deliveryStreamStatus();
            } catch (ResourceNotFoundException gone) {
                now = null;
            }
            if (now == status) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new WorkbookException("Delivery stream " + name + " is " + now + ", not " + status + ", after "
                        + PATIENCE.toMinutes() + " minutes");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkbookException("Interrupted while waiting for " + name);
            }
        }
    }
}
