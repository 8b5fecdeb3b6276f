package io.kinesisworkbook.emulator.firehose;

import io.kinesisworkbook.emulator.EmulatorOptions;
import io.kinesisworkbook.emulator.http.Operations;
import io.kinesisworkbook.emulator.http.OperationsService;
import io.kinesisworkbook.emulator.kinesis.StreamTap;
import io.kinesisworkbook.emulator.lambda.FunctionInvoker;
import io.kinesisworkbook.emulator.metrics.MetricsSink;
import io.kinesisworkbook.emulator.s3.ObjectStore;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Amazon Data Firehose ({@code X-Amz-Target: Firehose_20150804.*}, AWS JSON 1.1) with extended S3
 * destinations: every operation, by name, to the class that answers it, and one delivery thread
 * that delivers every due buffer, ten times a second, by the emulator's clock.
 */
public final class FirehoseService extends OperationsService implements AutoCloseable {

    public static final String TARGET_PREFIX = "Firehose_20150804";
    /** How often the delivery thread looks at the buffers, in real time. */
    static final long TICK_MILLIS = 100;
    private static final Logger LOG = Logger.getLogger(FirehoseService.class.getName());

    private final DeliveryStreamRegistry registry;
    private final Delivery delivery;
    private final ScheduledExecutorService deliveryThread;
    private final FirehoseWriter writer;

    public FirehoseService(EmulatorOptions options, StreamTap tap, ObjectStore store, FunctionInvoker functions) {
        this(options, tap, store, functions, MetricsSink.DISCARD);
    }

    /** @param metrics where the AWS/Firehose metrics go (CloudWatch's store) */
    public FirehoseService(EmulatorOptions options, StreamTap tap, ObjectStore store, FunctionInvoker functions,
                           MetricsSink metrics) {
        super(TARGET_PREFIX, "firehose");
        FirehoseMetrics published = new FirehoseMetrics(metrics);
        registry = new DeliveryStreamRegistry(options.accountId(), options.clock());
        SourceReader source = new SourceReader(tap, options.clock(), published);
        DeliveryStreamOperations streams = new DeliveryStreamOperations(registry, tap, source, options.clock(),
                options.transitionDelay().toMillis());
        RecordOperations records = new RecordOperations(streams, options.clock(), published);
        delivery = new Delivery(store, new LambdaProcessor(functions, options.clock(), published), source,
                options.clock(), published);
        writer = new RecordIntake(registry, options.clock());

        operations.structure("CreateDeliveryStream", streams::create);
        operations.structure("DescribeDeliveryStream", streams::describe);
        operations.structure("ListDeliveryStreams", streams::list);
        operations.structure("DeleteDeliveryStream", streams::delete);
        operations.structure("UpdateDestination", streams::updateDestination);
        operations.structure("TagDeliveryStream", streams::tag);
        operations.structure("UntagDeliveryStream", streams::untag);
        operations.structure("ListTagsForDeliveryStream", streams::listTags);
        operations.structure("PutRecord", records::putRecord);
        operations.structure("PutRecordBatch", records::putRecordBatch);

        deliveryThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "firehose-delivery");
            thread.setDaemon(true);
            return thread;
        });
        deliveryThread.scheduleWithFixedDelay(this::deliverDue, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Delivers every buffer that is due now; the delivery thread calls it, and so can a test. */
    public void deliverDue() {
        for (DeliveryStreamRegistry.Located located : registry.all()) {
            try {
                delivery.run(located.stream(), located.region());
            } catch (RuntimeException e) {
                // One broken delivery must not stop the others; its batch went back into its buffer.
                LOG.log(Level.WARNING, "delivery of " + located.stream().name() + " failed", e);
            }
        }
    }

    /** How the emulator's other services (EventBridge) put records into delivery streams. */
    public FirehoseWriter writer() {
        return writer;
    }

    @Override
    public void close() {
        deliveryThread.shutdownNow();
    }
}
